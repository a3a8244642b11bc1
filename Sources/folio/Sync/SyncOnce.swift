import ArgumentParser
import FolioStore
import FolioSync

/// One sync of the replica with its server, with failures printed as one clear message.
struct SyncOnce: Sendable {
    let store: Store
    let client: HTTPSyncClient

    /// Syncs; on failure prints why and throws the exit.
    func run(retryForever: Bool) async throws -> SyncSummary {
        var configuration = SyncSession.Configuration()
        if retryForever {
            configuration.maximumAttempts = nil
            configuration.longestDelay = 5
        }
        let runner = SyncRunner(replica: StoreSyncReplica(store: store), transport: client, configuration: configuration)
        let summary: SyncSummary
        do { summary = try await runner.run() } catch {
            if Task.isCancelled { throw CancellationError() }  // --watch stopping: not a failure
            throw SyncCLI.failure(error.description)
        }
        try Replica.run { try store.markSynced() }
        return summary
    }
}
