import FolioCore

extension Change {
    /// The change as a JSON object with the keys `id`, `kind`, `parent`, `field`, `value`,
    /// `hlc` (16 hex digits) and `site` (16 hex digits). Encode it with
    /// `JSONValue.encoded()` for the stable form: keys sorted, compact.
    /// ```
    /// {"field":"company","hlc":"018f2a3b4c5d0000","id":"018f2a3b-...","kind":"application",
    ///  "parent":null,"site":"9f86d081884c7d65","value":"Acme"}
    /// ```
    public var json: JSONValue {
        .object(JSONObject([
            ("id", .string(record.description)),
            ("kind", .string(kind.rawValue)),
            ("parent", parent.map { .string($0.description) } ?? .null),
            ("field", .string(field)),
            ("value", value),
            ("hlc", .string(stamp.hlc.description)),
            ("site", .string(stamp.site.description)),
        ]))
    }

    /// Reads a change from its JSON object; throws a malformed-change error that names what
    /// is wrong. Does not check the kind or the field (see `validate`).
    public init(json: JSONValue) throws(ChangeError) {
        guard let object = json.objectValue else { throw .malformed("a change must be a JSON object, not \(json.typeName)") }
        func text(_ key: String) throws(ChangeError) -> String {
            guard let value = object[key]?.stringValue else { throw .malformed("\"\(key)\" must be text") }
            return value
        }
        guard let record = RecordID(parsing: try text("id")) else { throw .malformed("\"id\" is not a UUID") }
        var parent: RecordID?
        switch object["parent"] {
        case nil, .null?: parent = nil
        case .string(let value)?:
            guard let id = RecordID(parsing: value) else { throw .malformed("\"parent\" is not a UUID") }
            parent = id
        default: throw .malformed("\"parent\" must be a UUID or null")
        }
        guard let hlc = HybridTimestamp(parsing: try text("hlc")) else { throw .malformed("\"hlc\" must be 16 hex digits") }
        guard let site = SiteID(parsing: try text("site")) else { throw .malformed("\"site\" must be 16 hex digits") }
        guard let value = object["value"] else { throw .malformed("\"value\" is missing") }
        self.init(record: record, kind: RecordKind(try text("kind")), parent: parent, field: try text("field"),
                  value: value, stamp: FieldStamp(hlc: hlc, site: site))
    }
}
