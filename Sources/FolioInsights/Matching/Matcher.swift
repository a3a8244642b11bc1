import FolioCore

/// Scores how well a resume fits a posting, as the mission weighs it: experience 0.4
/// (years in relevant roles against the years asked for), skills 0.35 (lexicon-normalised
/// overlap, weighted by how prominent each skill is in the posting), location 0.15 (city,
/// country, remote) and preferences 0.1 (salary, employment type, remote wish and target
/// roles from the profile).
///
/// ```swift
/// let score = Matcher().match(facts, analysis, preferences: preferences)
/// score.total               // 0-100
/// score.part("skills")?.reason
/// ```
public struct Matcher: Sendable {
    /// Today, for periods still running.
    public var today: PartialDate
    /// Years assumed when a posting says none.
    public var assumedYears = 2.0

    /// A matcher; `today` defaults to the current UTC date.
    public init(today: PartialDate = PartialDate(DateValue.today.isoDate)!) {
        self.today = today
    }

    /// The score of `facts` against `posting`.
    public func match(_ facts: ResumeFacts, _ posting: PostingAnalysis, preferences: Preferences) -> MatchScore {
        let parts = [experience(facts, posting), skills(facts, posting), location(facts, posting, preferences),
                     PreferenceScore.part(posting.posting, preferences)]
        let total = parts.reduce(0) { $0 + $1.weight * $1.score }
        return MatchScore(total: Int((total * 100).rounded()), parts: parts, postingTitle: posting.posting.title,
                          company: posting.posting.company)
    }

    /// Postings best first (ties by title).
    public func rank(_ facts: ResumeFacts, postings: [PostingAnalysis], preferences: Preferences) -> [MatchScore] {
        postings.map { match(facts, $0, preferences: preferences) }
            .enumerated().sorted { ($0.element.total, $1.offset) > ($1.element.total, $0.offset) }.map(\.element)
    }

    func skills(_ facts: ResumeFacts, _ posting: PostingAnalysis) -> MatchScore.Part {
        let keywords = posting.skills.isEmpty ? posting.phrases : posting.skills
        guard !keywords.isEmpty else {
            return MatchScore.Part(name: "skills", weight: 0.35, score: 0.5, reason: "the posting names no skills to compare (neutral)")
        }
        let have = facts.skills
        let covered = keywords.filter { keyword in keyword.skill.map(have.contains) ?? !facts.places(of: keyword).isEmpty }
        let total = keywords.reduce(0) { $0 + $1.weight }
        let score = covered.reduce(0) { $0 + $1.weight } / total
        let missing = keywords.filter { !covered.contains($0) }.prefix(5).map(\.text)
        var reason = "\(covered.count) of \(keywords.count) \(posting.skills.isEmpty ? "key phrases" : "skills") the posting "
            + "names, weighted by prominence \(Int((score * 100).rounded()))%"
        if !missing.isEmpty { reason += "; missing: " + missing.joined(separator: ", ") }
        return MatchScore.Part(name: "skills", weight: 0.35, score: score, reason: reason)
    }

    func experience(_ facts: ResumeFacts, _ posting: PostingAnalysis) -> MatchScore.Part {
        let postingSkills = Set(posting.skills.compactMap(\.skill))
        let relevant = facts.periods.filter { $0.path.hasPrefix("work") && isRelevant($0, facts, posting, postingSkills) }
        let years = Double(Self.months(relevant.compactMap { ATSChecker.months($0, today: today) })) / 12
        let required = posting.requiredYears ?? assumedYears
        let score = min(1, years / required)
        let asked = posting.requiredYears.map { "the posting asks for \(Self.format($0))" }
            ?? "the posting states no years (\(Self.format(assumedYears)) assumed)"
        let roles = relevant.prefix(3).map { $0.position.isEmpty ? $0.path : $0.position }
        let which = roles.isEmpty ? "no role on the resume resembles this one" : "relevant: " + roles.joined(separator: ", ")
        return MatchScore.Part(name: "experience", weight: 0.4, score: score,
                               reason: "\(Self.format(years)) in relevant roles; \(asked); \(which)")
    }

    /// A role is relevant when its title shares a word with the posting's title, or it
    /// shows two of the posting's skills.
    func isRelevant(_ period: ResumeFacts.Period, _ facts: ResumeFacts, _ posting: PostingAnalysis, _ skills: Set<Int>) -> Bool {
        let titleWords = Set(Tokenizer.words(period.position).filter { !Self.seniority.contains($0) && !StopWords.contains($0) }
            .map(Stemmer.stem))
        if !titleWords.isDisjoint(with: posting.titleWords.subtracting(Self.seniority)) { return true }
        let prefix = period.path + "."
        let shown = facts.sections.filter { $0.path.hasPrefix(prefix) }.reduce(into: Set<Int>()) { $0.formUnion($1.skills) }
        return shown.intersection(skills).count >= 2
    }

    static let seniority: Set<String> = ["senior", "junior", "lead", "staff", "principal", "head", "chief", "associate",
                                         "assistant", "intern", "sr", "jr", "ii", "iii", "iv", "i", "level", "entry"]

    /// Months covered by the union of ranges.
    static func months(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var reach = Int.min
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, reach)
            if range.upperBound > start { total += range.upperBound - start }
            reach = max(reach, range.upperBound)
        }
        return total
    }

    static func format(_ years: Double) -> String {
        let rounded = (years * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return text + (rounded == 1 ? " year" : " years")
    }
}
