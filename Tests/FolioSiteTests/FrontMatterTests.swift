import FolioCore
import Testing

@testable import FolioSite

@Suite struct FrontMatterTests {
    @Test func splitsHeaderAndBodyAndKeepsUnknownKeysAsParams() throws {
        let text = "---\r\ntitle: Hi\r\ntags: one\r\nhero: big.png\r\nparams:\r\n  color: red\r\n---\r\nBody\r\n"
        let (matter, body, line) = try FrontMatter.split(text, path: "a.md")
        #expect(matter.title == "Hi")
        #expect(matter.tags == ["one"])
        #expect(matter.params["hero"] as? String == "big.png")
        #expect(matter.params["color"] as? String == "red")
        #expect(body == "Body\r\n")
        #expect(line == 8)
    }

    @Test func noFrontMatterMeansAllBody() throws {
        let (matter, body, line) = try FrontMatter.split("# Just text\n", path: "a.md")
        #expect(matter.title == nil)
        #expect(body == "# Just text\n")
        #expect(line == 1)
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: DiagnosticError.self) { try FrontMatter.split("---\ntitle: x\n", path: "a.md") }
    }

    @Test func errorsPointIntoTheFile() {
        do {
            _ = try FrontMatter.split("---\ntitle: ok\nweight: heavy\n---\n", path: "content/a.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.description == "content/a.md:3:9: error: 'weight' must be a whole number")
        }
    }
}

@Suite struct OutputPathTests {
    @Test(arguments: [
        ("/old/url/", "old/url/index.html"),
        ("old.html", "old.html"),
        ("/a/./b", "a/b/index.html"),
        ("/caf%C3%A9/", "café/index.html"),
    ])
    func normalises(_ input: String, _ expected: String) {
        #expect(OutputPath.normalize(input, defaultFile: "index.html") == expected)
    }

    @Test(arguments: ["/../x/", "../../etc/passwd", "/a/../../b", "/", "", "/%2e%2e/x", "a\\..\\b"])
    func refusesPathsOutsideTheOutput(_ input: String) {
        #expect(OutputPath.normalize(input, defaultFile: "index.html") == nil)
    }
}
