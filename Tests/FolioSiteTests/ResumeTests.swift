import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// The JSON Resume model and its loading: round trips, validation with locations.
@Suite struct ResumeModelTests {
    static let resumes = GoldenTests.fixtures.appendingPathComponent("_resumes")

    @Test(arguments: ["full.json", "sample.json"])
    func jsonRoundTripsByteForByte(_ name: String) throws {
        let url = Self.resumes.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let resume = try Resume.load(file: url)
        #expect(resume.json.encoded(pretty: true) == text)
    }

    @Test func unknownFieldsAndPartialDatesSurvive() throws {
        let resume = try Resume.load(file: Self.resumes.appendingPathComponent("full.json"))
        #expect(resume.value(at: "x-custom-section.kept") == .bool(true))
        #expect(resume.value(at: "work[0].x-internal-id") == .number(42))
        #expect(resume.value(at: "basics.pronouns") == .string("she/her"))
        #expect(resume.value(at: "work[0].startDate") == .string("1842"))
        #expect(resume.value(at: "work[0].endDate") == .string("1843-07"))
        #expect(resume.warnings.map(\.message) == ["'x-custom-section' is not a JSON Resume section; it is kept but not shown"])
    }

    @Test func yamlReadsToTheSameDocumentAsJSON() throws {
        let json = try Resume.load(file: Self.resumes.appendingPathComponent("full.json"))
        let yamlText = json.json.yamlText()
        let yaml = try Resume.parse(yamlText, path: "full.yaml", yaml: true)
        #expect(yaml.json == json.json)
    }

    @Test func yamlNumbersBecomeTextWhereTheSchemaWantsText() throws {
        let resume = try Resume.parse("""
        basics:
          name: Ada
          phone: 0123456
          location: { postalCode: 10115 }
        education:
          - institution: Uni
            startDate: 2010
            endDate: 2014-07
        x-years: 12
        """, path: "r.yaml", yaml: true)
        #expect(resume.value(at: "basics.phone") == .string("0123456"))
        #expect(resume.value(at: "basics.location.postalCode") == .string("10115"))
        #expect(resume.value(at: "education[0].startDate") == .string("2010"))
        #expect(resume.value(at: "x-years") == .number(12))
    }

    @Test(arguments: [
        ("{\"work\": [{}, {}, {\"startDate\": \"2019-13\"}]}", "r.json:1:33: error: work[2].startDate \"2019-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        ("{\"basics\": {\"name\": 5}}", "r.json:1:21: error: basics.name must be text, not a number"),
        ("{\"basics\": {\"email\": \"nope\"}}", "r.json:1:22: error: basics.email \"nope\" is not an email address"),
        ("{\"work\": {\"name\": \"x\"}}", "r.json:1:10: error: work must be a list, not an object"),
        ("{\"work\": [{\"location\": \"Berlin\"}]}", "r.json:1:24: error: work[0].location must be an object like {\"city\": \"Berlin\", \"countryCode\": \"DE\"}, not text"),
        ("{}", "r.json:1:1: error: the resume is empty; add at least basics.name"),
        ("[]", "r.json:1:1: error: a resume must be an object with sections like basics, work and education"),
        ("", "r.json:1:1: error: the file is empty; a resume needs at least basics.name"),
    ])
    func validationErrorsNameTheSpot(_ text: String, _ message: String) {
        do {
            _ = try Resume.parse(text, path: "r.json", yaml: false)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }

    @Test func yamlErrorsNameTheSpotToo() {
        do {
            _ = try Resume.parse("basics:\n  name: Ada\nwork:\n  - name: X\n    startDate: 2019-13\n", path: "resume.yaml", yaml: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "resume.yaml:5:16: error: work[0].startDate \"2019-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
    }

    @Test func misspelledSectionsGetASuggestion() throws {
        let resume = try Resume.parse("{\"basics\": {\"name\": \"A\"}, \"projetcs\": []}", path: "r.json", yaml: false)
        #expect(resume.warnings.map(\.message) == ["'projetcs' is not a JSON Resume section; it is kept but not shown (did you mean 'projects'?)"])
    }

    @Test func hugeTextIsRefused() {
        let huge = String(repeating: "a", count: 200_000)
        #expect(throws: DiagnosticError.self) {
            try Resume.parse("{\"basics\": {\"summary\": \"\(huge)\"}}", path: "r.json", yaml: false)
        }
    }

    @Test func binaryFilesAreRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-binary-\(UUID()).json")
        try Data([0x7B, 0x00, 0xFF, 0x7D]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: DiagnosticError.self) { try Resume.load(file: file) }
    }

    /// The official schema, checked by Python's jsonschema (installed on this machine
    /// kind; the test says so and stops if it is not).
    @Test func exportedJSONValidatesAgainstTheOfficialSchema() throws {
        let schema = GoldenTests.fixtures.appendingPathComponent("../../../../shared/schemas/jsonresume.schema.json").standardizedFileURL
        try #require(FileManager.default.fileExists(atPath: schema.path), "the official schema is at shared/schemas beside the repository")
        for name in ["full.json", "sample.json"] {
            let resume = try Resume.load(file: Self.resumes.appendingPathComponent(name))
            let exported = FileManager.default.temporaryDirectory.appendingPathComponent("folio-export-\(UUID()).json")
            try ResumeRenderer(loader: ThemeLoader(siteDirectory: exported)).render(resume, as: .json).write(to: exported)
            defer { try? FileManager.default.removeItem(at: exported) }
            let result = try PythonCheck.run("""
            import json, sys, jsonschema
            jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            print("valid")
            """, arguments: [exported.path, schema.path])
            #expect(result == "valid\n", "\(name): \(result)")
        }
    }
}

/// Runs a small Python program; the machine kind ships python3 with jsonschema.
enum PythonCheck {
    static func run(_ program: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
