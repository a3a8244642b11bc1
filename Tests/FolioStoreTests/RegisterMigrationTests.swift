import FolioCore
import FolioCRDT
@testable import FolioStore
import Foundation
import GRDB
import Testing

/// Migration "v5 register blobs" on replicas as versions before it wrote them: value, stamp
/// and site-number columns per register.
@Suite struct RegisterMigrationTests {
    static let siteA = SiteID(rawValue: 0x1111_2222_3333_4444)
    /// High bit set: site order must survive as unsigned order.
    static let siteB = SiteID(rawValue: 0xF000_0000_0000_0001)
    static let app = RecordID(high: 0x0190_0000_0000_7000, low: 1)
    static let event = RecordID(high: 0x0190_0000_0000_7000, low: 2)
    static let resume = RecordID(high: 0x0190_0000_0000_7000, low: 3)
    static let item = RecordID(high: 0x0190_0000_0000_7000, low: 4)

    static func stamp(_ hlc: UInt64, _ site: SiteID) -> FieldStamp {
        FieldStamp(hlc: HybridTimestamp(rawValue: 0x0190_0000_0000_0000 + hlc), site: site)
    }

    /// Every kind of register: column fields (text, null), one never written, fields of the
    /// `field` table, positions, a stamped causal length (a deleted event) and an unstamped one.
    static let changes: [Change] = [
        Change(record: app, kind: .application, parent: nil, field: "company", value: "Acme", stamp: stamp(100, siteA)),
        Change(record: app, kind: .application, parent: nil, field: "role", value: .null, stamp: stamp(101, siteB)),
        Change(record: app, kind: .application, parent: nil, field: "status", value: "applied", stamp: stamp(102, siteA)),
        Change(record: app, kind: .application, parent: nil, field: "size", value: "50-200", stamp: stamp(103, siteB)),
        Change(record: event, kind: .event, parent: app, field: "type", value: "reminder", stamp: stamp(104, siteB)),
        Change(record: event, kind: .event, parent: app, field: "date", value: "2024-06-01", stamp: stamp(104, siteB)),
        Change(record: event, kind: .event, parent: app, field: "@pos", value: "a1", stamp: stamp(105, siteA)),
        Change(record: event, kind: .event, parent: app, field: "@cl", value: 2, stamp: stamp(106, siteB)),
        Change(record: resume, kind: .resume, parent: nil, field: "name", value: "Ada \"the\" Analyst", stamp: stamp(107, siteA)),
        Change(record: item, kind: .item, parent: resume, field: "@pos", value: "a0V", stamp: stamp(108, siteB)),
        Change(record: item, kind: .item, parent: resume, field: "title", value: ["x": 1], stamp: stamp(109, siteA)),
    ]

    /// A replica file with the schema before "v5 register blobs", holding `changes` as that
    /// version stored them, and an index of its own on a value column.
    static func legacyReplica(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v3 sync")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO site (idx, id) VALUES (1, ?), (2, ?)", arguments: [siteA.description, siteB.description])
            for change in changes {
                try writeLegacy(change, sites: [siteA: 1, siteB: 2], db)
            }
            try db.execute(sql: "CREATE INDEX application_company ON application(f_company)")
        }
        try queue.close()
    }

    private static func writeLegacy(_ change: Change, sites: [SiteID: Int64], _ db: Database) throws {
        let table = KindTable.byKind[change.kind]!
        let hlc = Int64(bitPattern: change.stamp.hlc.rawValue)
        let site = sites[change.stamp.site]!
        try db.execute(sql: "INSERT OR IGNORE INTO \(table.table) (id, parent, version) VALUES (?, ?, 1)",
                       arguments: [change.record.data, change.parent?.data])
        let column: String? = switch change.field {
        case "@cl": "cl"
        case "@pos": "pos"
        case let field where table.columns.contains(field): "f_" + field
        default: nil
        }
        if let column {
            let value: any DatabaseValueConvertible = column == "cl" ? Int64(change.causalLength!) : change.value.encoded()
            try db.execute(sql: "UPDATE \(table.table) SET \(column) = ?, \(column)_hlc = ?, \(column)_site = ? WHERE id = ?",
                           arguments: [value, hlc, site, change.record.data])
        } else {
            try db.execute(sql: "INSERT INTO field (record, name, value, hlc, site) VALUES (?, ?, ?, ?, ?)",
                           arguments: [change.record.data, change.field, change.value.encoded(), hlc, site])
        }
    }

    @Test func keepsEveryRecordStampAndValue() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        try Self.legacyReplica(path)
        let migrated = try Store.open(path: path, configuration: configuration(site: 7))
        let reference = try Store.inMemory(configuration: configuration(site: 7))
        try reference.apply(Self.changes)
        let expected = try reference.changes(since: 0).changes
        #expect(Set(try migrated.changes(since: 0).changes) == Set(expected))
        #expect(expected.count == Self.changes.count)
        #expect(try migrated.exportAll() == reference.exportAll())
    }

    @Test func keepsIndexesAndTriggersAndValueColumns() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        try Self.legacyReplica(path)
        _ = try Store.open(path: path, configuration: configuration(site: 7))
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.read { db in
            let names = try Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name LIKE 'application%' AND name NOT LIKE 'sqlite_%'"))
            #expect(names == ["application", "application_registers", "application_parent", "application_company"])
            #expect(try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = 'application'") == "view")
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'").isEmpty)
            // The value columns read as before: JSON text, 'null', NULL when never written.
            let row = try Row.fetchOne(db, sql: "SELECT f_company, f_role, f_date, pos FROM application")!
            #expect(row["f_company"] as String? == "\"Acme\"")
            #expect(row["f_role"] as String? == "null")
            #expect(row["f_date"] as String? == nil)
            #expect(row["pos"] as String? == nil)
            #expect(try String.fetchOne(db, sql: "SELECT f_type FROM event WHERE cl = 2") == "\"reminder\"")
            // The index on the value column serves queries on the view's column.
            let query = "SELECT count(*) FROM application WHERE f_company = '\"Acme\"'"
            #expect(try Int.fetchOne(db, sql: query) == 1)
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query).map { $0["detail"] as String }
            #expect(plan.contains { $0.contains("USING COVERING INDEX application_company") || $0.contains("USING INDEX application_company") })
        }
    }

    @Test func mergesByTheRuleAfterwards() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        try Self.legacyReplica(path)
        let store = try Store.open(path: path, configuration: configuration(site: 7))
        func company() throws -> JSONValue? {
            try store.changes(since: 0).changes.first { $0.record == Self.app && $0.field == "company" }?.value
        }
        func write(_ value: JSONValue, _ stamp: FieldStamp) throws {
            try store.apply([Change(record: Self.app, kind: .application, parent: nil, field: "company", value: value, stamp: stamp)])
        }
        try write("Older", Self.stamp(99, Self.siteB))
        #expect(try company() == "Acme")
        try write("Lower site", Self.stamp(100, SiteID(rawValue: 1)))
        #expect(try company() == "Acme")
        try write(.null, Self.stamp(100, Self.siteA))
        #expect(try company() == "Acme")
        try write("Acmf", Self.stamp(100, Self.siteA))
        #expect(try company() == "Acmf")
        try write("Higher site", Self.stamp(100, Self.siteB))
        #expect(try company() == "Higher site")
        // The parent rule survived with the table's trigger.
        #expect(throws: StoreError.self) {
            try store.apply([Change(record: Self.event, kind: .event, parent: Self.resume, field: "note", value: "x", stamp: Self.stamp(200, Self.siteA))])
        }
    }
}
