import FolioCore

/// The records a replica holds, and the pure merge: what the store does in SQLite, done in
/// memory. Used by tests as the reference, and by anything that needs the rule without I/O.
public struct ReplicaState: Sendable, Hashable {
    /// Every record held, deleted ones included (tombstones stay).
    public private(set) var records: [RecordID: RecordState] = [:]
    /// The kinds this replica accepts.
    public let knownKinds: Set<RecordKind>

    /// An empty replica state that accepts `knownKinds`.
    public init(knownKinds: Set<RecordKind> = Set(RecordKind.known)) {
        self.knownKinds = knownKinds
    }

    /// Checks a whole batch before anything is applied: every change well formed, of a
    /// known kind, and agreeing with what is held (and with the rest of the batch) about
    /// each record's kind and parent.
    public func validate(_ changes: [Change]) throws(ChangeError) {
        var identities: [RecordID: (RecordKind, RecordID?)] = [:]
        for change in changes {
            try change.validate(knownKinds: knownKinds)
            let held = records[change.record].map { ($0.kind, $0.parent) } ?? identities[change.record]
            if let (kind, parent) = held, kind != change.kind || parent != change.parent {
                throw .conflicting("record \(change.record) is a \(kind) under \(parent.map(\.description) ?? "nothing"), "
                                   + "but a change says \(change.kind) under \(change.parent.map(\.description) ?? "nothing")")
            }
            identities[change.record] = (change.kind, change.parent)
        }
    }

    /// Merges a batch, all or nothing; returns the ids of the records that changed.
    @discardableResult
    public mutating func apply(_ changes: [Change]) throws(ChangeError) -> Set<RecordID> {
        try validate(changes)
        var changed: Set<RecordID> = []
        for change in changes where merge(change) { changed.insert(change.record) }
        return changed
    }

    /// Merges one change that `validate` accepted; true when it changed anything.
    mutating func merge(_ change: Change) -> Bool {
        var record = records[change.record] ?? RecordState(id: change.record, kind: change.kind, parent: change.parent)
        let isNew = records[change.record] == nil
        let changed = record.apply(change)
        if changed || isNew { records[change.record] = record }
        return changed || isNew
    }

    /// The union of two replicas' states.
    public func merged(with other: ReplicaState) -> ReplicaState {
        var result = self
        for (id, record) in other.records {
            result.records[id] = result.records[id].map { $0.merged(with: record) } ?? record
        }
        return result
    }

    /// Everything held, as changes, records in id order.
    public var changes: [Change] {
        records.keys.sorted().flatMap { records[$0]!.changes }
    }

    /// True when the record, and every record above it, is alive and present.
    public func isVisible(_ id: RecordID) -> Bool {
        var current: RecordID? = id
        var depth = 0
        while let next = current {
            guard let record = records[next], record.isAlive, depth < 10_000 else { return false }
            current = record.parent
            depth += 1
        }
        return true
    }

    /// The visible children of a record, in list order: by (position, id).
    public func children(of parent: RecordID) -> [RecordState] {
        guard isVisible(parent) else { return [] }
        return records.values
            .filter { $0.parent == parent && $0.isAlive }
            .sorted(by: Self.listOrder)
    }

    /// The visible records without a parent, in id order.
    public var roots: [RecordState] {
        records.values.filter { $0.parent == nil && $0.isAlive }.sorted { $0.id < $1.id }
    }

    /// List order: position (absent first), then id.
    public static func listOrder(_ lhs: RecordState, _ rhs: RecordState) -> Bool {
        let left = lhs.position ?? "", right = rhs.position ?? ""
        if left != right { return left.utf8.lexicographicallyPrecedes(right.utf8) }
        return lhs.id < rhs.id
    }

    /// What a user sees: every visible root with its fields and children, as JSON in a
    /// stable form. Two replicas that hold the same data export the same bytes.
    public func exported() -> JSONValue {
        .array(roots.map(export))
    }

    private func export(_ record: RecordState) -> JSONValue {
        var fields = JSONObject()
        for name in record.fields.keys.sorted() where name != Change.positionField {
            fields[name] = record.fields[name]!.value
        }
        var object = JSONObject()
        object["id"] = .string(record.id.description)
        object["kind"] = .string(record.kind.rawValue)
        object["fields"] = .object(fields)
        let children = children(of: record.id)
        if !children.isEmpty { object["children"] = .array(children.map(export)) }
        return .object(object)
    }
}
