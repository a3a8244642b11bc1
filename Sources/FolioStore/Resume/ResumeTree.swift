import FolioCore

/// A resume document as records: the tree the store keeps, one node per record.
///
/// The root node holds the document's scalars under dotted paths (`basics.location.city`);
/// every element of every list becomes a child node (`work[2]`, `work[2].highlights[0]`),
/// whose own scalars are its fields (`position`, or `~value` for a plain text element).
/// Empty objects and lists are kept as fields whose value is `{}` or `[]`, and the order
/// the keys were written in is kept in the `~order` field, so a document reads back as it
/// was written.
public struct ResumeTree: Sendable, Hashable {
    /// Field values by dotted path (keys escaped, see `FieldPath`).
    public var fields: [String: JSONValue] = [:]
    /// Child nodes by list path, in list order.
    public var lists: [String: [ResumeTree]] = [:]
    /// Every field path and list path in the order they were written.
    public var order: [String] = []

    /// A tree from its parts.
    public init(fields: [String: JSONValue] = [:], lists: [String: [ResumeTree]] = [:], order: [String] = []) {
        self.fields = fields
        self.lists = lists
        self.order = order
    }

    /// The field holding a plain (non-object) list element.
    public static let valueField = "~value"
    /// The field naming which list of its parent an item belongs to.
    public static let listField = "~list"
    /// The field holding the key order.
    public static let orderField = "~order"

    /// The tree of a document (an object) or of a list element (any value).
    public init(element: JSONValue) {
        if case .object(let object) = element {
            add(object, prefix: "")
        } else if case .array(let items) = element, !items.isEmpty {
            lists[Self.valueField] = items.map(ResumeTree.init(element:))
            order.append(Self.valueField)
        } else {
            fields[Self.valueField] = element
        }
    }

    private mutating func add(_ object: JSONObject, prefix: String) {
        for (key, value) in object {
            let path = prefix.isEmpty ? FieldPath.escape(key) : prefix + "." + FieldPath.escape(key)
            switch value {
            case .object(let nested) where !nested.isEmpty:
                add(nested, prefix: path)
            case .array(let items) where !items.isEmpty:
                lists[path] = items.map(ResumeTree.init(element:))
                order.append(path)
            case .null:
                continue  // JSON Resume has no nulls; a null field is an absent one
            default:
                fields[path] = value
                order.append(path)
            }
        }
    }

    /// The JSON this tree stands for: the inverse of `init(element:)`.
    public var json: JSONValue {
        if let value = fields[Self.valueField], fields.count == 1, lists.isEmpty { return value }
        if let items = lists[Self.valueField], fields.isEmpty, lists.count == 1 { return .array(items.map(\.json)) }
        var root = JSONObject()
        for path in orderedPaths {
            let keys = FieldPath.split(path)
            if let items = lists[path] {
                Self.insert(.array(items.map(\.json)), at: keys[...], into: &root)
            } else if let value = fields[path] {
                Self.insert(value, at: keys[...], into: &root, onlyIfAbsent: value == [:] || value == [])
            }
        }
        return .object(root)
    }

    /// Field and list paths: first as `order` lists them, then the rest by name.
    var orderedPaths: [String] {
        let all = Set(fields.keys).union(lists.keys).subtracting([Self.valueField])
        var seen: Set<String> = []
        var result: [String] = []
        for path in order where all.contains(path) && seen.insert(path).inserted { result.append(path) }
        result += all.subtracting(seen).sorted()
        return result
    }

    private static func insert(_ value: JSONValue, at keys: ArraySlice<String>, into object: inout JSONObject, onlyIfAbsent: Bool = false) {
        guard let key = keys.first else { return }
        if keys.count == 1 {
            if onlyIfAbsent, object[key] != nil { return }
            object[key] = value
            return
        }
        var nested = object[key]?.objectValue ?? JSONObject()
        insert(value, at: keys.dropFirst(), into: &nested, onlyIfAbsent: onlyIfAbsent)
        object[key] = .object(nested)
    }
}

/// Dotted field paths whose keys may themselves hold dots: `\.` is a dot inside a key,
/// `\\` a backslash, and a key starting with `~`, `@` or `\` gets a `\` in front, so
/// Folio's own fields (`~name`) and the CRDT's (`@cl`) never clash with a document's.
public enum FieldPath {
    /// A key as one segment of a path.
    public static func escape(_ key: String) -> String {
        var result = ""
        for (index, character) in key.enumerated() {
            switch character {
            case "\\": result += "\\\\"
            case ".": result += "\\."
            case "~", "@": result += index == 0 ? "\\" + String(character) : String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// The keys of a path, unescaped.
    public static func split(_ path: String) -> [String] {
        var keys: [String] = []
        var current = ""
        var escaped = false
        for character in path {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "." {
                keys.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        keys.append(current)
        return keys
    }
}
