import FolioCore
import Yams

extension JSONValue {
    /// The value as YAML for people to read and edit, keys in their order. Text that YAML
    /// would read as something else (`2019`, `yes`, `null`, `a: b`) is quoted, so
    /// `Resume.parse(_:path:yaml: true)` reads it back as the same value.
    public func yamlText() -> String {
        (try? Yams.serialize(node: yamlNode, indent: 2, width: -1, allowUnicode: true)) ?? encoded(pretty: true)
    }

    var yamlNode: Node {
        switch self {
        case .null: return Node("null", .implicit, .plain)
        case .bool(let value): return Node(value ? "true" : "false", .implicit, .plain)
        case .number: return Node(encoded(), .implicit, .plain)
        case .string(let text): return Node(text, .implicit, Self.yamlStyle(for: text))
        case .array(let items):
            return Node(items.map(\.yamlNode), .implicit, items.isEmpty ? .flow : .block)
        case .object(let object):
            return Node(object.map { (Node($0.key, .implicit, Self.yamlStyle(for: $0.key)), $0.value.yamlNode) },
                        .implicit, object.isEmpty ? .flow : .block)
        }
    }

    /// Plain when the text can only be read back as this text; literal for several lines.
    static func yamlStyle(for text: String) -> Node.Scalar.Style {
        if text.contains("\n") { return text.hasSuffix("\n") || text.hasPrefix(" ") ? .doubleQuoted : .literal }
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "$" else { return .doubleQuoted }
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        if reserved.contains(text.lowercased()) || text.hasSuffix(" ") || text.hasSuffix(":") { return .doubleQuoted }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return .doubleQuoted }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }) { return .doubleQuoted }
        return .plain
    }
}
