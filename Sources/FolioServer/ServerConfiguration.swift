import FolioSync
import Foundation

/// Everything `buildApplication` needs, with documented defaults. `folio-server serve` fills
/// it from its flags; tests shorten the times and lower the bcrypt cost.
public struct ServerConfiguration: Sendable {
    /// Address to listen on (default 127.0.0.1: only this machine).
    public var host = "127.0.0.1"
    /// Port to listen on (default 8080; 0 picks a free one).
    public var port = 8080
    /// Largest request body after decompression, bytes (SyncProtocol.maximumBody).
    public var maximumBody = SyncProtocol.maximumBody
    /// Most changes in one push (SyncProtocol.maximumBatch).
    public var maximumBatch = SyncProtocol.maximumBatch
    /// Replies at least this large are gzip-compressed when the client accepts gzip.
    public var compressionThreshold = SyncProtocol.compressionThreshold
    /// How far ahead of the server's clock a stamp may be, ms (SyncProtocol.maximumDrift).
    public var maximumDrift = SyncProtocol.maximumDrift
    /// How long a device token works after it was issued, ms (365 days); nil: until it is
    /// revoked. An expired token gets 401 like a revoked one; the device logs in again.
    public var tokenLifetime: UInt64? = 365 * 24 * 60 * 60 * 1000
    /// bcrypt cost for new passwords (12; tests use 4).
    public var bcryptCost: UInt8 = 12
    /// Failed logins allowed per email and per client address within `loginWindow` (5).
    public var loginFailures = 5
    /// The login rate-limit window, ms (15 minutes).
    public var loginWindow: UInt64 = 15 * 60 * 1000
    /// Seconds between `: keepalive` comments on event streams (15).
    public var keepaliveInterval: Duration = .seconds(15)
    /// An event stream is closed after this long; clients reconnect (30 minutes).
    public var eventStreamLifetime: Duration = .seconds(30 * 60)
    /// Unix milliseconds now.
    public var now: @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970 * 1000) }

    /// The defaults.
    public init() {}
}
