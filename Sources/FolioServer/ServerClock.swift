import FolioCRDT
import Synchronization

/// The server's hybrid logical clock, shared by every request: it takes in every accepted
/// stamp, so `server_hlc` is after everything the server holds, and refuses stamps more than
/// `maximumDrift` ms ahead of its wall clock.
public final class ServerClock: Sendable {
    private let clock: Mutex<HybridClock>
    /// Unix milliseconds now.
    public let now: @Sendable () -> UInt64
    /// How far ahead a pushed stamp may be.
    public let maximumDrift: UInt64

    /// A clock reading `now`, refusing stamps more than `maximumDrift` ms ahead.
    public init(maximumDrift: UInt64, now: @escaping @Sendable () -> UInt64) {
        self.now = now
        self.maximumDrift = maximumDrift
        self.clock = Mutex(HybridClock(maximumDrift: maximumDrift, now: now))
    }

    /// A new reading, after every stamp seen.
    public func tick() -> HybridTimestamp {
        clock.withLock { $0.tick() }
    }

    /// The first stamp too far ahead of the wall clock, if any (nothing is taken in).
    public func tooFarAhead(_ stamps: some Sequence<HybridTimestamp>) -> HybridTimestamp? {
        let limit = now() &+ maximumDrift
        return stamps.first { $0.milliseconds > limit }
    }

    /// Takes in accepted stamps.
    public func receive(_ stamps: some Sequence<HybridTimestamp>) {
        guard let latest = stamps.max() else { return }
        clock.withLock { try? $0.receive(latest) }
    }
}
