import FolioCore

/// Checks a resume the way an applicant tracking system reads it, optionally against a
/// posting, and says what to change.
///
/// Components and their weights (out of 100; without a posting, keywords are left out
/// and the rest scaled up): sections 15, contact 10, dates 15, bullets 10, quantified
/// achievements 10, verbs 10, readability 10, keywords 20.
///
/// ```swift
/// let facts = ResumeFacts(resume: resume, lexicon: .builtin)
/// let report = ATSChecker().check(facts, against: KeywordExtractor().analyze(posting))
/// print(report.score, report.suggestions)
/// ```
public struct ATSChecker: Sendable {
    /// Today, for "no future dates" (injected so tests control it).
    public var today: PartialDate

    /// A checker; `today` defaults to the current UTC date.
    public init(today: PartialDate = PartialDate(DateValue.today.isoDate)!) {
        self.today = today
    }

    /// The report on `facts`, against `posting` when given.
    public func check(_ facts: ResumeFacts, against posting: PostingAnalysis? = nil) -> ATSReport {
        var suggestions: [String] = []
        var components = [
            sections(facts, &suggestions), contact(facts, &suggestions), dates(facts, &suggestions),
            bullets(facts, &suggestions), quantified(facts, &suggestions), verbs(facts, &suggestions),
            readability(facts, &suggestions),
        ]
        var coverage: [ATSReport.Coverage] = []
        if let posting {
            coverage = posting.keywords.map { keyword in
                ATSReport.Coverage(keyword: keyword.text, isSkill: keyword.skill != nil, mentions: keyword.count,
                                   weight: keyword.weight, places: facts.places(of: keyword))
            }
            components.append(keywordComponent(coverage))
            suggestions = keywordSuggestions(coverage) + suggestions
        }
        let total = components.reduce(0) { $0 + $1.weight }
        let points = components.reduce(0) { $0 + $1.weight * $1.score }
        return ATSReport(score: Int((100 * points / total).rounded()), components: components, coverage: coverage,
                         suggestions: suggestions, notes: posting?.notes ?? [], postingTitle: posting?.posting.title)
    }

    func keywordComponent(_ coverage: [ATSReport.Coverage]) -> ATSReport.Component {
        let total = coverage.reduce(0) { $0 + $1.weight }
        let found = coverage.filter { !$0.places.isEmpty }
        let score = total == 0 ? 1 : found.reduce(0) { $0 + $1.weight } / total
        let finding = coverage.isEmpty ? "the posting names no keywords to look for"
            : "\(found.count) of \(coverage.count) posting keywords found (weighted \(Int((score * 100).rounded()))%)"
        return ATSReport.Component(name: "keywords", weight: 20, score: score, findings: [finding])
    }

    /// "Add 'Kubernetes': ..." for the most important missing keywords, and a nudge for
    /// skills only listed, never shown in work.
    func keywordSuggestions(_ coverage: [ATSReport.Coverage]) -> [String] {
        let missing = coverage.filter(\.places.isEmpty).prefix(6).map { item in
            "Add '\(item.keyword)' if you have it: the posting mentions it \(Self.times(item.mentions)); you list it nowhere."
        }
        let listedOnly = coverage.filter { item in
            item.isSkill && !item.places.isEmpty && item.places.allSatisfy { $0.hasPrefix("skills") } && item.mentions >= 2
        }.prefix(3).map { item in
            "Show '\(item.keyword)' in your work history: the posting mentions it \(Self.times(item.mentions)); "
                + "you only list it under skills."
        }
        return missing + listedOnly
    }

    static func times(_ count: Int) -> String { count == 1 ? "once" : count == 2 ? "twice" : "\(count) times" }
}
