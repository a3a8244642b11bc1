import FolioCore
import FolioCRDT

/// What a convergence scenario needs from a replica: the in-memory `Replica` and the
/// SQLite store both conform, so the same scenarios test both.
public protocol ReplicaDriver {
    /// Creates a root (`parent == nil`) or a list item; returns its id.
    mutating func create(_ kind: RecordKind, parent: RecordID?, position: String?, fields: [String: JSONValue]) throws -> RecordID
    mutating func set(_ id: RecordID, _ field: String, to value: JSONValue) throws
    mutating func setAlive(_ id: RecordID, _ alive: Bool) throws
    mutating func receive(_ changes: [Change]) throws
    /// The local version: bumped by every edit and by every received batch that changed something.
    func currentVersion() throws -> UInt64
    func changes(since version: UInt64) throws -> [Change]
    /// The positions of a record's visible children, in list order.
    func childPositions(of parent: RecordID) throws -> [String]
    /// Whether the record is held and, if so, its kind, parent and whether it is alive itself.
    func record(_ id: RecordID) throws -> (kind: RecordKind, parent: RecordID?, alive: Bool)?
    /// A position between two others, with this replica's random suffix.
    mutating func position(between lower: String?, and upper: String?) -> String
    /// What a user would see, in a stable form: equal data gives equal bytes.
    func exported() throws -> String
}

extension Replica: ReplicaDriver {
    public func currentVersion() -> UInt64 { version }

    public func childPositions(of parent: RecordID) -> [String] {
        state.children(of: parent).map { $0.position ?? "" }
    }

    public func record(_ id: RecordID) -> (kind: RecordKind, parent: RecordID?, alive: Bool)? {
        state.records[id].map { ($0.kind, $0.parent, $0.isAlive) }
    }

    public func exported() -> String { state.exported().encoded() }
}
