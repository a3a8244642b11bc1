/// The skills Folio recognises, with their aliases, and how to find them in text.
///
/// Entries are matched on tokens (see `Tokenizer`), longest first, with case and plurals
/// folded: `JS`, `javascript` and `JavaScript` are one skill, `k8s` is `Kubernetes`,
/// `Postgres` is `PostgreSQL`, `APIs` is `API`. The built-in list (`SkillLexicon.builtin`)
/// covers English-language postings across fields; users add to it with
/// `~/.config/folio/skills.yaml` (see `UserLexicon`).
///
/// ```swift
/// let lexicon = SkillLexicon.builtin
/// let found = lexicon.matches(in: Tokenizer.tokens("k8s and Postgres"))
/// found.map { lexicon.skills[$0.skill].name }  // ["Kubernetes", "PostgreSQL"]
/// ```
public struct SkillLexicon: Sendable {
    /// Every skill, by index.
    public private(set) var skills: [Skill] = []
    private var index: [String: Int] = [:]
    private var exact: [String: Int] = [:]
    private var byName: [String: Int] = [:]
    /// First words (stemmed) of entries longer than one word: only there can a longer
    /// match start.
    private var firstWords: Set<String> = []
    /// The most tokens any entry spans.
    private var longest = 1

    /// A lexicon of `skills`; later entries with a name already present add their aliases
    /// to it.
    public init(_ skills: [Skill] = []) {
        for skill in skills { add(skill) }
    }

    /// Adds a skill, or its aliases to the skill of that name (case-insensitive).
    public mutating func add(_ skill: Skill) {
        let position: Int
        if let existing = byName[skill.name.lowercased()] {
            position = existing
            skills[position].aliases += skill.aliases
            skills[position].exactAliases += skill.exactAliases
        } else {
            position = skills.count
            skills.append(skill)
            byName[skill.name.lowercased()] = position
        }
        for spelling in (skill.exactAliases.contains(skill.name) ? [] : [skill.name]) + skill.aliases {
            let words = Tokenizer.words(spelling)
            guard !words.isEmpty else { continue }
            index[Stemmer.key(words)] = index[Stemmer.key(words)] ?? position
            longest = max(longest, words.count)
            if words.count > 1 { firstWords.insert(Stemmer.stem(words[0])) }
        }
        for spelling in skill.exactAliases { exact[spelling] = position }
    }

    /// The skill named `name` (any case), if known.
    public func skill(named name: String) -> Int? { byName[name.lowercased()] }

    /// The skill a spelling means (`k8s` gives Kubernetes), if any.
    public func lookup(_ spelling: String) -> Int? {
        if let found = exact[spelling] { return found }
        let words = Tokenizer.words(spelling)
        return words.isEmpty ? nil : index[Stemmer.key(words)]
    }

    /// Every skill mentioned in `tokens`, left to right, the longest entry winning where
    /// entries overlap.
    public func matches(in tokens: [Token]) -> [SkillMatch] {
        let stems = tokens.map { Stemmer.stem($0.text) }
        var result: [SkillMatch] = []
        var start = 0
        while start < tokens.count {
            if let match = longestMatch(at: start, tokens: tokens, stems: stems) {
                result.append(match)
                start += match.length
            } else {
                start += 1
            }
        }
        return result
    }

    private func longestMatch(at start: Int, tokens: [Token], stems: [String]) -> SkillMatch? {
        var length = firstWords.contains(stems[start]) ? min(longest, tokens.count - start) : 1
        while length > 0 {
            // A phrase never spans punctuation: "Java, Script" is not JavaScript.
            if length == 1 || !tokens[(start + 1)..<(start + length)].contains(where: \.startsPhrase) {
                let key = length == 1 ? stems[start] : stems[start..<(start + length)].joined(separator: " ")
                if let skill = index[key] { return SkillMatch(skill: skill, start: start, length: length) }
            }
            length -= 1
        }
        if let skill = exact[tokens[start].raw] { return SkillMatch(skill: skill, start: start, length: 1) }
        return nil
    }
}
