import FolioCore
import Foundation
import Yams

/// A user's additions to the skills lexicon, from `$XDG_CONFIG_HOME/folio/skills.yaml`
/// (default `~/.config/folio/skills.yaml`):
///
/// ```yaml
/// skills:                 # new skills
///   - name: Terraform Cloud
///     category: infrastructure
///     aliases: [TFC]
///   - name: Epic Beaker
///     aliases: [Beaker LIS]
///     exact: [BKR]        # spellings that count only exactly as written
/// aliases:                # more spellings of skills already known
///   JavaScript: [ECMAScript 2023]
/// ```
///
/// Problems are reported as `path:line:col: error: message`.
public enum UserLexicon {
    /// Where the user's file is looked for.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/folio/skills.yaml" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/folio/skills.yaml"
    }

    /// The built-in lexicon with the user's file added, when there is one.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DiagnosticError) -> SkillLexicon {
        let path = path(environment: environment)
        guard let data = FileManager.default.contents(atPath: path) else { return .builtin }
        let text: String
        switch TextCheck.text(Array(data)) {
        case .success(let value): text = value
        case .failure(.empty): return .builtin
        case .failure(let problem): throw DiagnosticError(Diagnostic(path: path, message: problem.message))
        }
        var lexicon = SkillLexicon.builtin
        try apply(text, path: path, to: &lexicon)
        return lexicon
    }

    /// Adds the skills and aliases of YAML `text` (from `path`) to `lexicon`.
    public static func apply(_ text: String, path: String, to lexicon: inout SkillLexicon) throws(DiagnosticError) {
        let reader = Reader(path: path)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return }
            root = node
        } catch let error as YamlError {
            throw DiagnosticError(reader.diagnostic(for: error))
        } catch {
            throw DiagnosticError(Diagnostic(path: path, message: "\(error)"))
        }
        for (key, value) in try reader.mapping(root, what: "the skills file") {
            switch key.string {
            case "skills": for skill in try reader.skills(value) { lexicon.add(skill) }
            case "aliases": try reader.aliases(value, lexicon: &lexicon)
            default: throw reader.error(key, "unknown key '\(key.string ?? "")'; the file takes 'skills' and 'aliases'")
            }
        }
    }

    /// Reads the file's nodes, naming the line and column of every problem.
    struct Reader {
        let path: String

        func error(_ node: Node, _ message: String) -> DiagnosticError {
            guard let mark = node.mark else { return DiagnosticError(Diagnostic(path: path, message: message)) }
            return DiagnosticError(Diagnostic(path: path, line: mark.line, column: mark.column, message: message))
        }

        func diagnostic(for error: YamlError) -> Diagnostic {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return Diagnostic(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
            default:
                return Diagnostic(path: path, line: 1, message: "invalid YAML: \(error)")
            }
        }

        func mapping(_ node: Node, what: String) throws(DiagnosticError) -> [(Node, Node)] {
            guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
            return mapping.map { ($0.key, $0.value) }
        }

        func text(_ node: Node, what: String) throws(DiagnosticError) -> String {
            guard case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw error(node, "\(what) must be text")
            }
            return scalar.string.trimmingCharacters(in: .whitespaces)
        }

        func texts(_ node: Node, what: String) throws(DiagnosticError) -> [String] {
            if case .scalar = node { return [try text(node, what: what)] }
            guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list of text") }
            var result: [String] = []
            for item in sequence { result.append(try text(item, what: "each of \(what)")) }
            return result
        }

        func skills(_ node: Node) throws(DiagnosticError) -> [Skill] {
            guard case .sequence(let sequence) = node else {
                throw error(node, "'skills' must be a list of skills, each with a name (and category, aliases)")
            }
            var result: [Skill] = []
            for item in sequence { result.append(try skill(item)) }
            return result
        }

        func skill(_ node: Node) throws(DiagnosticError) -> Skill {
            var skill = Skill(name: "", category: "custom")
            for (key, value) in try mapping(node, what: "a skill") {
                switch key.string {
                case "name": skill.name = try text(value, what: "'name'")
                case "category": skill.category = try text(value, what: "'category'")
                case "aliases": skill.aliases = try texts(value, what: "'aliases'")
                case "exact": skill.exactAliases = try texts(value, what: "'exact'")
                default: throw error(key, "unknown key '\(key.string ?? "")' in a skill; use name, category, aliases, exact")
                }
            }
            guard !skill.name.isEmpty else { throw error(node, "a skill needs a 'name'") }
            return skill
        }

        func aliases(_ node: Node, lexicon: inout SkillLexicon) throws(DiagnosticError) {
            for (key, value) in try mapping(node, what: "'aliases'") {
                let name = try text(key, what: "a skill name")
                guard let known = lexicon.skill(named: name) ?? lexicon.lookup(name) else {
                    throw error(key, "no skill named '\(name)' to add aliases to; add it under 'skills' instead")
                }
                let skill = lexicon.skills[known]
                lexicon.add(Skill(name: skill.name, category: skill.category, aliases: try texts(value, what: "the aliases of '\(name)'")))
            }
        }
    }
}
