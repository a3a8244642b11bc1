import FolioCore
import FolioCRDT
@testable import FolioServer
import Foundation
import GRDB
import Testing

/// Migrations of the server's database over data an older server wrote.
@Suite struct ServerMigrationTests {
    /// Fields stored before "server v3 change json" (which keeps each change's JSON text)
    /// are pulled exactly as they were pushed: the backfill writes the same text a push does.
    @Test func fieldsStoredBeforeChangeJSONArePulledAsPushed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-server-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("server.sqlite").path
        let application = RecordID(high: 0x0190_0000_0000_7000, low: 1)
        let event = RecordID(high: 0x0190_0000_0000_7000, low: 2)
        func stamp(_ hlc: UInt64) -> FieldStamp {
            FieldStamp(hlc: HybridTimestamp(rawValue: 0x0190_0000_0000_0000 + hlc), site: SiteID(rawValue: 0xF000_0000_0000_0001))
        }
        let changes = [
            Change(record: application, kind: .application, parent: nil, field: "company", value: "Acme \"Q\" \\ \u{2028} é", stamp: stamp(1)),
            Change(record: application, kind: .application, parent: nil, field: "size", value: ["min": 50, "max": 200], stamp: stamp(2)),
            Change(record: event, kind: .event, parent: application, field: "type", value: .null, stamp: stamp(3)),
            Change(record: event, kind: .event, parent: application, field: "@cl", value: 2, stamp: stamp(4)),
        ]
        let queue = try DatabaseQueue(path: path)
        try SQLiteSyncStorage.migrator.migrate(queue, upTo: "server v2 generations")
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO spaces (id, counter, created) VALUES ('s1', ?, 0)", arguments: [changes.count])
            for (index, change) in changes.enumerated() {
                try db.execute(sql: """
                    INSERT INTO fields (space_id, record, kind, parent, field, value, hlc, site, seq) VALUES ('s1', ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [change.record.description, change.kind.rawValue, change.parent?.description, change.field,
                                     change.value.encoded(), Int64(bitPattern: change.stamp.hlc.rawValue), change.stamp.site.description, index + 1])
            }
        }
        try queue.close()
        let storage = try SQLiteSyncStorage(path: path)
        let page = try await storage.pull(space: "s1", after: .start, limit: 100)
        #expect(page.fields.map(\.sequence) == [1, 2, 3, 4])
        // Compared as stable encodings: `JSONObject ==` minds key order.
        #expect(try page.fields.map { try $0.change.json.encoded() } == changes.map { $0.json.encoded() })
        // The same text a push of these changes stores today.
        #expect(page.fields.map(\.json) == changes.enumerated().map { index, change in
            StoredField(record: change.record, kind: change.kind, parent: change.parent, field: change.field, value: change.value.encoded(),
                        stamp: change.stamp, sequence: UInt64(index + 1)).changeJSON
        })
    }
}
