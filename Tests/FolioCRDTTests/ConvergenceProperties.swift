import FolioCore
import FolioCRDT
import FolioCRDTTesting
import Foundation
import PropertyBased
import Testing

/// Merge is commutative, associative and idempotent, and replicas that exchanged
/// everything hold the same data, whatever order, duplicates and drops the network made.
@Suite struct ConvergenceProperties {
    /// Scenarios per run: 1,000 by default; `make fuzz-crdt` sets FOLIO_CRDT_SCENARIOS=100000.
    static let scenarios = ProcessInfo.processInfo.environment["FOLIO_CRDT_SCENARIOS"].flatMap(Int.init) ?? 1_000

    /// Random changes over a tiny domain, so equal stamps, equal sites and equal values collide.
    static func randomChanges(_ seed: UInt64, count: Int) -> [Change] {
        var rng = SplitMix64(seed: seed)
        let ids = (1...3).map { RecordID(high: UInt64($0), low: 0) }
        let values: [JSONValue] = [nil, "", "a", "b", 1, true, [], ["k": nil]]
        return (0..<count).map { _ in
            let id = ids.randomElement(using: &rng)!
            let stamp = FieldStamp(hlc: HybridTimestamp(milliseconds: UInt64.random(in: 1...3, using: &rng), counter: 0),
                                   site: SiteID(rawValue: UInt64.random(in: 1...2, using: &rng)))
            let isLength = Int.random(in: 0..<5, using: &rng) == 0
            return Change(record: id, kind: id.high == 1 ? .resume : .item, parent: id.high == 1 ? nil : ids[0],
                          field: isLength ? "@cl" : ["f", "g", "@pos"].randomElement(using: &rng)!,
                          value: isLength ? .number(Double.random(in: 1...4, using: &rng).rounded())
                              : (Bool.random(using: &rng) ? values.randomElement(using: &rng)! : .string(["V", "W"].randomElement(using: &rng)!)),
                          stamp: stamp)
        }.filter { (try? $0.validate()) != nil }
    }

    static func state(_ changes: [Change]) -> ReplicaState {
        var state = ReplicaState()
        try! state.apply(changes)
        return state
    }

    @Test(.shrinking(false)) func mergeIsCommutativeAssociativeAndIdempotent() async {
        await propertyCheck(count: Self.scenarios, input: Gen.uint64()) { seed in
            let a = Self.state(Self.randomChanges(seed, count: 12))
            let b = Self.state(Self.randomChanges(seed &+ 1, count: 12))
            let c = Self.state(Self.randomChanges(seed &+ 2, count: 12))
            #expect(a.merged(with: b) == b.merged(with: a))
            #expect(a.merged(with: b).merged(with: c) == a.merged(with: b.merged(with: c)))
            #expect(a.merged(with: a) == a)
        }
    }

    @Test(.shrinking(false)) func applyingInAnyOrderWithDuplicatesGivesTheSameState() async {
        await propertyCheck(count: Self.scenarios, input: Gen.uint64()) { seed in
            var rng = SplitMix64(seed: seed)
            let changes = Self.randomChanges(seed, count: 20)
            let shuffled = (changes + changes.prefix(5)).shuffled(using: &rng)
            var batched = ReplicaState()
            for chunk in stride(from: 0, to: shuffled.count, by: 4) {
                try batched.apply(Array(shuffled[chunk..<min(chunk + 4, shuffled.count)]))
            }
            #expect(Self.state(changes) == batched)
            #expect(Self.state(changes).exported().encoded() == batched.exported().encoded())
        }
    }

    @Test(.shrinking(false)) func replicasConvergeAfterAFullExchange() async throws {
        await propertyCheck(count: Self.scenarios, input: Gen.uint64()) { seed in
            let (replicas, log) = try Scenario(seed: seed).run { _, site, replicaSeed, now in
                Replica(site: site, seed: replicaSeed, now: now)
            }
            let exports = replicas.map { $0.exported() }
            let converged = Set(exports).count == 1 && Set(replicas.map(\.state)).count == 1
            #expect(converged, "scenario \(seed) diverged:\n\(log.joined(separator: "\n"))")
        }
    }
}
