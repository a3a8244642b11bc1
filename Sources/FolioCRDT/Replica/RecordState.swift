import FolioCore

/// One record as a replica holds it: identity, causal length and field registers.
public struct RecordState: Sendable, Hashable {
    /// The record's id.
    public let id: RecordID
    /// What the record is; fixed at creation.
    public let kind: RecordKind
    /// The record it belongs to; fixed at creation.
    public let parent: RecordID?
    /// nil until a `@cl` change arrives; a record without one is alive (length 1).
    public private(set) var causalLength: CausalLength?
    /// Every field, known or not, including `@pos`; `@cl` lives in `causalLength`.
    public private(set) var fields: [String: Register]

    /// A record with no fields yet.
    public init(id: RecordID, kind: RecordKind, parent: RecordID?) {
        self.id = id
        self.kind = kind
        self.parent = parent
        self.fields = [:]
    }

    /// The record's own causal length says alive (its ancestors may still hide it).
    public var isAlive: Bool { causalLength?.isAlive ?? true }

    /// The record's position among its siblings, when it has one.
    public var position: String? { fields[Change.positionField]?.value.stringValue }

    /// A field's value; nil when never written.
    public subscript(field: String) -> JSONValue? { fields[field]?.value }

    /// Merges one change into the record; true when anything changed.
    @discardableResult
    public mutating func apply(_ change: Change) -> Bool {
        if change.field == Change.causalLengthField {
            guard let length = change.causalLength else { return false }
            let incoming = CausalLength(length: length, stamp: change.stamp)
            let merged = causalLength.map { $0.merged(with: incoming) } ?? incoming
            defer { causalLength = merged }
            return merged != causalLength
        }
        let incoming = Register(value: change.value, stamp: change.stamp)
        if let current = fields[change.field], !current.isBeaten(by: incoming) { return false }
        fields[change.field] = incoming
        return true
    }

    /// The union of two copies of the same record, field by field.
    public func merged(with other: RecordState) -> RecordState {
        var result = self
        for change in other.changes { result.apply(change) }
        return result
    }

    /// The record's whole state as changes, fields in name order then `@cl`: sending these
    /// to another replica gives it everything this one knows about the record.
    public var changes: [Change] {
        var result = fields.keys.sorted().map { name in
            let register = fields[name]!
            return Change(record: id, kind: kind, parent: parent, field: name, value: register.value, stamp: register.stamp)
        }
        if let causalLength {
            result.append(Change(record: id, kind: kind, parent: parent, field: Change.causalLengthField,
                                 value: .number(Double(causalLength.length)), stamp: causalLength.stamp))
        }
        return result
    }
}
