import FolioCore
import FolioInsights
import Testing

@Suite("Tokens, HTML and Markdown text, readability")
struct TextTests {
    @Test("tokens keep the symbols skills are written with and split hyphens and slashes")
    func tokens() {
        #expect(Tokenizer.words("Node.js, C++ and C# on .NET; CI/CD for front-end R&D.") ==
                ["node.js", "c++", "and", "c#", "on", ".net", "ci", "cd", "for", "front", "end", "r&d"])
        let tokens = Tokenizer.tokens("Python, Go")
        #expect(tokens.map(\.startsPhrase) == [true, true])
        #expect(tokens[1].raw == "Go")
        #expect(Tokenizer.words("Müller’s Straße") == ["müller", "straße"])
    }

    @Test("plurals fold the same way on both sides")
    func stems() {
        #expect(Stemmer.stem("apis") == "api")
        #expect(Stemmer.stem("policies") == "policy")
        #expect(Stemmer.stem("business") == "business")
        #expect(Stemmer.stem("nurses") == Stemmer.stem("nurse"))
    }

    @Test("HTML: scripts, styles and comments dropped, entities decoded, lists kept as lines")
    func html() {
        let html = """
            <html><head><style>p{color:red}</style><script>alert("Kubernetes")</script></head>
            <body><!-- hidden --><h1>Nurse &amp; Carer</h1><p>St. Mary&#39;s &ndash; caf&eacute; &#x2019;</p>
            <ul><li>One</li><li>Two</li></ul><p>5 < 6 and x <3</p><noscript>no</noscript></body></html>
            """
        let text = HTMLText.text(html)
        #expect(text == "Nurse & Carer\n\nSt. Mary's \u{2013} caf\u{E9} \u{2019}\n\n- One\n- Two\n\n5 < 6 and x <3")
    }

    @Test("Markdown loses its syntax but keeps link labels and list items")
    func markdown() {
        let text = MarkdownText.text("# Title\n\n* Use **React** and [GraphQL](https://graphql.org)\n```\ncode\n```")
        #expect(text == "Title\n\n- Use React and GraphQL\ncode")
    }

    @Test("Flesch reading ease: plain text scores higher than jargon")
    func readability() throws {
        let plain = try #require(Readability.fleschReadingEase(sentences: ["I led a team of five.", "We shipped the app on time."]))
        let hard = try #require(Readability.fleschReadingEase(sentences: [
            "Utilization of multifaceted organizational methodologies facilitating comprehensive optimization."]))
        #expect(plain > 80)
        #expect(hard < 0)
        #expect(Readability.syllables(in: "table") == 2)
        #expect(Readability.fleschReadingEase(sentences: ["", "  "]) == nil)
    }
}
