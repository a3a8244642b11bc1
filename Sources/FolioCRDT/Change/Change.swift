import FolioCore

/// One field write: the unit replicas exchange. A plain value with a stable JSON encoding
/// (`Change.json`), carried as is by the sync protocol.
///
/// Two field names are reserved for the record's own state: `@cl` (the causal length, a
/// whole number, merged by maximum) and `@pos` (the fractional-index position among its
/// siblings, an LWW register like any field). Every other name is a field of the record,
/// known to this version or not.
public struct Change: Sendable, Hashable {
    /// The record written.
    public var record: RecordID
    /// The record's kind.
    public var kind: RecordKind
    /// The record this one belongs to (a work entry's resume, an event's application).
    public var parent: RecordID?
    /// The field written: a field name, `@cl` or `@pos`.
    public var field: String
    /// The value written.
    public var value: JSONValue
    /// Who wrote it, and when.
    public var stamp: FieldStamp

    /// A change from its parts.
    public init(record: RecordID, kind: RecordKind, parent: RecordID?, field: String, value: JSONValue, stamp: FieldStamp) {
        self.record = record
        self.kind = kind
        self.parent = parent
        self.field = field
        self.value = value
        self.stamp = stamp
    }

    /// The kinds this version knows, as a set.
    public static let knownKinds = Set(RecordKind.known)

    /// The causal-length field.
    public static let causalLengthField = "@cl"
    /// The position field.
    public static let positionField = "@pos"

    /// Checks what a single change can get wrong: an unknown kind, a field name, a causal
    /// length that is not a positive whole number, a position that is not a key. With
    /// `knownKinds` nil the kind is not checked (the caller did).
    public func validate(knownKinds: Set<RecordKind>? = Self.knownKinds) throws(ChangeError) {
        if let knownKinds, !knownKinds.contains(kind) { throw .unknownKind(kind) }
        guard let first = field.utf8.first else { throw .malformed("a change has an empty field name") }
        guard stamp.hlc <= .maximum else { throw .malformed("stamp \(stamp.hlc) is out of range") }
        if parent == record { throw .malformed("record \(record) is its own parent") }
        guard first == UInt8(ascii: "@") else { return }  // a plain field: nothing more to check
        switch field {
        case Self.causalLengthField:
            guard causalLength != nil else { throw .malformed("\(Self.causalLengthField) must be a whole number >= 1, not \(value.encoded())") }
        case Self.positionField:
            guard let key = value.stringValue, FractionalIndex.isValid(key) else {
                throw .malformed("\(Self.positionField) must be a position key (0-9A-Za-z, not ending in 0), not \(value.encoded())")
            }
        default:
            throw .malformed("field name \(field) is reserved")
        }
    }

    /// The causal length a `@cl` change carries, when it is a whole number >= 1.
    public var causalLength: UInt64? {
        guard case .number(let number) = value, number >= 1, number <= 9_007_199_254_740_992,
              number == number.rounded() else { return nil }
        return UInt64(number)
    }
}

/// Why a change or a batch of changes was refused. Nothing of a refused batch is applied.
public struct ChangeError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case unknownKind(String)
        case malformed(String)
        case conflict(String)
    }

    private let reason: Reason

    static func unknownKind(_ kind: RecordKind) -> ChangeError { ChangeError(reason: .unknownKind(kind.rawValue)) }
    static func malformed(_ message: String) -> ChangeError { ChangeError(reason: .malformed(message)) }
    static func conflict(_ message: String) -> ChangeError { ChangeError(reason: .conflict(message)) }

    /// A malformed change, for callers that check more than `Change.validate` does.
    public static func malformedChange(_ message: String) -> ChangeError { .malformed(message) }
    /// A change that contradicts what the replica holds (another kind or parent for an id).
    public static func conflicting(_ message: String) -> ChangeError { .conflict(message) }

    /// True when the batch was refused for a kind this version does not know.
    public var isUnknownKind: Bool {
        if case .unknownKind = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .unknownKind(let kind): return "unknown record kind \"\(kind)\" (made by a newer version of Folio?)"
        case .malformed(let message): return "malformed change: \(message)"
        case .conflict(let message): return "conflicting change: \(message)"
        }
    }
}
