import FolioCore
import FolioCRDT

/// One field's winning register as a store holds it: the value kept as its stable JSON text
/// (`JSONValue.encoded()`); `changeJSON` is the text a pull sends for it.
public struct StoredField: Sendable, Hashable {
    /// The record.
    public var record: RecordID
    /// The record's kind.
    public var kind: RecordKind
    /// The record's parent.
    public var parent: RecordID?
    /// The field name (or `@cl`, `@pos`).
    public var field: String
    /// The value as stable JSON text.
    public var value: String
    /// Who wrote it, and when.
    public var stamp: FieldStamp
    /// The space's counter value when it won.
    public var sequence: UInt64

    /// A stored field from its parts.
    public init(record: RecordID, kind: RecordKind, parent: RecordID?, field: String, value: String,
                stamp: FieldStamp, sequence: UInt64) {
        self.record = record
        self.kind = kind
        self.parent = parent
        self.field = field
        self.value = value
        self.stamp = stamp
        self.sequence = sequence
    }

    /// The change's JSON text, keys in `Change.json`'s order, written without re-encoding the value.
    public var changeJSON: String {
        var text = "{\"id\":\"\(record)\",\"kind\":"
        text += JSONValue.string(kind.rawValue).encoded()
        text += ",\"parent\":" + (parent.map { "\"\($0)\"" } ?? "null")
        text += ",\"field\":" + JSONValue.string(field).encoded()
        text += ",\"value\":" + value
        text += ",\"hlc\":\"\(stamp.hlc)\",\"site\":\"\(stamp.site)\"}"
        return text
    }
}
