import FolioCore
import FolioCRDT
import Testing

/// The Hybrid Logical Clock under a controlled wall clock, including skew between devices.
@Suite struct ClockTests {
    final class WallClock: @unchecked Sendable {
        var milliseconds: UInt64
        init(_ milliseconds: UInt64) { self.milliseconds = milliseconds }
    }

    @Test func followsTheWallClockWhenItMovesForward() {
        let wall = WallClock(1_000)
        var clock = HybridClock(now: { wall.milliseconds })
        #expect(clock.tick() == HybridTimestamp(milliseconds: 1_000, counter: 0))
        wall.milliseconds = 1_005
        #expect(clock.tick() == HybridTimestamp(milliseconds: 1_005, counter: 0))
    }

    @Test func countsWithinAMillisecond() {
        var clock = HybridClock(now: { 1_000 })
        let stamps = (0..<5).map { _ in clock.tick() }
        #expect(stamps.map(\.counter) == [0, 1, 2, 3, 4])
        #expect(Set(stamps.map(\.milliseconds)) == [1_000])
    }

    @Test func neverGoesBackWhenTheWallClockDoes() {
        let wall = WallClock(5_000)
        var clock = HybridClock(now: { wall.milliseconds })
        let before = clock.tick()
        wall.milliseconds = 1_000  // NTP stepped the clock back
        let after = clock.tick()
        #expect(after > before)
        #expect(after == HybridTimestamp(milliseconds: 5_000, counter: 1))
    }

    @Test func aFullCounterCarriesIntoTheMilliseconds() {
        var clock = HybridClock(latest: HybridTimestamp(milliseconds: 7, counter: .max), now: { 0 })
        #expect(clock.tick() == HybridTimestamp(milliseconds: 8, counter: 0))
    }

    @Test func stampsAfterReceivingComeAfterTheRemoteStamp() throws {
        // This device's clock is 10 s behind the peer's.
        var clock = HybridClock(now: { 1_000 })
        let remote = HybridTimestamp(milliseconds: 11_000, counter: 3)
        try clock.receive(remote)
        let next = clock.tick()
        #expect(next > remote)
        #expect(next == HybridTimestamp(milliseconds: 11_000, counter: 4))
    }

    @Test func receivingAnOlderStampChangesNothing() throws {
        var clock = HybridClock(now: { 9_000 })
        let mine = clock.tick()
        try clock.receive(HybridTimestamp(milliseconds: 100, counter: 0))
        #expect(clock.latest == mine)
    }

    @Test func refusesStampsTooFarAhead() {
        var clock = HybridClock(maximumDrift: 60_000, now: { 1_000_000 })
        #expect(throws: ClockError.self) { try clock.receive(HybridTimestamp(milliseconds: 1_060_001, counter: 0)) }
        #expect(clock.latest == .zero)
        #expect(throws: Never.self) { try clock.receive(HybridTimestamp(milliseconds: 1_060_000, counter: 0)) }
    }

    @Test func skewedDevicesStillOrderCausally() throws {
        // A's clock runs an hour fast. B edits after seeing A's edit: B's edit must win.
        var a = Replica(site: SiteID(rawValue: 1), seed: 1, now: { 3_600_000 + 1_000 })
        var b = Replica(site: SiteID(rawValue: 2), seed: 2, now: { 1_000 })
        let id = a.create(.note, fields: ["text": "from A"])
        try b.receive(a.changes(since: 0))
        b.set(id, "text", to: "from B, later")
        try a.receive(b.changes(since: 0))
        #expect(a.state.records[id]!["text"] == "from B, later")
        #expect(a.state == b.state)
    }

    @Test func timestampTextRoundTripsAndSorts() {
        let stamp = HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 42)
        #expect(stamp.description.count == 16)
        #expect(HybridTimestamp(parsing: stamp.description) == stamp)
        #expect(HybridTimestamp(parsing: "ffffffffffffffff") == nil)
        #expect(HybridTimestamp(parsing: "12") == nil)
        let later = HybridTimestamp(milliseconds: 1_700_000_000_001, counter: 0)
        #expect(stamp.description < later.description)
    }
}
