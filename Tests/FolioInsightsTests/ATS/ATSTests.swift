import FolioCore
import FolioInsights
import Testing

@Suite("ATS check")
struct ATSTests {
    let checker = ATSChecker(today: Fixtures.today)

    func component(_ report: ATSReport, _ name: String) throws -> ATSReport.Component {
        try #require(report.components.first { $0.name == name })
    }

    @Test("a resume with known defects: each one is found and explained")
    func defects() throws {
        let report = checker.check(try Fixtures.facts("defects"))
        let sections = try component(report, "sections")
        #expect(sections.findings == ["missing: education, skills"] && sections.score == 0.5)
        let contact = try component(report, "contact")
        #expect(contact.findings == ["email \"sam.example-at-mail\" does not look like an address", "no phone number", "no location"])
        let dates = try component(report, "dates").findings
        #expect(dates.contains("work[0].startDate \"Spring 2019\" is not a date an ATS reads (use YYYY-MM)"))
        #expect(dates.contains("work[3] starts in the future (2027-05)"))
        #expect(dates.contains("work[4] ends (2017-01) before it starts (2018-05)"))
        #expect(dates.contains("work[1] and work[2] overlap by 16 months with no note saying why"))
        let bullets = try component(report, "bullets").findings
        #expect(bullets.contains("work[0].highlights[0] is short (4 words)") && bullets.contains("work[0].highlights[3] is short (2 words)"))
        #expect(bullets.contains("work[0].highlights[2] is long (38 words)"))
        #expect(try component(report, "quantified").score == 0)
        let verbs = try component(report, "verbs").findings
        #expect(verbs.contains("work[0].highlights[0] opens with \"responsible for\""))
        #expect(verbs.contains("work[0].highlights[1] opens with \"helped\""))
        #expect(verbs.contains("work[0].highlights[2] is passive (\"was rewritten\")"))
        #expect(try component(report, "readability").findings[0].contains("very hard to read"))
        #expect(report.score < 40)
        #expect(report.suggestions.contains("Add a phone number (basics.phone)."))
        #expect(!report.components.contains { $0.name == "keywords" })
    }

    @Test("a sound resume scores high")
    func sound() throws {
        let report = checker.check(try Fixtures.facts("software"))
        #expect(report.score >= 95, "\(report.text)")
        #expect(try component(report, "dates").findings == ["3 entries, dates consistent"])
    }

    @Test("keyword coverage says where each keyword is, or that it is missing")
    func coverage() throws {
        let posting = KeywordExtractor().analyze(try Fixtures.posting("software-backend.txt"))
        let report = checker.check(try Fixtures.facts("software"), against: posting)
        let kubernetes = try #require(report.coverage.first { $0.keyword == "Kubernetes" })
        #expect(kubernetes.places == ["work[0].highlights[0]", "skills[1]"] && kubernetes.mentions == 4)
        let grpc = try #require(report.coverage.first { $0.keyword == "gRPC" })
        #expect(grpc.places.isEmpty)
        #expect(report.suggestions.first == "Add 'CI/CD' if you have it: the posting mentions it once; you list it nowhere.")
        #expect(report.suggestions.contains(
            "Show 'Apache Kafka' in your work history: the posting mentions it twice; you only list it under skills."))
        #expect(report.components.last?.name == "keywords")
        let json = report.json.encoded()
        #expect(json.contains(#""keyword":"Kubernetes""#) && json.contains(#""found":false"#))
    }

    @Test("a nurse against a software posting covers few keywords")
    func wrongField() throws {
        let posting = KeywordExtractor().analyze(try Fixtures.posting("software-backend.txt"))
        let nurse = checker.check(try Fixtures.facts("nursing"), against: posting)
        let engineer = checker.check(try Fixtures.facts("software"), against: posting)
        #expect(try component(nurse, "keywords").score < 0.1)
        #expect(nurse.score < engineer.score)
    }
}
