import FolioCore

/// Reads one JSON object of a request or reply, strictly: every key must be one the
/// protocol names (`finish()` reports the first unknown one), and every value its type.
struct WireObject {
    let object: JSONObject
    let path: String
    private var seen: Set<String> = []

    init(_ value: JSONValue, at path: String) throws(WireError) {
        guard let object = value.objectValue else {
            throw WireError(.badRequest, "\(path.isEmpty ? "the body" : path) must be a JSON object, not \(value.typeName)")
        }
        self.object = object
        self.path = path
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func required(_ key: String) throws(WireError) -> JSONValue {
        guard let value = object[key] else { throw WireError(.badRequest, "\(name(key)) is missing") }
        return value
    }

    func string(_ key: String) throws(WireError) -> String {
        guard let text = try required(key).stringValue else { throw WireError(.badRequest, "\(name(key)) must be text") }
        return text
    }

    func optionalString(_ key: String) throws(WireError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw WireError(.badRequest, "\(name(key)) must be text or null")
        }
    }

    func int(_ key: String) throws(WireError) -> Int {
        guard case .number(let number) = try required(key), number == number.rounded(), abs(number) < 9e15 else {
            throw WireError(.badRequest, "\(name(key)) must be a whole number")
        }
        return Int(number)
    }

    func bool(_ key: String) throws(WireError) -> Bool {
        guard case .bool(let flag) = try required(key) else { throw WireError(.badRequest, "\(name(key)) must be true or false") }
        return flag
    }

    func array(_ key: String) throws(WireError) -> [JSONValue] {
        guard let items = try required(key).arrayValue else { throw WireError(.badRequest, "\(name(key)) must be an array") }
        return items
    }

    /// Refuses keys outside `known`.
    func only(_ known: Set<String>) throws(WireError) {
        if let extra = object.keys.first(where: { !known.contains($0) }) {
            throw WireError(.unknownField, "\(name(extra)) is not a field of this request")
        }
    }
}
