import FolioCore
import FolioCRDT
import Testing

/// Every case of the merge rule: higher stamp wins; equal stamp, higher site wins; still
/// equal, the larger value wins with null lowest.
@Suite struct MergeRuleTests {
    static func stamp(_ ms: UInt64, _ counter: UInt16 = 0, site: UInt64 = 1) -> FieldStamp {
        FieldStamp(hlc: HybridTimestamp(milliseconds: ms, counter: counter), site: SiteID(rawValue: site))
    }

    static func register(_ value: JSONValue, _ ms: UInt64, _ counter: UInt16 = 0, site: UInt64 = 1) -> Register {
        Register(value: value, stamp: stamp(ms, counter, site: site))
    }

    static func winner(_ a: Register, _ b: Register) -> Register {
        let forward = a.merged(with: b), backward = b.merged(with: a)
        #expect(forward == backward, "merge must not depend on order")
        return forward
    }

    @Test func higherMillisecondsWin() {
        #expect(Self.winner(Self.register("old", 100), Self.register("new", 101)).value == "new")
    }

    @Test func higherCounterWinsWithinAMillisecond() {
        #expect(Self.winner(Self.register("a", 100, 2), Self.register("b", 100, 1)).value == "a")
    }

    @Test func laterStampBeatsHigherSite() {
        #expect(Self.winner(Self.register("a", 100, site: 9), Self.register("b", 101, site: 1)).value == "b")
    }

    @Test func equalStampHigherSiteWins() {
        #expect(Self.winner(Self.register("a", 100, site: 2), Self.register("b", 100, site: 7)).value == "b")
        #expect(Self.winner(Self.register("z", 100, site: 2), Self.register("a", 100, site: 7)).value == "a")
    }

    @Test func equalStampAndSiteLargerValueWins() {
        #expect(Self.winner(Self.register("apple", 100), Self.register("banana", 100)).value == "banana")
        #expect(Self.winner(Self.register(2, 100), Self.register(10, 100)).value == 2, "\"2\" > \"10\" byte-wise")
    }

    @Test func nullIsLowestOnATie() {
        // Encoded, "null" would sort above "\"text\"" and "[...]"; the rule puts null below all.
        for value: JSONValue in ["", "text", 0, -1, false, true, [], [:], ["null"]] {
            #expect(Self.winner(Self.register(nil, 100), Self.register(value, 100)).value == value)
        }
        #expect(Self.winner(Self.register(nil, 100), Self.register(nil, 100)).value == nil)
    }

    @Test func nullWinsWhenItsStampIsLater() {
        #expect(Self.winner(Self.register("text", 100), Self.register(nil, 101)).value == nil)
        #expect(Self.winner(Self.register("text", 100, site: 1), Self.register(nil, 100, site: 2)).value == nil)
    }

    @Test func valueOrderIsByEncodedBytes() {
        #expect(ValueOrder.less("B", "a"))        // 'B' (0x42) < 'a' (0x61)
        #expect(ValueOrder.less("é", "😀"))        // UTF-8 bytes, not String's ordering
        #expect(ValueOrder.less(["a": 1], [:]))   // "{\"a\":1}" < "{}": '"' is 0x22, '}' is 0x7D
        #expect(ValueOrder.less(["a": 1, "b": 2], ["b": 1]))  // keys sorted before comparing
        #expect(!ValueOrder.less("x", "x"))
        #expect(!ValueOrder.less("x", nil) && ValueOrder.less(nil, "x"))
        let reordered: JSONValue = .object(JSONObject([("b", 2), ("a", 1)]))
        #expect(!ValueOrder.less(reordered, ["a": 1, "b": 2]) && !ValueOrder.less(["a": 1, "b": 2], reordered))
    }

    @Test func mergingIsIdempotent() {
        let a = Self.register("x", 5)
        #expect(a.merged(with: a) == a)
    }

