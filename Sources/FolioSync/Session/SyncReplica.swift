import FolioCRDT

/// The replica side of a sync, as the session's actions need it. The `folio` CLI
/// implements it over FolioStore (keeping GRDB out of FolioSync); tests, in memory.
public protocol SyncReplica: Sendable {
    /// Where the replica stands: site, cursor, pushed version, pending batch.
    func syncStart() throws -> SyncSession.Start
    /// The changes after `version`, and the current version.
    func changes(since version: UInt64) throws -> (changes: [Change], version: UInt64)
    /// Remembers a batch before it is sent.
    func savePending(_ batch: SyncSession.PendingBatch) throws
    /// Everything up to `version` is acknowledged; forgets the pending batch.
    func markPushed(upTo version: UInt64) throws
    /// Merges a pulled page and stores its cursor, in one transaction.
    func applyPulled(_ changes: [Change], cursor: String) throws
    /// Advances the clock to the server's.
    func advanceClock(to stamp: HybridTimestamp) throws
    /// Starts over: cursor to the start, every record to be pushed again.
    func reset() throws
}

/// The server side of a sync: push and pull requests. `HTTPSyncClient` is the real one.
public protocol SyncTransport: Sendable {
    /// Sends a batch.
    func push(_ request: PushRequest) async throws(TransportFailure) -> PushResponse
    /// Asks for the changes after `cursor`.
    func pull(since cursor: String, limit: Int) async throws(TransportFailure) -> PullResponse
}
