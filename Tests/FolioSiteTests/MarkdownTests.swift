import Testing

@testable import FolioSite

@Suite struct MarkdownTests {
    let safe = Markdown(smartPunctuation: true, unsafe: false)

    @Test func headingsGetStableUniqueIDs() {
        let result = safe.render("# Intro\n\n## Intro\n\n### *Styled* `code`\n\n## !!!\n")
        #expect(result.headings.map(\.id) == ["intro", "intro-1", "styled-code", "section"])
        #expect(result.html.contains("<h1 id=\"intro\">Intro</h1>"))
        #expect(result.html.contains("<h2 id=\"intro-1\">Intro</h2>"))
        #expect(result.html.contains("<h3 id=\"styled-code\"><em>Styled</em> <code>code</code></h3>"))
    }

    @Test func gfmExtensionsAndFootnotes() {
        let html = safe.render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~gone~~ www.example.com

        - [x] done

        Note[^1].

        [^1]: Footnote text.
        """).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("<section class=\"footnotes\""))
    }

    @Test func smartPunctuationIsAnOption() {
        #expect(safe.render("\"hi\" -- there...").html.contains("“hi” – there…"))
        #expect(Markdown(smartPunctuation: false).render("\"hi\" -- there").html.contains("&quot;hi&quot; -- there"))
    }

    @Test func rawHTMLAndDangerousLinksAreFilteredByDefault() {
        let html = safe.render("<script>alert(1)</script>\n\nx <b onclick=\"x\">y</b> [a](javascript:alert(1))").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
    }

    @Test func unsafeKeepsHTMLButTagfilterStillDefusesScripts() {
        let html = Markdown(unsafe: true).render("<div class=\"k\">kept</div>\n\n<script>alert(1)</script>\n").html
        #expect(html.contains("<div class=\"k\">kept</div>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func collectsLinksWithPositionsSummaryAndWords() {
        let result = safe.render("First para with [a link](/x/).\n\nSecond *para*.\n")
        #expect(result.links == [.init(destination: "/x/", line: 1, column: 17)])
        #expect(result.firstParagraph == "First para with a link.")
        #expect(result.wordCount == 7)
    }
}
