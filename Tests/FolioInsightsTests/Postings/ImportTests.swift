import FolioCore
import FolioInsights
import Foundation
import Testing

@Suite("Posting import: every format, and bad input")
struct ImportTests {
    @Test("plain text: title and company from the first line, metadata from the text")
    func plainText() throws {
        let posting = try Fixtures.posting("software-backend.txt")
        #expect(posting.title == "Senior Backend Engineer")
        #expect(posting.company == "Northwind Cloud")
        #expect(posting.location == "Berlin, Germany (hybrid)")
        #expect(posting.workplace == "hybrid")
        #expect(posting.employment == "full-time")
        #expect(posting.salaryMin == 75000 && posting.salaryMax == 95000 && posting.salaryCurrency == "EUR")
        #expect(posting.requirements?.hasPrefix("- 5+ years of backend development experience") == true)
        #expect(posting.requirements?.contains("30 days of holiday") == false)
        #expect(posting.source == "text")
    }

    @Test("Markdown: heading as title, syntax gone")
    func markdown() throws {
        let posting = try Fixtures.posting("software-frontend.md")
        #expect(posting.title == "Frontend Engineer" && posting.company == "Lumen Apps")
        #expect(posting.workplace == "remote")
        #expect(!posting.text.contains("**") && posting.text.contains("loves React and TypeScript"))
        #expect(posting.requirements?.contains("Redux") == true)
    }

    @Test("HTML: scripts, styles and noscript dropped, entities decoded")
    func html() throws {
        let posting = try Fixtures.posting("nursing-icu.html")
        #expect(posting.title == "Registered Nurse \u{2013} Intensive Care Unit")
        #expect(posting.company == "St. Mary's Hospital Careers")
        #expect(!posting.text.contains("Kubernetes") && !posting.text.contains("Hidden text") && !posting.text.contains("font-family"))
        #expect(!posting.text.contains("Enable JavaScript"))
        #expect(posting.text.contains("St. Mary's Hospital \u{B7} Chicago, IL"))
        #expect(posting.requirements?.contains("ACLS") == true)
    }

    @Test("JSON-LD standalone: organisation, address, hourly salary, qualifications")
    func jsonLD() throws {
        let posting = try Fixtures.posting("nursing-er.jsonld")
        #expect(posting.title == "Emergency Department Registered Nurse")
        #expect(posting.company == "Lakeside Medical Center")
        #expect(posting.location == "Madison, WI" && posting.country == "US")
        #expect(posting.salaryMin == 38 && posting.salaryMax == 52 && posting.salaryPeriod == "hour")
        #expect(posting.employment == "full-time" && posting.date == "2026-10-02")
        #expect(posting.requirements?.contains("PALS") == true)
        #expect(posting.source == "json-ld")
    }

    @Test("JSON-LD inside HTML, in an @graph, with an escaped description")
    func jsonLDInHTML() throws {
        let posting = try Fixtures.posting("teaching-math.html")
        #expect(posting.title == "High School Mathematics Teacher")
        #expect(posting.company == "Riverside Unified School District")
        #expect(posting.text.contains("Algebra II") && !posting.text.contains("&lt;"))
        #expect(posting.salaryMax == 98000 && posting.source == "html")
    }

    @Test("Greenhouse export: every job, double-escaped content, metadata")
    func greenhouse() throws {
        let postings = try PostingImporter().read(path: Fixtures.path("postings/greenhouse.json")).postings
        #expect(postings.map(\.title) == ["Financial Analyst, FP&A", "Staff Accountant"])
        #expect(postings[0].text.contains("join FP&A.") && !postings[0].text.contains("<li>"))
        #expect(postings[0].workplace == "hybrid" && postings[0].employment == "full-time")
        #expect(postings[0].salaryMin == 95000 && postings[0].salaryMax == 120000)
        #expect(postings[1].location == "Boston, MA" && postings[1].url?.hasSuffix("4821390") == true)
        #expect(postings[1].requirements?.contains("CPA preferred") == true)
    }

    @Test("Lever export: lists as requirements, salary range, company from the URL")
    func lever() throws {
        let postings = try PostingImporter().read(path: Fixtures.path("postings/lever.json")).postings
        #expect(postings.map(\.title) == ["Account Executive, Mid-Market", "Sales Development Representative"])
        #expect(postings[0].company == "brightpath" && postings[0].workplace == "hybrid")
        #expect(postings[0].requirements?.contains("quota attainment") == true)
        #expect(postings[0].requirements?.contains("discovery calls") == false)
        #expect(postings[0].salaryMin == 70000 && postings[0].salaryCurrency == "USD")
        #expect(postings[1].workplace == "remote" && postings[1].date == "2025-10-09")
    }

    @Test("record fields round-trip")
    func fields() throws {
        let posting = try Fixtures.posting("nursing-er.jsonld")
        let back = Posting(fields: JSONObject(posting.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        #expect(back == posting)
    }

    @Test("bad files give clear messages", arguments: [
        ("empty.txt", [UInt8](), "empty.txt: error: the file is empty"),
        ("blank.txt", Array(" \n\t\n".utf8), "blank.txt: error: the file is empty"),
        ("image.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], "image.png: error: the file is not text"),
        ("latin1.txt", [0x63, 0x61, 0x66, 0xE9], "latin1.txt: error: the file is not text"),
        ("other.json", Array(#"{"name": "x"}"#.utf8), "other.json:1:1: error: this JSON is not a job posting"),
        ("broken.json", Array(#"{"jobs": [}"#.utf8), "broken.json:1:11: error: invalid JSON"),
    ])
    func badFiles(_ name: String, _ bytes: [UInt8], _ expected: String) throws {
        let path = try Fixtures.temporary(name, bytes)
        #expect { try PostingImporter().read(path: path) } throws: { error in
            String(describing: error).hasSuffix(expected) || String(describing: error).contains("/" + expected)
        }
    }

    @Test("a huge file is refused; a long description is cut with a warning")
    func huge() throws {
        var importer = PostingImporter()
        importer.maximumFileBytes = 1000
        let big = try Fixtures.temporary("big.txt", Array(String(repeating: "Python developer. ", count: 100).utf8))
        #expect { try importer.read(path: big) } throws: { String(describing: $0).contains("are refused") }
        importer.maximumFileBytes = 10_000_000
        importer.maximumTextCharacters = 500
        let long = try importer.read(path: big)
        #expect(long.postings[0].text.count == 500)
        #expect(long.warnings.contains { $0.message.contains("only its first 500 characters") })
    }

    @Test("a posting without requirements or in another language imports with a warning")
    func warnings() throws {
        let plain = try PostingImporter().parse("Barista\nMake coffee for our guests and keep the bar clean.", path: "b.txt")
        #expect(plain.postings[0].requirements == nil)
        #expect(plain.warnings.contains { $0.message.contains("has no requirements section") })
        let german = try PostingImporter().parse("""
            Softwareentwickler (m/w/d)
            Wir suchen einen Entwickler für unsere Plattform. Sie arbeiten mit Python und Kubernetes \
            in einem kleinen Team und übernehmen Verantwortung für die Qualität der Software.
            """, path: "de.txt")
        #expect(german.warnings.contains { $0.message.contains("the skills lexicon covers English") })
        let analysis = KeywordExtractor().analyze(german.postings[0])
        #expect(analysis.skills.map(\.text).sorted() == ["Kubernetes", "Python"])
        #expect(analysis.notes.contains { $0.contains("covers English") })
    }
}
