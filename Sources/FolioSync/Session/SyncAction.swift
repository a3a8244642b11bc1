import FolioCRDT

/// What to do next, returned by `SyncSession`. A list of actions ends with exactly one that
/// waits for an event (`collect`, `push`, `pull`, `wait`) or ends the session (`finish`,
/// `fail`); the actions before it act on the replica at once, in order.
public enum SyncAction: Sendable, Hashable {
    /// Read the replica's changes after this local version (answer: `.collected`).
    case collect(since: UInt64)
    /// Remember this batch in the replica before sending it, so a retry after a crash
    /// resends it under the same id.
    case savePending(SyncSession.PendingBatch)
    /// Send this batch (answer: `.pushed` or `.failed`).
    case push(PushRequest)
    /// The server acknowledged every change up to this local version: store that and
    /// forget the pending batch.
    case markPushed(version: UInt64)
    /// Ask for the changes after this cursor (answer: `.pulled` or `.failed`).
    case pull(since: String, limit: Int)
    /// Merge these pulled changes and store this cursor, in one transaction.
    case apply(changes: [Change], cursor: String)
    /// Advance the replica's clock to the server's.
    case advanceClock(HybridTimestamp)
    /// The server asked for a reset: cursor back to the start, pending batch forgotten,
    /// every record to be pushed again.
    case reset
    /// Pause this many seconds before retrying (answer: `.waited`).
    case wait(seconds: Double)
    /// Done: everything went and came.
    case finish(SyncSummary)
    /// Stopped, with the reason.
    case fail(SyncFailure)
}
