import FolioCore
import FolioCRDT
import FolioCRDTTesting
import FolioStore
import Foundation
import PropertyBased
import Testing

/// The store merges exactly like FolioCRDT's reference, and replicas converge.
@Suite struct StoreConvergenceProperties {
    /// Scenarios per run: 1,000 by default (FOLIO_STORE_SCENARIOS); each opens several
    /// SQLite replicas, so `make fuzz-crdt` runs fewer of these than of the pure ones.
    static let scenarios = ProcessInfo.processInfo.environment["FOLIO_STORE_SCENARIOS"].flatMap(Int.init) ?? 1_000

    /// Random changes over a tiny domain (column fields, other fields, positions, causal
    /// lengths, equal stamps, equal sites, nulls), so every branch of the SQL rule runs.
    static func randomChanges(_ seed: UInt64, count: Int) -> [Change] {
        var rng = SplitMix64(seed: seed)
        let values: [JSONValue] = [nil, "", "a", "b", 1, true, [], ["k": nil]]
        let records: [(RecordID, RecordKind, RecordID?)] = [
            (RecordID(high: 1, low: 0), .application, nil),
            (RecordID(high: 2, low: 0), .event, RecordID(high: 1, low: 0)),
            (RecordID(high: 3, low: 0), .resume, nil),
            (RecordID(high: 4, low: 0), .item, RecordID(high: 3, low: 0)),
        ]
        return (0..<count).map { _ in
            let (id, kind, parent) = records.randomElement(using: &rng)!
            let stamp = FieldStamp(hlc: HybridTimestamp(milliseconds: UInt64.random(in: 1...3, using: &rng), counter: 0),
                                   site: SiteID(rawValue: [0x10, 0xF000_0000_0000_0000, 0x7].randomElement(using: &rng)!))
            switch Int.random(in: 0..<6, using: &rng) {
            case 0:
                return Change(record: id, kind: kind, parent: parent, field: "@cl",
                              value: .number(Double(Int.random(in: 1...4, using: &rng))), stamp: stamp)
            case 1:
                return Change(record: id, kind: kind, parent: parent, field: "@pos",
                              value: .string(["V", "W", "null"].randomElement(using: &rng)!), stamp: stamp)
            default:
                let field = ["company", "status", "type", "x-other", "name"].randomElement(using: &rng)!
                return Change(record: id, kind: kind, parent: parent, field: field, value: values.randomElement(using: &rng)!, stamp: stamp)
            }
        }
    }

    static func canonical(_ changes: [Change]) -> [String] {
        changes.map { $0.json.encoded() }.sorted()
    }

    @Test(.shrinking(false)) func storeMergesLikeTheReference() async throws {
        await propertyCheck(count: Self.scenarios, input: Gen.uint64()) { seed in
            var rng = SplitMix64(seed: seed)
            let changes = Self.randomChanges(seed, count: 16)
            var reference = ReplicaState()
            try reference.apply(changes)
            let store = try Store.inMemory()
            let shuffled = (changes + changes.prefix(4)).shuffled(using: &rng)
            for chunk in stride(from: 0, to: shuffled.count, by: 5) {
                try store.apply(Array(shuffled[chunk..<min(chunk + 5, shuffled.count)]))
            }
            let held = try store.changes(since: 0).changes
            #expect(Self.canonical(held) == Self.canonical(reference.changes), "seed \(seed)")
        }
    }

    @Test(.shrinking(false)) func storeReplicasConverge() async throws {
        await propertyCheck(count: Self.scenarios, input: Gen.uint64()) { seed in
            let (replicas, log) = try Scenario(seed: seed).run { _, site, replicaSeed, now in
                try StoreDriver(site: site, seed: replicaSeed, now: now)
            }
            let exports = try replicas.map { try $0.exported() }
            let changes = try replicas.map { Self.canonical(try $0.changes(since: 0)) }
            #expect(Set(exports).count == 1 && Set(changes).count == 1,
                    "scenario \(seed) diverged:\n\(log.joined(separator: "\n"))\n\(exports.joined(separator: "\n"))")
        }
    }
}
