import FolioCore
import FolioCRDT
import Foundation
@testable import FolioStore
import GRDB
import Testing

/// The agenda's own read (`AgendaReader`) on replicas that other sites wrote to: it must
/// give the agenda a full read gives, whatever arrived and in whatever order.
@Suite("the agenda's read")
struct AgendaReadTests {
    /// Remote changes with increasing stamps from one site.
    struct Remote {
        var hlc = HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 0).rawValue
        var seed: UInt64 = 1

        mutating func id() -> RecordID {
            seed += 1
            return RecordID(high: 0x0190_0000_0000_0000 | seed, low: seed &* 0x9E37_79B9_7F4A_7C15)
        }

        mutating func change(_ record: RecordID, _ kind: RecordKind, parent: RecordID?, _ field: String, _ value: JSONValue) -> Change {
            hlc += 1
            return Change(record: record, kind: kind, parent: parent, field: field, value: value,
                          stamp: FieldStamp(hlc: HybridTimestamp(rawValue: hlc), site: SiteID(rawValue: 0xFEED)))
        }

        mutating func record(_ record: RecordID, _ kind: RecordKind, parent: RecordID?, _ fields: [(String, JSONValue)]) -> [Change] {
            ([(Change.causalLengthField, JSONValue.number(1))] + fields).map { change(record, kind, parent: parent, $0.0, $0.1) }
        }
    }

    /// Checks the agenda of the store's own read against one from a full read, over many days.
    func expectSameAgenda(_ store: Store, from start: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = try store.trackedApplications()
        var compared = 0
        for offset in stride(from: 0, through: 60, by: 2) {
            for ghostAfter in [5, 30] {
                let today = CalendarDay(start)!.adding(offset)
                let scoped = try store.agenda(today: today, days: 7, ghostAfter: ghostAfter).items
                #expect(scoped == Agenda(all, today: today, days: 7, ghostAfter: ghostAfter).items, "\(today) \(ghostAfter)",
                        sourceLocation: sourceLocation)
                compared += scoped.count
            }
        }
        #expect(compared > 20, "the comparison covered real items", sourceLocation: sourceLocation)
    }

    @Test("remote events in any order, deletions, `done` as a number and events without a type read as a full read does")
    func remoteOddities() throws {
        var remote = Remote()
        let (acme, globex, gone) = (remote.id(), remote.id(), remote.id())
        var changes: [Change] = []
        for (id, company) in [(acme, "Acme"), (globex, "Globex"), (gone, "Gone")] {
            changes += remote.record(id, .application, parent: nil, [("company", .string(company)), ("role", "Engineer"),
                                                                    ("status", "applied"), ("date", "2024-05-01")])
        }
        func event(_ parent: RecordID, _ position: String, _ fields: [(String, JSONValue)]) -> (RecordID, [Change]) {
            let id = remote.id()
            return (id, remote.record(id, .event, parent: parent, [(Change.positionField, .string(position))] + fields))
        }
        let applied = event(acme, "a1", [("type", "applied"), ("date", "2024-05-01")])
        let doneAsNumber = event(acme, "a2", [("type", "reminder"), ("date", "2024-05-08"), ("note", "numeric done"), ("done", 1)])
        let open = event(acme, "a3", [("type", "reminder"), ("date", "2024-05-09"), ("note", "open"), ("done", false)])
        let untyped = event(globex, "a1", [("date", "2024-05-20"), ("note", "no type")])
        let interview = event(globex, "a2", [("type", "interview"), ("date", "2024-05-25"), ("time", "09:00"), ("people", ["Ada"])])
        let deleted = event(globex, "a3", [("type", "reminder"), ("date", "2024-05-21"), ("note", "deleted reminder")])
        let orphan = event(gone, "a1", [("type", "reminder"), ("date", "2024-05-22"), ("note", "of a deleted application")])
        let moved = event(gone, "a2", [("type", "screening"), ("date", "2024-05-23")])
        // Events first, their applications last, then the deletions.
        let store = try Store.inMemory(configuration: configuration(site: 3))
        let events = [applied, doneAsNumber, open, untyped, interview, deleted, orphan, moved].flatMap(\.1)
        try store.apply(events.reversed())
        try store.apply(changes)
        try store.apply([remote.change(deleted.0, .event, parent: globex, Change.causalLengthField, 2),
                         remote.change(gone, .application, parent: nil, Change.causalLengthField, 2)])
        let texts = try store.agenda(today: CalendarDay("2024-05-10")!, days: 30).items.map(\.text)
        #expect(texts.contains("open") && !texts.contains("numeric done") && !texts.contains("deleted reminder"))
        #expect(!texts.contains("of a deleted application"))
        #expect(texts.contains("interview with Ada"))
        try expectSameAgenda(store, from: "2024-04-25")
    }

    @Test("a reminder marked done, or undone, by another site moves in and out of the agenda")
    func doneFromElsewhere() throws {
        var remote = Remote()
        let application = remote.id(), reminder = remote.id()
        let store = try Store.inMemory(configuration: configuration(site: 4))
        try store.apply(remote.record(application, .application, parent: nil, [("company", "Initech"), ("role", "Dev"),
                                                                              ("status", "applied"), ("date", "2024-03-01")])
                        + remote.record(reminder, .event, parent: application, [(Change.positionField, "a1"), ("type", "reminder"),
                                                                               ("date", "2024-03-05"), ("note", "call back")]))
        let today = CalendarDay("2024-03-10")!
        #expect(try store.agenda(today: today, days: 7).items.map(\.text) == ["call back"])
        try store.apply([remote.change(reminder, .event, parent: application, "done", true)])
        #expect(try store.agenda(today: today, days: 7).items.isEmpty)
        try store.apply([remote.change(reminder, .event, parent: application, "done", false)])
        #expect(try store.agenda(today: today, days: 7).items.map(\.text) == ["call back"])
        try expectSameAgenda(store, from: "2024-02-20")
    }
}

