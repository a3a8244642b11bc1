import FolioCore
import FolioInsights
import Testing

@Suite("Match scores, ranking across fields, tailoring")
struct MatchingTests {
    let matcher = Matcher(today: Fixtures.today)

    @Test("each field's resume ranks its own field's postings first", arguments: ["software", "nursing", "finance", "sales", "teaching"])
    func ranking(_ field: String) throws {
        let postings = try Fixtures.postings().map { KeywordExtractor().analyze($0.posting) }
        let ranked = matcher.rank(try Fixtures.facts(field), postings: postings, preferences: Preferences())
        let fields = ranked.map { Fixtures.fields[$0.postingTitle] ?? "?" }
        #expect(Array(fields.prefix(2)) == [field, field], "\(zip(ranked.map(\.postingTitle), ranked.map(\.total)).map { "\($0) \($1)" })")
        #expect(ranked[1].total - ranked[2].total >= 15, "a clear gap to other fields")
    }

    @Test("each posting ranks its own field's resume first")
    func resumesForPosting() throws {
        let resumes = try ["software", "nursing", "finance", "sales", "teaching"].map { ($0, try Fixtures.facts($0)) }
        for (_, posting) in try Fixtures.postings() {
            let analysis = KeywordExtractor().analyze(posting)
            let best = resumes.max { matcher.match($0.1, analysis, preferences: Preferences()).total
                < matcher.match($1.1, analysis, preferences: Preferences()).total }!
            #expect(best.0 == Fixtures.fields[posting.title], "\(posting.title)")
        }
    }

    @Test("weights and reasons of every part")
    func parts() throws {
        let posting = KeywordExtractor().analyze(try Fixtures.posting("software-backend.txt"))
        let score = matcher.match(try Fixtures.facts("software"), posting, preferences: Preferences())
        #expect(score.parts.map(\.name) == ["experience", "skills", "location", "preferences"])
        #expect(score.parts.map(\.weight) == [0.4, 0.35, 0.15, 0.1])
        let experience = try #require(score.part("experience"))
        #expect(experience.score == 1)
        #expect(experience.reason.hasPrefix("8.5 years in relevant roles; the posting asks for 5 years; relevant: Backend Engineer, Software Engineer"))
        #expect(try #require(score.part("location")).reason == "the role is in Berlin, Germany (hybrid), your city")
        #expect(try #require(score.part("skills")).reason.contains("missing: "))
        #expect(try #require(score.part("preferences")).score == 0.5)
        let total = score.parts.reduce(0) { $0 + $1.weight * $1.score }
        #expect(score.total == Int((total * 100).rounded()))
    }

    @Test("preferences from the profile: salary, employment, remote wish, target roles")
    func preferences() throws {
        let posting = KeywordExtractor().analyze(try Fixtures.posting("software-frontend.md"))
        var wishes = Preferences()
        wishes.remote = true
        wishes.employment = "full-time"
        wishes.roles = ["Frontend Engineer"]
        let part = try #require(matcher.match(try Fixtures.facts("software"), posting, preferences: wishes).part("preferences"))
        #expect(part.score == 1)
        #expect(part.reason == "full-time, as you want; remote, as you want; the title matches your target role Frontend Engineer")
        wishes.remote = false
        wishes.employment = "contract"
        wishes.roles = ["Nurse"]
        let worse = try #require(matcher.match(try Fixtures.facts("software"), posting, preferences: wishes).part("preferences"))
        #expect(worse.score < 0.2)
    }

    @Test("salary below the wish lowers preferences; hourly pay is annualised")
    func salary() throws {
        let posting = KeywordExtractor().analyze(try Fixtures.posting("nursing-er.jsonld"))
        var wishes = Preferences()
        wishes.salaryMin = 100_000
        let part = try #require(matcher.match(try Fixtures.facts("nursing"), posting, preferences: wishes).part("preferences"))
        #expect(part.reason == "pays up to 108160 a year, you want 100000" && part.score == 1)
        wishes.salaryMin = 200_000
        #expect(try #require(matcher.match(try Fixtures.facts("nursing"), posting, preferences: wishes).part("preferences")).score < 0.5)
    }

    @Test("location: remote, same city, same country, elsewhere, unknown")
    func location() throws {
        let facts = try Fixtures.facts("nursing")
        func reason(_ location: String?, _ workplace: String? = nil, _ wishes: Preferences = Preferences()) -> (Double, String) {
            var posting = Posting(title: "Nurse", text: "Nurse")
            posting.location = location
            posting.workplace = workplace
            let part = matcher.match(facts, KeywordExtractor().analyze(posting), preferences: wishes).part("location")!
            return (part.score, part.reason)
        }
        #expect(reason("Anywhere", "remote").0 == 1)
        #expect(reason("Chicago, IL").0 == 1)
        #expect(reason("Madison, WI, US") == (0.5, "the role is in Madison, WI, US: your country, another city"))
        #expect(reason("London, UK").0 == 0)
        #expect(reason(nil).0 == 0.5)
        var wishes = Preferences()
        wishes.city = "London"
        #expect(reason("London, UK", nil, wishes).0 == 1)
    }

    @Test("tailoring reorders by relevance and never adds or removes anything")
    func tailor() throws {
        let resume = try Fixtures.resume("software")
        let posting = KeywordExtractor().analyze(try Fixtures.posting("software-frontend.md"))
        let unrelated = Tailor().tailor(resume, for: posting)
        #expect(unrelated.changes.isEmpty, "nothing of the resume is in a frontend posting: nothing moves")
        #expect(unrelated.document == resume.json)
        let backend = KeywordExtractor().analyze(try Fixtures.posting("software-backend.txt"))
        let (document, changes) = Tailor().tailor(resume, for: backend)
        #expect(changes.first == "skills: \"Infrastructure\", \"Languages\", \"Data\" moved first")
        let before = try #require(resume.json.objectValue)
        let after = try #require(document.objectValue)
        #expect(after.keys == before.keys)
        for list in ["skills", "work"] {
            let old = before[list]!.arrayValue!, new = after[list]!.arrayValue!
            #expect(old.count == new.count)
            for (a, b) in zip(old, new) {
                if let highlights = a.objectValue?["highlights"]?.arrayValue {
                    #expect(Set(highlights) == Set(b.objectValue!["highlights"]!.arrayValue!))
                }
            }
        }
        let highlights = after["work"]!.arrayValue![0].objectValue!["highlights"]!.arrayValue!
        #expect(highlights.last == .string("Mentored two junior engineers through their first on-call rotations"))
    }
}
