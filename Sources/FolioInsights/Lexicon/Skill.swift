/// A skill the lexicon knows: its canonical name, its field, and the other ways it is
/// written.
public struct Skill: Sendable, Hashable {
    /// How the skill is shown: `JavaScript`, `Kubernetes`, `Patient care`.
    public var name: String
    /// Its field: `programming`, `data`, `healthcare`, `finance`, ...
    public var category: String
    /// Other spellings (`JS`, `k8s`); case and plurals never need listing.
    public var aliases: [String]
    /// Spellings that count only exactly as written (`Go`, `Excel`, `R`): as plain words
    /// they are too common.
    public var exactAliases: [String]

    /// A skill; `exactAliases` default to none.
    public init(name: String, category: String, aliases: [String] = [], exactAliases: [String] = []) {
        self.name = name
        self.category = category
        self.aliases = aliases
        self.exactAliases = exactAliases
    }
}

/// One place a skill was found in a run of tokens.
public struct SkillMatch: Sendable, Hashable {
    /// The skill's index in `SkillLexicon.skills`.
    public var skill: Int
    /// The first token of the match.
    public var start: Int
    /// How many tokens it spans.
    public var length: Int
}