    @Test func causalLengthTakesTheMaximum() {
        let alive = CausalLength(length: 1, stamp: Self.stamp(1))
        let deleted = alive.toggled(stamp: Self.stamp(5))
        let restored = deleted.toggled(stamp: Self.stamp(3, site: 2))  // an older clock, but it saw the delete
        #expect(!deleted.isAlive && restored.isAlive)
        #expect(deleted.merged(with: restored) == restored && restored.merged(with: deleted) == restored)
        #expect(alive.setting(alive: true, stamp: Self.stamp(9)) == nil)
    }

    @Test func concurrentDeletesAgreeOnTheStamp() {
        let a = CausalLength(length: 2, stamp: Self.stamp(5, site: 1))
        let b = CausalLength(length: 2, stamp: Self.stamp(4, site: 2))
        #expect(a.merged(with: b) == b.merged(with: a))
        #expect(a.merged(with: b) == a)
    }

    @Test func deleteAndUndeleteConvergeInAnyOrder() throws {
        var one = ReplicaState(), two = ReplicaState()
        let id = RecordID(high: 1, low: 1)
        let create = Change(record: id, kind: .note, parent: nil, field: "@cl", value: 1, stamp: Self.stamp(1))
        let delete = Change(record: id, kind: .note, parent: nil, field: "@cl", value: 2, stamp: Self.stamp(2))
        let restore = Change(record: id, kind: .note, parent: nil, field: "@cl", value: 3, stamp: Self.stamp(3, site: 2))
        let concurrentDelete = Change(record: id, kind: .note, parent: nil, field: "@cl", value: 2, stamp: Self.stamp(9, site: 3))
        try one.apply([create, delete, restore, concurrentDelete])
        try two.apply([concurrentDelete, restore, create, delete])
        #expect(one == two)
        #expect(one.records[id]!.isAlive, "the restore saw the delete; a concurrent delete of the same length loses")
    }

    @Test func recordStateAppliesFieldsAndReportsChanges() {
        var record = RecordState(id: RecordID(high: 1, low: 2), kind: .application, parent: nil)
        let first = Change(record: record.id, kind: .application, parent: nil, field: "company", value: "Acme", stamp: Self.stamp(10))
        let older = Change(record: record.id, kind: .application, parent: nil, field: "company", value: "Old", stamp: Self.stamp(9))
        let applied = record.apply(first), repeated = record.apply(first), stale = record.apply(older)
        #expect(applied)
        #expect(!repeated, "a repeated change changes nothing")
        #expect(!stale)
        #expect(record["company"] == "Acme")
        #expect(record.changes == [first])
    }

    @Test func unknownFieldsAreKeptAndPassedOn() throws {
        var old = ReplicaState(), other = ReplicaState()
        let id = RecordID(high: 3, low: 3)
        let future = Change(record: id, kind: .application, parent: nil, field: "salaryBand", value: ["min": 1], stamp: Self.stamp(4))
        try old.apply([future])
        try other.apply(old.changes)
        #expect(other.records[id]!["salaryBand"] == ["min": 1])
    }

    @Test func deletingAParentHidesItsChildren() throws {
        var replica = Replica(site: SiteID(rawValue: 1), seed: 1, now: { 1_000 })
        let resume = replica.create(.resume, fields: ["basics.name": "Ada"])
        let job = replica.create(.item, parent: resume, position: "V", fields: ["name": "Acme"])
        let bullet = replica.create(.item, parent: job, position: "V", fields: ["~value": "Shipped"])
        replica.setAlive(resume, false)
        #expect(!replica.state.isVisible(bullet) && replica.state.children(of: resume).isEmpty)
        #expect(replica.state.records[bullet]!.isAlive, "the child itself is untouched")
        replica.setAlive(resume, true)
        #expect(replica.state.isVisible(bullet))
        #expect(replica.state.children(of: job).map(\.id) == [bullet])
    }
}
