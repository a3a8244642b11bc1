import FolioCore

/// One device's replica in memory: its state, clock, site id and local version. The same
/// operations as the SQLite store, as a pure value, so tests can run thousands of devices.
///
/// Every operation is one local "transaction": it bumps `version`, and `changes(since:)`
/// returns the state of every record touched after a version, to send to other replicas.
/// ```
/// var phone = Replica(site: SiteID(rawValue: 1), seed: 1, now: { 1_700_000_000_000 })
/// let app = phone.create(.application, fields: ["company": "Acme"])
/// try laptop.receive(phone.changes(since: 0))
/// ```
public struct Replica: Sendable {
    /// This replica's site id, stamped on every local write.
    public let site: SiteID
    /// The replica's hybrid logical clock.
    public var clock: HybridClock
    /// The records held.
    public private(set) var state = ReplicaState()
    /// Bumped by every local edit and every received batch that changed something.
    public private(set) var version: UInt64 = 0
    private var recordVersions: [RecordID: UInt64] = [:]
    private var random: SplitMix64

    /// A replica with a site id, a seed for ids and positions, and a wall clock.
    public init(site: SiteID, seed: UInt64, now: @escaping @Sendable () -> UInt64) {
        self.site = site
        self.clock = HybridClock(now: now)
        self.random = SplitMix64(seed: seed)
    }

    /// Creates a record with its fields (and position, for list items); returns its id.
    @discardableResult
    public mutating func create(_ kind: RecordKind, parent: RecordID? = nil, position: String? = nil,
                                fields: [String: JSONValue] = [:]) -> RecordID {
        let id = RecordID.make(milliseconds: clock.now(), using: &random)
        var writes = fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if let position { writes.append((Change.positionField, .string(position))) }
        writes.append((Change.causalLengthField, .number(1)))
        commit(writes.map { field, value in
            Change(record: id, kind: kind, parent: parent, field: field, value: value, stamp: stamp())
        })
        return id
    }

    /// Writes one field of a held record (an unknown record is ignored).
    public mutating func set(_ id: RecordID, _ field: String, to value: JSONValue) {
        guard let record = state.records[id] else { return }
        commit([Change(record: id, kind: record.kind, parent: record.parent, field: field, value: value, stamp: stamp())])
    }

    /// Moves a list item: a new position.
    public mutating func move(_ id: RecordID, to position: String) {
        set(id, Change.positionField, to: .string(position))
    }

    /// Deletes (`alive: false`) or restores a record; children are hidden with their parent.
    public mutating func setAlive(_ id: RecordID, _ alive: Bool) {
        guard let record = state.records[id] else { return }
        let current = record.causalLength ?? CausalLength(length: 1, stamp: FieldStamp(hlc: .zero, site: site))
        guard let next = current.setting(alive: alive, stamp: stamp()) else { return }
        commit([Change(record: id, kind: record.kind, parent: record.parent, field: Change.causalLengthField,
                       value: .number(Double(next.length)), stamp: next.stamp)])
    }

    /// A position key between two others, with this replica's random suffix.
    public mutating func position(between lower: String?, and upper: String?) -> String {
        FractionalIndex.between(lower, upper, using: &random)
    }

    /// Merges changes from another replica, all or nothing, and advances the clock past
    /// every stamp in them.
    public mutating func receive(_ changes: [Change]) throws(ChangeError) {
        try state.validate(changes)
        for change in changes {
            do { try clock.receive(change.stamp.hlc) } catch { throw .malformedChange(error.description) }
        }
        let changed = try state.apply(changes)
        guard !changed.isEmpty else { return }
        version += 1
        for id in changed { recordVersions[id] = version }
    }

    /// The full state of every record changed after `version`: what to send.
    public func changes(since version: UInt64) -> [Change] {
        recordVersions.filter { $0.value > version }.keys.sorted().flatMap { state.records[$0]!.changes }
    }

    private mutating func stamp() -> FieldStamp {
        FieldStamp(hlc: clock.tick(), site: site)
    }

    private mutating func commit(_ changes: [Change]) {
        version += 1
        for change in changes {
            _ = state.merge(change)
            recordVersions[change.record] = version
        }
    }
}

/// A small, fast, seedable random number generator (SplitMix64), for reproducible ids,
/// positions and tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose output follows from `seed` alone.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
