/// Where a replica syncs to and how far it got, kept in the replica file (table
/// `sync_state`, migration "v3 sync") so a crash at any point resumes where it stopped.
public struct SyncState: Sendable, Hashable {
    /// A batch sent (or about to be sent) to the server and not yet acknowledged: a retry,
    /// even after a crash, resends it under the same id so the server applies it once.
    public struct Batch: Sendable, Hashable {
        /// The batch id (a UUID).
        public var id: String
        /// The local version the batch covers: once acknowledged, everything up to it is pushed.
        public var version: UInt64

        /// A batch from its parts.
        public init(id: String, version: UInt64) {
            self.id = id
            self.version = version
        }
    }

    /// The server's base URL, once bound.
    public var server: String?
    /// The space this replica syncs with, once bound.
    public var space: String?
    /// The pull cursor: everything the server had before it has been applied here.
    public var cursor: String
    /// Every local change up to this version has been acknowledged by the server.
    public var pushedVersion: UInt64
    /// The batch in flight, if any.
    public var pendingBatch: Batch?
    /// When the last sync finished (Unix milliseconds), if ever.
    public var lastSync: UInt64?
}
