import FolioCore
import FolioInsights
import Testing

@Suite("Keyword extraction")
struct KeywordTests {
    @Test("skills are weighted by mentions, the requirements and the title")
    func skills() throws {
        let analysis = KeywordExtractor().analyze(try Fixtures.posting("software-backend.txt"))
        let kubernetes = try #require(analysis.skills.first)
        #expect(kubernetes.text == "Kubernetes")
        #expect(kubernetes.count == 4 && kubernetes.inRequirements)
        #expect(kubernetes.weight == 6)
        let names = analysis.skills.map(\.text)
        for expected in ["PostgreSQL", "Go", "Python", "Terraform", "Apache Kafka", "CI/CD", "Docker", "gRPC"] {
            #expect(names.contains(expected), "\(expected) in \(names)")
        }
        #expect(analysis.requiredYears == 5)
    }

    @Test("phrases: 1-3 words, repeated, without stop words, skills or the company's name")
    func phrases() {
        var posting = Posting(title: "Store Manager", text: """
            Store Manager at Corner Shop. You will lead fresh bakery displays and own store opening \
            routines. Fresh bakery displays matter: every store opening follows them. Corner Shop \
            customers love our store. The store team opens at six. Store routines, store standards.
            """)
        posting.company = "Corner Shop"
        let phrases = KeywordExtractor().analyze(posting).phrases.map(\.text)
        #expect(phrases.contains("fresh bakery displays"))
        #expect(phrases.contains("store opening"))
        #expect(phrases.contains("store"))
        #expect(!phrases.contains("fresh bakery"), "a phrase seen only inside a longer one is that one")
        #expect(!phrases.contains { $0.contains("corner") })
        #expect(!phrases.contains("the") && !phrases.contains("you"))
    }

    @Test("years asked for", arguments: [
        ("5+ years of experience", 5.0), ("3-5 years in sales", 3.0), ("at least two years", 2.0),
        ("minimum of 4 yrs", 4.0), ("children 5 years old", nil), ("no years here", nil),
        ("1+ year of nursing and 3 years of ICU", 3.0),
    ] as [(String, Double?)])
    func years(_ text: String, _ expected: Double?) {
        #expect(ExperienceYears.required(in: Tokenizer.tokens(text)) == expected)
    }
}
