/// Finds a posting's keywords: lexicon skills (normalised: `JS` counts as JavaScript) and
/// 1-3 word phrases it repeats, scored by how often and where they appear.
///
/// ```swift
/// let analysis = KeywordExtractor().analyze(posting)
/// analysis.skills.first?.text  // "Kubernetes"
/// ```
public struct KeywordExtractor: Sendable {
    /// The skills lexicon (default: the built-in one).
    public var lexicon: SkillLexicon
    /// At most this many phrases are kept.
    public var maximumPhrases = 12

    /// An extractor over `lexicon`.
    public init(lexicon: SkillLexicon = .builtin) {
        self.lexicon = lexicon
    }

    /// The keywords, experience asked for and caveats of a posting.
    public func analyze(_ posting: Posting) -> PostingAnalysis {
        let tokens = Tokenizer.tokens(posting.text)
        let requirementTokens = posting.requirements.map(Tokenizer.tokens) ?? []
        let titleTokens = Tokenizer.tokens(posting.title)
        let matches = lexicon.matches(in: tokens)
        let inRequirements = Set(lexicon.matches(in: requirementTokens).map(\.skill))
        let inTitle = Set(lexicon.matches(in: titleTokens).map(\.skill))
        var counts: [Int: Int] = [:]
        for match in matches { counts[match.skill, default: 0] += 1 }
        for skill in inTitle where counts[skill] == nil { counts[skill] = 1 }
        let skills = counts.map { skill, count in
            Keyword(text: lexicon.skills[skill].name, skill: skill, key: lexicon.skills[skill].name.lowercased(), count: count,
                    inTitle: inTitle.contains(skill), inRequirements: inRequirements.contains(skill))
        }.sorted(by: Self.byWeight)
        let titleWords = Set(titleTokens.map(\.text).filter { !StopWords.contains($0) }.map(Stemmer.stem))
        let phrases = keyphrases(tokens, skillMatches: matches, requirements: requirementTokens, titleWords: titleWords,
                                 company: posting.company)
        let years = ExperienceYears.required(in: requirementTokens.isEmpty ? tokens : requirementTokens)
        return PostingAnalysis(posting: posting, skills: skills, phrases: phrases, requiredYears: years, titleWords: titleWords,
                               notes: notes(posting, tokens: tokens, skills: skills))
    }

    static func byWeight(_ lhs: Keyword, _ rhs: Keyword) -> Bool {
        (lhs.weight, rhs.text) > (rhs.weight, lhs.text)
    }

    func notes(_ posting: Posting, tokens: [Token], skills: [Keyword]) -> [String] {
        var notes: [String] = []
        if posting.requirements == nil {
            notes.append("The posting has no requirements section; skills were read from the whole description.")
        }
        if !TextCheck.looksEnglish(tokens.prefix(2_000).map(\.text)) {
            notes.append("The posting does not look like English. The skills lexicon covers English, so only skills written "
                + "the English way were recognised; the rest works on the words as they are.")
        }
        if skills.isEmpty { notes.append("No skills from the lexicon were found in the posting.") }
        return notes
    }
}
