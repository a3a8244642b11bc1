import Foundation

/// The skills lexicon shipped with Folio, kept as data in `BuiltinSkills+*.swift`: one
/// skill a line, `Name | aliases | exact-case aliases`, aliases separated by commas,
/// under `## category` headings. Case and plurals never need an alias. Compiled into the
/// binary, so it is there wherever `folio` is copied.
public enum BuiltinSkills {
    /// Every built-in skill, parsed once.
    public static let skills: [Skill] = parse(technology) + parse(professions)

    /// Skills from lexicon text in the format above.
    static func parse(_ text: String) -> [Skill] {
        var category = "general"
        var skills: [Skill] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("## ") { category = String(trimmed.dropFirst(3)); continue }
            let columns = trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let name = columns.first, !name.isEmpty else { continue }
            func list(_ column: Int) -> [String] {
                columns.count > column ? columns[column].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
            }
            skills.append(Skill(name: name, category: category, aliases: list(1), exactAliases: list(2)))
        }
        return skills
    }
}

extension SkillLexicon {
    /// The lexicon shipped with Folio (English), without a user's additions.
    public static let builtin = SkillLexicon(BuiltinSkills.skills)
}
