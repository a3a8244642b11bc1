/// A Hybrid Logical Clock: stamps that follow the wall clock when it moves forward and keep
/// increasing when it does not (same millisecond, clock set back, a peer ahead of us).
///
/// The wall clock is injected, so tests control time:
/// ```
/// var clock = HybridClock(now: { 1_700_000_000_000 })
/// let a = clock.tick()            // (1700000000000, 0)
/// let b = clock.tick()            // (1700000000000, 1)
/// try clock.receive(remoteStamp)  // later ticks are after remoteStamp
/// ```
public struct HybridClock: Sendable {
    /// The last stamp handed out or received.
    public private(set) var latest: HybridTimestamp
    /// Unix milliseconds now.
    public let now: @Sendable () -> UInt64
    /// How far ahead of `now` a received stamp may be; nil accepts any.
    public var maximumDrift: UInt64?

    /// A clock that has seen `latest`, reading the wall clock from `now`.
    public init(latest: HybridTimestamp = .zero, maximumDrift: UInt64? = nil, now: @escaping @Sendable () -> UInt64) {
        self.latest = latest
        self.maximumDrift = maximumDrift
        self.now = now
    }

    /// The stamp for a local event (the HLC send rule): after every stamp seen so far, and at
    /// the wall clock's millisecond when that is later.
    public mutating func tick() -> HybridTimestamp {
        let wall = HybridTimestamp(milliseconds: now(), counter: 0)
        if wall > latest {
            latest = wall
        } else {
            // Same or earlier millisecond: count up; a full counter carries into the milliseconds.
            latest = HybridTimestamp(rawValue: latest.rawValue + 1)
        }
        return latest
    }

    /// Takes in a stamp seen from elsewhere (the HLC receive rule), so later local stamps
    /// come after it. Throws when it is more than `maximumDrift` ahead of the wall clock.
    public mutating func receive(_ remote: HybridTimestamp) throws(ClockError) {
        if let maximumDrift, remote.milliseconds > now() &+ maximumDrift {
            throw ClockError(remote: remote, now: now(), maximumDrift: maximumDrift)
        }
        if remote > latest { latest = remote }
    }
}

/// A stamp from elsewhere was too far in the future to accept.
public struct ClockError: Error, Sendable, CustomStringConvertible {
    /// The stamp refused.
    public let remote: HybridTimestamp
    /// This device's clock when it was refused (Unix ms).
    public let now: UInt64
    /// How far ahead a stamp may be (ms).
    public let maximumDrift: UInt64

    public var description: String {
        "a change is stamped \(remote.milliseconds - now) ms ahead of this device's clock "
            + "(at most \(maximumDrift) ms is accepted); check the clock of the device that made it"
    }
}
