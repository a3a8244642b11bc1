import FolioCRDT
import FolioStore
import FolioSync

/// The replica side of a sync over the local store: the glue between FolioSync (no GRDB)
/// and FolioStore.
struct StoreSyncReplica: SyncReplica {
    let store: Store

    func syncStart() throws -> SyncSession.Start {
        let state = try store.syncState()
        return SyncSession.Start(site: try store.site(), cursor: state.cursor, pushedVersion: state.pushedVersion,
                                 pendingBatch: state.pendingBatch.map { SyncSession.PendingBatch(id: $0.id, version: $0.version) })
    }

    func changes(since version: UInt64) throws -> (changes: [Change], version: UInt64) {
        try store.changes(since: version)
    }

    func savePending(_ batch: SyncSession.PendingBatch) throws {
        try store.recordPendingBatch(SyncState.Batch(id: batch.id, version: batch.version))
    }

    func markPushed(upTo version: UInt64) throws { try store.markPushed(upTo: version) }
    func applyPulled(_ changes: [Change], cursor: String) throws { try store.applyPulled(changes, cursor: cursor) }
    func advanceClock(to stamp: HybridTimestamp) throws { try store.advanceClock(to: stamp) }
    func reset() throws { try store.resetSync() }
}
