import FolioCore
import FolioCRDT
import FolioCRDTTesting
import FolioStore
import Foundation

/// The SQLite store as a scenario replica.
struct StoreDriver: ReplicaDriver {
    let store: Store
    var random: SplitMix64

    init(site: SiteID, seed: UInt64, now: @escaping @Sendable () -> UInt64) throws {
        var configuration = Store.Configuration()
        configuration.site = site
        configuration.seed = seed
        configuration.now = now
        store = try Store.inMemory(configuration: configuration)
        random = SplitMix64(seed: seed)
    }

    mutating func create(_ kind: RecordKind, parent: RecordID?, position: String?, fields: [String: JSONValue]) throws -> RecordID {
        var fields = fields
        if kind == .item, let parent {
            fields["~list"] = try store.record(parent)?.kind == .resume ? "work" : "highlights"
        }
        return try store.create(kind, parent: parent, position: position, fields: fields)
    }

    mutating func set(_ id: RecordID, _ field: String, to value: JSONValue) throws { try store.set(id, field, to: value) }
    mutating func setAlive(_ id: RecordID, _ alive: Bool) throws { try store.setAlive(id, alive) }
    mutating func receive(_ changes: [Change]) throws { try store.apply(changes) }
    func currentVersion() throws -> UInt64 { try store.version() }
    func changes(since version: UInt64) throws -> [Change] { try store.changes(since: version).changes }

    func childPositions(of parent: RecordID) throws -> [String] {
        try store.children(of: parent).map { $0.position ?? "" }
    }

    func record(_ id: RecordID) throws -> (kind: RecordKind, parent: RecordID?, alive: Bool)? {
        try store.record(id).map { ($0.kind, $0.parent, $0.isAlive) }
    }

    mutating func position(between lower: String?, and upper: String?) -> String {
        FractionalIndex.between(lower, upper, using: &random)
    }

    func exported() throws -> String { try store.exportAll().encoded() }
}
