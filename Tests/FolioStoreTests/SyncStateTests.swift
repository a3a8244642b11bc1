import FolioCore
import FolioCRDT
import FolioStore
import Foundation
import Testing

/// The replica's sync state (migration "v3 sync"): cursor and page in one transaction,
/// no echo of pulled changes, pending batches that survive a crash.
@Suite struct SyncStateTests {
    static let remoteSite = SiteID(rawValue: 0xBEEF)

    /// Changes another device made: a note with its text, as the server would send them.
    static func remoteNote(_ n: UInt64, text: String, counter: UInt16 = 0, parent: RecordID? = nil, kind: RecordKind = .note) -> [Change] {
        let id = RecordID(high: 0x0190_0000_0000_7000 | n, low: 0x8000_0000_0000_0000 | n)
        let stamp = FieldStamp(hlc: HybridTimestamp(milliseconds: 1_700_000_000_500, counter: counter), site: remoteSite)
        return [Change(record: id, kind: kind, parent: parent, field: "text", value: .string(text), stamp: stamp),
                Change(record: id, kind: kind, parent: parent, field: Change.causalLengthField, value: 1, stamp: stamp)]
    }

    func waiting(_ store: Store) throws -> Set<RecordID> {
        Set(try store.changes(since: try store.syncState().pushedVersion).changes.map(\.record))
    }

    @Test func aNewReplicaStartsFromTheBeginning() throws {
        let state = try Store.inMemory().syncState()
        #expect(state.server == nil && state.space == nil && state.cursor == "0")
        #expect(state.pushedVersion == 0 && state.pendingBatch == nil && state.lastSync == nil)
    }

    @Test func aPulledPageAndItsCursorCommitTogether() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        let store = try Store.open(path: path, configuration: configuration(site: 1))
        try store.applyPulled(Self.remoteNote(1, text: "first"), cursor: "2")
        // A page that fails half way (a record given another parent is refused by the merge after
        // the first record merged): nothing of it, and not its cursor, is kept.
        let parent = RecordID(high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0099)
        let bad = Self.remoteNote(2, text: "second") + Self.remoteNote(1, text: "moved", counter: 5, parent: parent)
        #expect(throws: StoreError.self) { try store.applyPulled(bad, cursor: "6") }
        // Reopening is what a crashed client does.
        let reopened = try Store.open(path: path, configuration: configuration(site: 1))
        #expect(try reopened.syncState().cursor == "2")
        #expect(try reopened.record(Self.remoteNote(1, text: "").first!.record)?["text"] == "first")
        #expect(try reopened.record(Self.remoteNote(2, text: "").first!.record) == nil)
        // Applying the same page again (a retry after a crash before the reply was read) is a no-op.
        let version = try reopened.version()
        try reopened.applyPulled(Self.remoteNote(1, text: "first"), cursor: "2")
        #expect(try reopened.changes(since: version).changes.isEmpty)
    }

    @Test func anUnknownKindInAPageIsRefusedWhole() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1))
        let page = Self.remoteNote(1, text: "ok") + Self.remoteNote(2, text: "?", kind: RecordKind("hologram"))
        #expect(throws: StoreError.self) { try store.applyPulled(page, cursor: "4") }
        #expect(try store.syncState().cursor == "0")
        #expect(try store.record(page[0].record) == nil)
    }

    @Test func pulledChangesAreNotPushedBack() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1))
        let mine = try store.create(.note, fields: ["text": "mine"])
        try store.markPushed(upTo: try store.version())
        #expect(try waiting(store).isEmpty)
        // New records and changes to a pushed record, pulled: nothing to push.
        try store.applyPulled(Self.remoteNote(1, text: "theirs"), cursor: "3")
        let theirEdit = Change(record: mine, kind: .note, parent: nil, field: "text", value: "edited elsewhere",
                               stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: 1_800_000_000_000, counter: 0), site: Self.remoteSite))
        try store.applyPulled([theirEdit], cursor: "4")
        #expect(try store.record(mine)?["text"] == "edited elsewhere")
        #expect(try waiting(store).isEmpty)
        #expect(try store.pendingChangeCount() == 0)
        #expect(try !store.hasUnpushedChanges())
        try store.set(mine, "text", to: "edited here")
        #expect(try store.hasUnpushedChanges())
    }

    @Test func aRecordWithUnpushedLocalEditsIsStillPushedAfterAPull() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1))
        let note = try store.create(.note, fields: ["text": "draft"])
        try store.set(note, "title", to: "mine, unpushed")
        // Another device changed another field of the same record; it arrives first.
        let theirs = Change(record: note, kind: .note, parent: nil, field: "text", value: "their text",
                            stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: 1_800_000_000_000, counter: 0), site: Self.remoteSite))
        try store.applyPulled([theirs] + Self.remoteNote(1, text: "theirs"), cursor: "3")
        #expect(try waiting(store) == [note], "the pulled-only record is not pushed; the locally edited one is")
        let pushed = try store.changes(since: try store.syncState().pushedVersion).changes
        #expect(pushed.contains { $0.field == "title" && $0.value == "mine, unpushed" })
    }

    @Test func aPendingBatchSurvivesACrashAndIsClearedByItsAck() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        let store = try Store.open(path: path, configuration: configuration(site: 1))
        try store.create(.note, fields: ["text": "one"])
        let batch = SyncState.Batch(id: "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6", version: try store.version())
        try store.recordPendingBatch(batch)
        try store.create(.note, fields: ["text": "two, written while the batch was in flight"])
        // Crash between push and ack: the reopened replica still has the batch to resend.
        let reopened = try Store.open(path: path, configuration: configuration(site: 1))
        #expect(try reopened.syncState().pendingBatch == batch)
        try reopened.markPushed(upTo: batch.version)
        let state = try reopened.syncState()
        #expect(state.pendingBatch == nil && state.pushedVersion == batch.version)
        #expect(try reopened.pendingChangeCount() == 2, "the note written after the batch still waits (text and @cl)")
    }

    @Test func bindingToAnotherServerOrAResetStartsOver() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1))
        try store.create(.note, fields: ["text": "one"])
        try store.applyPulled(Self.remoteNote(1, text: "theirs"), cursor: "9")
        try store.markPushed(upTo: try store.version())
        #expect(try store.bindSync(server: "http://a", space: "s") == false)
        #expect(try store.bindSync(server: "http://a", space: "s") == false)
        #expect(try store.syncState().cursor == "9")
        #expect(try store.bindSync(server: "http://b", space: "s") == true)
        let state = try store.syncState()
        #expect(state.cursor == "0" && state.server == "http://b")
        #expect(try waiting(store).count == 2, "every record, pulled or not, goes to the new server")
        try store.markPushed(upTo: try store.version())
        try store.recordPendingBatch(.init(id: "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6", version: 1))
        try store.resetSync()
        #expect(try store.syncState().pendingBatch == nil)
        #expect(try waiting(store).count == 2)
    }

    @Test func theClockAdvancesToTheServersAndTheLastSyncIsKept() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1, now: 1_700_000_000_000))
        let server = HybridTimestamp(milliseconds: 1_700_000_090_000, counter: 4)
        try store.advanceClock(to: server)
        let note = try store.create(.note, fields: ["text": "after"])
        let stamp = try #require(try store.record(note)?.fields["text"]?.stamp.hlc)
        #expect(stamp > server)
        try store.markSynced()
        #expect(try store.syncState().lastSync == 1_700_000_000_000)
    }
}
