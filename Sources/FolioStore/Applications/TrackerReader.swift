import FolioCore
import FolioCRDT
import GRDB

/// Reads every visible application with its events in a few set-wide queries (not one per
/// record): the report, agenda, board and exports over 10,000 applications need it fast.
/// Values are unwrapped from their stored JSON by SQLite (`json_extract`), records are
/// matched by their 16-byte ids, and events are put in list order here rather than by an
/// SQL sort.
enum TrackerReader {
    /// Every visible application; `profile` also reads the fields only the report and the
    /// exports use (variant, company size, the sent snapshot's resume name).
    /// Without `eventDetails`, events come without time, zone, place, people and done.
    /// (The agenda reads less: see `AgendaReader`.)
    static func applications(_ db: Database, profile: Bool = true, eventDetails: Bool = true) throws -> [TrackedApplication] {
        var eventsByParent = try Self.events(db, details: eventDetails)
        let snapshots = profile ? try snapshotNames(db) : [:]
        let extras = profile ? try extraFields(db, table: "application", names: ["variant", "company_size"]) : [:]
        var result: [TrackedApplication] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, lower(hex(id)), f_company, f_role, f_status, f_date, f_source, f_snapshot, f_location, f_url
            FROM application WHERE cl % 2 = 1 ORDER BY f_date, id
            """)
        while let row = try rows.next() {
            guard let id = try row.withUnsafeData(atIndex: 0, { RecordID(data: $0) }) else { continue }
            let own = eventsByParent.removeValue(forKey: id)
            let date = stored(row, 5).flatMap { CalendarDay($0) } ?? CalendarDay(ordinal: 0)
            var application = TrackedApplication(id: row[1], company: stored(row, 2) ?? "", role: stored(row, 3) ?? "",
                                                 status: stored(row, 4) ?? "", date: date, events: own ?? [])
            application.source = stored(row, 6)
            application.location = stored(row, 8)
            application.url = stored(row, 9)
            let fields = extras[id]
            application.variant = fields?["variant"].flatMap(String.fromDatabaseValue) ?? stored(row, 7).flatMap { snapshots[$0] }
            application.companySize = fields?["company_size"].flatMap(String.fromDatabaseValue)
            result.append(application)
        }
        return result
    }

    /// The text a column holds as stored JSON, nil for NULL and non-text. Unwrapped here
    /// (`JSONText`), which costs less than SQLite's `json_extract`.
    static func stored(_ row: Row, _ index: Int) -> String? {
        guard let json = String.fromDatabaseValue(row[index] as DatabaseValue) else { return nil }
        return (try? JSONText.decode(json))?.stringValue
    }

    /// A column's text; nil for NULL and for anything that is not text.
    static func text(_ row: Row, _ index: Int) -> String? {
        String.fromDatabaseValue(row[index] as DatabaseValue)
    }

    /// `json_extract(f_NAME, '$')` for each field: the stored JSON text as an SQL value.
    private static func unwrapped(_ fields: [String], table: String = "") -> String {
        fields.map { "json_extract(\(table)f_\($0), '$')" }.joined(separator: ", ")
    }

    /// The visible events by parent, each parent's in list order.
    private static func events(_ db: Database, details: Bool) throws -> [RecordID: [TrackedEvent]] {
        let extras = details ? try extraFields(db, table: "event", names: eventDetailNames) : [:]
        var byParent: [RecordID: [(event: TrackedEvent, position: String)]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.parent, e.id, lower(hex(e.id)), e.pos, \(unwrapped(["type", "date", "note"], table: "e."))
            FROM event e WHERE e.cl % 2 = 1 AND e.parent IS NOT NULL
            """)
        while let row = try rows.next() {
            guard let parent = try row.withUnsafeData(atIndex: 0, { RecordID(data: $0) }),
                  let date = text(row, 5).flatMap({ CalendarDay($0) }),
                  let id = try row.withUnsafeData(atIndex: 1, { RecordID(data: $0) }) else { continue }
            var event = TrackedEvent(id: row[2], type: text(row, 4) ?? "", date: date, note: text(row, 6))
            if let fields = extras[id] { Self.details(fields, into: &event) }
            byParent[parent, default: []].append((event, text(row, 3) ?? ""))
        }
        return byParent.mapValues(listOrder)
    }

    /// Events in list order: position, then id (the hex id sorts as the id does).
    static func listOrder(_ events: [(event: TrackedEvent, position: String)]) -> [TrackedEvent] {
        events.count < 2 ? events.map(\.event)
            : events.sorted { ($0.position, $0.event.id) < ($1.position, $1.event.id) }.map(\.event)
    }

    private static let eventDetailNames = ["time", "timezone", "place", "people", "done"]

    /// One event's detail fields (for reads of a few events).
    static func detailFields(of id: RecordID, _ db: Database) throws -> [String: DatabaseValue] {
        let statement = try db.cachedStatement(sql: """
            SELECT name, json_extract(value, '$') FROM field WHERE record = ? AND name IN ('time', 'timezone', 'place', 'people', 'done')
            """)
        var result: [String: DatabaseValue] = [:]
        for row in try Row.fetchAll(statement, arguments: [id.data]) { result[row[0]] = row[1] as DatabaseValue }
        return result
    }

    static func details(_ fields: [String: DatabaseValue], into event: inout TrackedEvent) {
        event.time = fields["time"].flatMap(String.fromDatabaseValue)
        event.timeZone = fields["timezone"].flatMap(String.fromDatabaseValue)
        event.place = fields["place"].flatMap(String.fromDatabaseValue)
        if let people = fields["people"].flatMap(String.fromDatabaseValue), let array = try? JSONText.decode(people).arrayValue {
            event.people = array.compactMap(\.stringValue)
        }
        event.done = fields["done"].flatMap(Int64.fromDatabaseValue) == 1
    }

    /// Fields without a column of the visible records of a table, unwrapped, by record.
    private static func extraFields(_ db: Database, table: String, names: [String]) throws -> [RecordID: [String: DatabaseValue]] {
        var result: [RecordID: [String: DatabaseValue]] = [:]
        let placeholders = names.map { _ in "?" }.joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.record, f.name, json_extract(f.value, '$') FROM field f JOIN \(table) e ON e.id = f.record
            WHERE e.cl % 2 = 1 AND f.name IN (\(placeholders))
            """, arguments: StatementArguments(names))
        while let row = try rows.next() {
            guard let id = try row.withUnsafeData(atIndex: 0, { RecordID(data: $0) }) else { continue }
            result[id, default: [:]][row[1]] = row[2] as DatabaseValue
        }
        return result
    }

    /// Snapshot ids (their text form, as applications point at them) to resume names.
    private static func snapshotNames(_ db: Database) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, json_extract(f_name, '$') FROM snapshot") {
            guard let id = RecordID(data: row[0]), let name = text(row, 1) else { continue }
            result[id.description] = name
        }
        return result
    }
}
