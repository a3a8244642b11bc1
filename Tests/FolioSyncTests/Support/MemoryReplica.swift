import FolioCore
import FolioCRDT
import Foundation
@testable import FolioSync

/// A replica in memory (FolioCRDT's `Replica`) with sync state, that can be made to crash
/// (throw) at a chosen action: the state it keeps is what a real replica would have on disk.
final class MemoryReplica: SyncReplica, @unchecked Sendable {
    enum Step: Hashable { case collect, savePending, markPushed, apply, advanceClock, reset }
    struct Crash: Error {}

    private let lock = NSLock()
    private(set) var replica: Replica
    private(set) var cursor = SyncProtocol.initialCursor
    private(set) var pushedVersion: UInt64 = 0
    private(set) var pending: SyncSession.PendingBatch?
    private(set) var appliedCursors: [String] = []
    private(set) var savedBatches: [String] = []
    private var crashAt: (step: Step, remaining: Int)?

    init(site: UInt64) {
        replica = Replica(site: SiteID(rawValue: site), seed: site, now: { 1_700_000_000_000 })
    }

    /// The next time `step` is done (after `skipping` others), it throws instead.
    func crash(at step: Step, skipping: Int = 0) { lock.withLock { crashAt = (step, skipping) } }

    func edit(_ body: (inout Replica) -> Void) { lock.withLock { body(&replica) } }

    var state: [RecordID: RecordState] { lock.withLock { replica.state.records } }

    private func check(_ step: Step) throws {
        guard let crash = crashAt, crash.step == step else { return }
        if crash.remaining == 0 { crashAt = nil; throw Crash() }
        crashAt = (step, crash.remaining - 1)
    }

    func syncStart() throws -> SyncSession.Start {
        lock.withLock { SyncSession.Start(site: replica.site, cursor: cursor, pushedVersion: pushedVersion, pendingBatch: pending) }
    }

    func changes(since version: UInt64) throws -> (changes: [Change], version: UInt64) {
        try lock.withLock { try check(.collect); return (replica.changes(since: version), replica.version) }
    }

    func savePending(_ batch: SyncSession.PendingBatch) throws {
        try lock.withLock { try check(.savePending); pending = batch; savedBatches.append(batch.id) }
    }

    func markPushed(upTo version: UInt64) throws {
        try lock.withLock { try check(.markPushed); pushedVersion = max(pushedVersion, version); pending = nil }
    }

    func applyPulled(_ changes: [Change], cursor: String) throws {
        try lock.withLock {
            try check(.apply)
            try replica.receive(changes)
            self.cursor = cursor
            appliedCursors.append(cursor)
        }
    }

    func advanceClock(to stamp: HybridTimestamp) throws {
        try lock.withLock { try check(.advanceClock); try replica.clock.receive(stamp) }
    }

    func reset() throws {
        try lock.withLock { try check(.reset); cursor = SyncProtocol.initialCursor; pending = nil; pushedVersion = 0 }
    }
}
