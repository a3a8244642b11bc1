import FolioCore
import FolioInsights
import Foundation

/// The fixtures committed beside these tests: postings in every supported format and
/// resumes from five fields (software, nursing, finance, sales, teaching).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A fixed "today" so date checks do not age.
    static let today = PartialDate("2026-11-24")!

    static func resume(_ name: String) throws -> Resume {
        let text = try String(contentsOfFile: path("resumes/\(name).json"), encoding: .utf8)
        let (value, locations) = try JSONParser.parse(text, path: name)
        return try Resume(json: value, path: name, locations: locations)
    }

    /// A resume read without validation (the defects fixture would not validate).
    static func facts(_ name: String) throws -> ResumeFacts {
        let text = try String(contentsOfFile: path("resumes/\(name).json"), encoding: .utf8)
        return ResumeFacts(document: try JSONParser.parse(text, path: name).0.objectValue!, lexicon: .builtin)
    }

    /// Every posting of every fixture file, with the file it came from.
    static func postings() throws -> [(file: String, posting: Posting)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: path("postings")).sorted()
        return try files.flatMap { file in
            try PostingImporter().read(path: path("postings/\(file)")).postings.map { (file, $0) }
        }
    }

    static func posting(_ file: String) throws -> Posting {
        try PostingImporter().read(path: path("postings/\(file)")).postings[0]
    }

    /// The field each posting belongs to, by title.
    static let fields: [String: String] = [
        "Senior Backend Engineer": "software", "Frontend Engineer": "software",
        "Registered Nurse – Intensive Care Unit": "nursing", "Emergency Department Registered Nurse": "nursing",
        "Financial Analyst, FP&A": "finance", "Staff Accountant": "finance",
        "Account Executive, Mid-Market": "sales", "Sales Development Representative": "sales",
        "High School Mathematics Teacher": "teaching", "Elementary School Teacher (Grade 3)": "teaching",
    ]

    /// A temporary file with `bytes`, removed by the caller.
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-insights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
