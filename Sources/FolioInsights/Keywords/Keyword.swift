/// A keyword of a posting: a skill from the lexicon, or a phrase the posting repeats.
public struct Keyword: Sendable, Hashable {
    /// How it is shown: the skill's name, or the phrase as written (lower-cased).
    public var text: String
    /// The skill's index in the lexicon; nil for a phrase.
    public var skill: Int?
    /// The phrase's stemmed words, joined by spaces (how it is looked for in a resume).
    public var key: String
    /// How many times the posting mentions it.
    public var count: Int
    /// True when the job title names it.
    public var inTitle: Bool
    /// True when the requirements name it.
    public var inRequirements: Bool
    /// How much it matters: mentions (up to 4), times 1.5 in the requirements, plus 2 in
    /// the title.
    public var weight: Double

    /// A keyword; the weight is computed from the rest.
    public init(text: String, skill: Int?, key: String, count: Int, inTitle: Bool, inRequirements: Bool) {
        self.text = text
        self.skill = skill
        self.key = key
        self.count = count
        self.inTitle = inTitle
        self.inRequirements = inRequirements
        self.weight = Double(min(count, 4)) * (inRequirements ? 1.5 : 1) + (inTitle ? 2 : 0)
    }
}

/// What the analysis of a posting found.
public struct PostingAnalysis: Sendable {
    /// The posting analysed.
    public var posting: Posting
    /// Skills it mentions, most important first.
    public var skills: [Keyword]
    /// Phrases it repeats that are not lexicon skills, most important first.
    public var phrases: [Keyword]
    /// Years of experience it asks for, when it says.
    public var requiredYears: Double?
    /// The job title's stemmed words (stop words left out).
    public var titleWords: Set<String>
    /// Caveats in plain words (no requirements section, not English, ...).
    public var notes: [String]

    /// Skills then phrases: every keyword an ATS would look for.
    public var keywords: [Keyword] { skills + phrases }
}
