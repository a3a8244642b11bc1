import FolioCRDT

/// What happened, fed to `SyncSession.handle(_:)`: the result of the last action that
/// waits for something (`collect`, `push`, `pull`, `wait`).
public enum SyncEvent: Sendable, Hashable {
    /// The replica's changes after the version `collect` named, and its current version.
    case collected(changes: [Change], version: UInt64)
    /// The server acknowledged a push.
    case pushed(PushResponse)
    /// The server answered a pull.
    case pulled(PullResponse)
    /// A push or pull failed: no connection, or an error reply.
    case failed(TransportFailure)
    /// The back-off pause is over.
    case waited
}
