import FolioCore
import Testing

@Suite struct DateValueTests {
    @Test(arguments: [
        ("2024-03-01", "2024-03-01T00:00:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
        ("2024-03-01T09:30:00Z", "2024-03-01T09:30:00Z"),
        ("2024-03-01 09:30", "2024-03-01T09:30:00Z"),
        ("2024-03-01T09:30:00+05:30", "2024-03-01T04:00:00Z"),
        ("2024-03-01T23:30:00-01:00", "2024-03-02T00:30:00Z"),
        ("2024-03-01T09:30:00.123Z", "2024-03-01T09:30:00Z"),
        ("1969-12-31", "1969-12-31T00:00:00Z"),
    ])
    func parsesAndNormalises(_ text: String, _ iso: String) throws {
        let date = try #require(DateValue(text))
        #expect(date.iso8601 == iso)
        #expect(date.text == text)
    }

    @Test(arguments: ["2024-13-01", "2023-02-29", "2024-04-31", "2024-1-01", "March 1", "", "2024-03-01T25:00",
                      "2024-03-01Tnoon", "2024-03-01T09:30:00+5"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(DateValue(text) == nil)
    }

    @Test func displaysForReaders() throws {
        let date = try #require(DateValue("2024-03-01"))
        #expect(date.display == "March 1, 2024")
        #expect(date.monthYear == "Mar 2024")
        #expect(date.isoDate == "2024-03-01")
        #expect(try #require(DateValue("2023-12-31")) < date)
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Hello, World!", "hello-world"),
        ("  Über Café  ", "über-café"),
        ("日本語", "日本語"),
        ("../../etc/passwd", "etc-passwd"),
        ("C++ & Swift", "c-swift"),
        ("snake_case", "snake_case"),
        ("!!!", ""),
    ])
    func makesPathSafeSlugs(_ input: String, _ expected: String) {
        #expect(Slug.make(input) == expected)
    }
}

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        #expect(Diagnostic(path: "a.md", line: 3, column: 7, message: "bad").description == "a.md:3:7: error: bad")
        #expect(Diagnostic(path: "a.md", line: 3, message: "bad").description == "a.md:3:1: error: bad")
        #expect(Diagnostic(path: "a.md", severity: .warning, message: "hm").description == "a.md: warning: hm")
    }
}
