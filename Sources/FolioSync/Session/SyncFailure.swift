import Foundation

/// Why a sync stopped, in words that say what to do. Nothing pulled after the last stored
/// page is lost, and unacknowledged changes are pushed again next time.
public struct SyncFailure: Error, Sendable, Hashable, LocalizedError, CustomStringConvertible {
    private enum Reason: Sendable, Hashable {
        case unreachable(String)
        case unauthorized
        case notFound
        case forbidden
        case clockSkew(String)
        case refused(String)
        case badReply(String)
        case local(String)
    }

    private let reason: Reason

    /// The server could not be reached (or kept failing) after every retry.
    public static func unreachable(_ detail: String) -> SyncFailure { SyncFailure(reason: .unreachable(detail)) }
    /// The server refused the token.
    public static let unauthorized = SyncFailure(reason: .unauthorized)
    /// The space is not one the account can see.
    public static let notFound = SyncFailure(reason: .notFound)
    /// The account may read the space but not write it.
    public static let forbidden = SyncFailure(reason: .forbidden)
    /// The server refused stamps from this device's future.
    public static func clockSkew(_ detail: String) -> SyncFailure { SyncFailure(reason: .clockSkew(detail)) }
    /// The server refused a request for another reason (the failure says which).
    public static func refused(_ failure: TransportFailure) -> SyncFailure { SyncFailure(reason: .refused(failure.description)) }
    /// The server's reply made no sense.
    public static func badReply(_ detail: String) -> SyncFailure { SyncFailure(reason: .badReply(detail)) }
    /// The local replica failed.
    public static func local(_ detail: String) -> SyncFailure { SyncFailure(reason: .local(detail)) }

    /// True when logging in again is the cure.
    public var needsLogin: Bool { reason == .unauthorized }
    /// True when the server could not be reached.
    public var isUnreachable: Bool {
        if case .unreachable = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .unreachable(let detail):
            return "cannot reach the sync server (\(detail)); nothing was lost: run folio sync again when it is back"
        case .unauthorized:
            return "the server refused this device's token (it was revoked or has expired): run folio login"
        case .notFound:
            return "the server does not know this space, or this account is not a member of it: run folio login again"
        case .forbidden:
            return "this account may read the space but not change it; local changes stay here"
        case .clockSkew(let detail):
            return "this device's clock is ahead of the server's by more than \(SyncProtocol.maximumDrift / 1000) s, "
                + "so the server refused its changes (\(detail)). Set the clock right (enable NTP) and run folio sync again"
        case .refused(let detail):
            return "the server refused the sync: \(detail)"
        case .badReply(let detail):
            return "the server's reply was not understood: \(detail)"
        case .local(let detail):
            return "the replica failed: \(detail)"
        }
    }

    /// The message, for `LocalizedError`.
    public var errorDescription: String? { description }
}
