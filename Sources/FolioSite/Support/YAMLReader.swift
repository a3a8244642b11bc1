import FolioCore
import Foundation
import Yams

/// Reads YAML (a `folio.yaml`, a theme's `theme.yaml`, a page's front matter) into
/// `Yams.Node`s and reports every problem at its `path:line:col` in the user's file.
struct YAMLReader: Sendable {
    /// The file, as shown in diagnostics.
    let path: String
    /// Lines before the YAML text in its file (1 for front matter after its `---`).
    let lineOffset: Int

    /// Parses `text`. An empty document gives an empty mapping.
    func parse(_ text: String) throws(DiagnosticError) -> Node {
        do {
            // The basic resolver types nothing; scalars are typed below, on demand, without
            // the regular expressions the default resolver runs on every value.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return Node.mapping(.init([])) }
            return node
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error))
        } catch {
            throw DiagnosticError(Diagnostic(path: path, line: lineOffset + 1, message: "\(error)"))
        }
    }

    /// A diagnostic located at `node`.
    func error(_ node: Node?, _ message: String) -> Diagnostic {
        guard let mark = node?.mark else { return Diagnostic(path: path, message: message) }
        return Diagnostic(path: path, line: mark.line + lineOffset, column: mark.column, message: message)
    }

    /// The key/value pairs of a mapping, or an error naming what was expected.
    func mapping(_ node: Node, what: String) throws(DiagnosticError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw DiagnosticError(error(node, "\(what) must be a mapping of keys to values"))
        }
        return mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    func string(_ node: Node, key: String) throws(DiagnosticError) -> String {
        guard case .scalar(let scalar) = node else {
            throw DiagnosticError(error(node, "'\(key)' must be text"))
        }
        return scalar.string
    }

    func bool(_ node: Node, key: String) throws(DiagnosticError) -> Bool {
        guard let value = Self.bool(node) else {
            throw DiagnosticError(error(node, "'\(key)' must be true or false"))
        }
        return value
    }

    func int(_ node: Node, key: String) throws(DiagnosticError) -> Int {
        guard let value = Self.int(node) else {
            throw DiagnosticError(error(node, "'\(key)' must be a whole number"))
        }
        return value
    }

    /// A list of strings; a single string counts as a list of one.
    func strings(_ node: Node, key: String) throws(DiagnosticError) -> [String] {
        switch node {
        case .scalar(let scalar):
            return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                result.append(try string(item, key: key))
            }
            return result
        default:
            throw DiagnosticError(error(node, "'\(key)' must be a list of text values"))
        }
    }

    func date(_ node: Node, key: String) throws(DiagnosticError) -> DateValue {
        let text = try string(node, key: key)
        guard let date = DateValue(text) else {
            throw DiagnosticError(error(node, "\(key) \"\(text)\" is not a date (YYYY-MM-DD, optionally with a time like 2024-03-01T09:30:00Z)"))
        }
        return date
    }

    /// Plain values Mustache can look into: `[String: Any]`, `[Any]`, `String`, `Bool`,
    /// `Int`, `Double`. Nulls are left out.
    static func plain(_ node: Node) -> Any? {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
                if let bool = bool(node) { return bool }
                if let int = int(node) { return int }
                if let double = Double(scalar.string), scalar.string.first?.isNumber == true || scalar.string.first == "-" {
                    return double
                }
            }
            return scalar.string
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for (key, value) in mapping {
                if let plainValue = plain(value) { result[key.string ?? ""] = plainValue }
            }
            return result
        case .sequence(let sequence):
            return sequence.compactMap(plain)
        case .alias:
            return nil
        }
    }

    /// YAML 1.1 booleans, unquoted only: `true`, `yes`, `on` and their opposites.
    static func bool(_ node: Node) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// Unquoted whole numbers (`12`, `-3`, `1_000`).
    static func int(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return Int(scalar.string.replacingOccurrences(of: "_", with: ""))
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = context.map { "\(problem) \($0.text)" } ?? problem
            if let start = context?.mark, start.line != mark.line {
                detail += " (which starts at line \(start.line + lineOffset), column \(start.column))"
            }
            return Diagnostic(path: path, line: mark.line + lineOffset, column: mark.column,
                              message: "invalid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(path: path, line: context.mark.line + lineOffset, column: context.mark.column,
                              message: "duplicate key \(duplicates.joined(separator: ", ")) in YAML")
        default:
            return Diagnostic(path: path, line: lineOffset + 1, message: "invalid YAML: \(error)")
        }
    }
}