@Suite("migration v4 tracking indexes")
struct TrackingIndexMigrationTests {
    static let all = ["v1 records", "v2 profile", "v3 sync", "v4 tracking indexes", "v5 register blobs"]
    static let eventIndexes = ["event_date", "event_parent", "event_type", "sqlite_autoindex_event_registers_1"]

    @Test("a replica made before v4 upgrades on open and gets the event indexes, carried over to the register layout")
    func upgradesV3() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        try RegisterMigrationTests.legacyReplica(path)
        let store = try Store.open(path: path, configuration: configuration(site: 5))
        #expect(try store.appliedMigrations() == Self.all)
        #expect(try store.indexNames(on: "event_registers") == Self.eventIndexes)
        #expect(try store.trackedApplications().map(\.company) == ["Acme"])

        let id = try store.addApplication(ApplicationDraft(company: "Initech", role: "SRE")).id.hex
        try store.moveApplication(id, to: "interview", date: "2024-05-12")
        try store.addReminder(id, on: "2024-05-09", note: "prepare")
        let today = CalendarDay("2024-05-10")!
        let items = try store.agenda(today: today, days: 7).items
        #expect(items.map(\.kind) == [.reminder, .interview])
        #expect(items == Agenda(try store.trackedApplications(), today: today, days: 7).items)
    }

    @Test("the agenda's statement finds recent moves through the date index")
    func agendaUsesTheDateIndex() throws {
        let plan = try Store.inMemory().agendaQueryPlan()
        #expect(plan.contains("USING INDEX event_date"), "\(plan)")
    }
}

@Suite("opening a replica to read it")
struct OpenForReadingTests {
    @Test("reading the agenda leaves the replica file as it was, and no WAL file behind")
    func writesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        do {
            let store = try Store.open(path: path, configuration: configuration(site: 6))
            let id = try store.addApplication(ApplicationDraft(company: "Acme", role: "SRE")).id.hex
            try store.addReminder(id, on: "2024-05-09", note: "prepare")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try Store.openForReading(path: path)
            #expect(try store.agenda(today: CalendarDay("2024-05-10")!, days: 7).items.map(\.text) == ["prepare"])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a missing replica is created, an older one migrated, a newer one refused, as `open` does")
    func fallsBackToOpen() throws {
        let folder = try TemporaryFolder()
        let fresh = try Store.openForReading(path: folder.path("new/replica.sqlite"))
        #expect(try fresh.agenda(today: CalendarDay("2024-05-10")!, days: 7).items.isEmpty)
        #expect(try fresh.appliedMigrations() == TrackingIndexMigrationTests.all)

        let old = folder.path("old.sqlite")
        do { _ = try Store.open(path: old, configuration: configuration(site: 7), upTo: "v3 sync") }
        #expect(try Store.openForReading(path: old).indexNames(on: "event_registers").contains("event_date"))

        let newer = folder.path("newer.sqlite")
        do { _ = try Store.open(path: newer) }
        try Store.markNewerForTesting(path: newer)
        #expect { try Store.openForReading(path: newer) } throws: { ($0 as? StoreError)?.isNewerSchema == true }
    }
}
