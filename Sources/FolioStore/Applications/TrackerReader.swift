import FolioCore
import FolioCRDT
import GRDB

/// Reads every visible application with its events in a few set-wide queries (not one per
/// record): the report, agenda, board and exports over 10,000 applications need it fast.
enum TrackerReader {
    static func applications(_ db: Database) throws -> [TrackedApplication] {
        let snapshots = try snapshotNames(db)
        let extras = try extraFields(db, kind: "application", names: ["variant", "company_size"])
        var byID: [String: Int] = [:]
        var result: [TrackedApplication] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT lower(hex(id)), f_company, f_role, f_status, f_date, f_source, f_snapshot, f_location, f_url
            FROM application WHERE cl % 2 = 1 ORDER BY f_date, id
            """)
        while let row = try rows.next() {
            let id: String = row[0]
            let date = text(row[4]).flatMap { CalendarDay($0) } ?? CalendarDay(ordinal: 0)
            var application = TrackedApplication(id: id, company: text(row[1]) ?? "", role: text(row[2]) ?? "",
                                                 status: text(row[3]) ?? "", date: date)
            application.source = text(row[5])
            application.location = text(row[7])
            application.url = text(row[8])
            application.variant = extras[id]?["variant"]?.stringValue ?? text(row[6]).flatMap { snapshots[$0] }
            application.companySize = extras[id]?["company_size"]?.stringValue
            byID[id] = result.count
            result.append(application)
        }
        try attachEvents(to: &result, byID: byID, db)
        return result
    }

    private static func attachEvents(to applications: inout [TrackedApplication], byID: [String: Int], _ db: Database) throws {
        let extras = try extraFields(db, kind: "event", names: ["time", "timezone", "place", "people", "done"])
        let rows = try Row.fetchCursor(db, sql: """
            SELECT lower(hex(e.parent)), lower(hex(e.id)), e.f_type, e.f_date, e.f_note FROM event e
            WHERE e.cl % 2 = 1 AND e.parent IS NOT NULL ORDER BY e.parent, e.pos, e.id
            """)
        while let row = try rows.next() {
            let parent: String = row[0]
            guard let index = byID[parent], let date = text(row[3]).flatMap({ CalendarDay($0) }) else { continue }
            let id: String = row[1]
            var event = TrackedEvent(id: id, type: text(row[2]) ?? "", date: date, note: text(row[4]))
            if let fields = extras[id] {
                event.time = fields["time"]?.stringValue
                event.timeZone = fields["timezone"]?.stringValue
                event.place = fields["place"]?.stringValue
                event.people = fields["people"]?.arrayValue?.compactMap(\.stringValue) ?? []
                event.done = fields["done"] == .bool(true)
            }
            applications[index].events.append(event)
        }
    }

    /// Fields without a column of the visible records of a kind, by record (hex id).
    private static func extraFields(_ db: Database, kind table: String, names: [String]) throws -> [String: [String: JSONValue]] {
        var result: [String: [String: JSONValue]] = [:]
        let placeholders = names.map { _ in "?" }.joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT lower(hex(f.record)), f.name, f.value FROM field f JOIN \(table) r ON r.id = f.record
            WHERE r.cl % 2 = 1 AND f.name IN (\(placeholders))
            """, arguments: StatementArguments(names))
        while let row = try rows.next() {
            let value = try JSONText.decode(row[2])
            result[row[0], default: [:]][row[1]] = value
        }
        return result
    }

    /// Snapshot ids (their text form, as applications point at them) to resume names.
    private static func snapshotNames(_ db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, f_name FROM snapshot") {
            guard let id = RecordID(data: row[0]), let name = text(row[1]) else { continue }
            result[id.description] = name
        }
        return result
    }

    /// A text column's value (stored as JSON text), or nil.
    static func text(_ stored: String?) -> String? {
        guard let stored else { return nil }
        return (try? JSONText.decode(stored))?.stringValue
    }
}
