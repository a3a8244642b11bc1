import FolioCore
import FolioCRDT
import GRDB

/// Reads every visible application with its events in a few set-wide queries (not one per
/// record): the report, agenda, board and exports over 10,000 applications need it fast.
/// Values are unwrapped from their stored JSON by SQLite (`json_extract`), records are
/// matched by their 16-byte ids, and events are put in list order here rather than by an
/// SQL sort.
enum TrackerReader {
    /// Which events to read.
    enum Scope {
        /// All of them.
        case everything
        /// What `Agenda` needs as of a day, and nothing more: open reminders, and every event
        /// of the applications with a stage move on or after `since` (the ones that are not
        /// ghosted).
        case agenda(since: CalendarDay)

        /// The SQL condition on events `e`, with its arguments.
        var eventFilter: (sql: String, arguments: StatementArguments) {
            guard case .agenda(let since) = self else { return ("", []) }
            return ("""
                AND (e.parent IN (SELECT parent FROM event WHERE cl % 2 = 1 AND parent IS NOT NULL
                                  AND f_type <> '"reminder"' AND f_date >= ?)
                     OR (e.f_type = '"reminder"' AND NOT EXISTS (
                         SELECT 1 FROM field d WHERE d.record = e.id AND d.name = 'done' AND d.value = 'true')))
                """, [JSONValue.string(since.description).encoded()])
        }
    }

    /// Every visible application (for `.agenda`, with only the events it needs); `profile` also reads the
    /// fields only the report and the exports use (variant, company size, the sent
    /// snapshot's resume name).
    /// Without `eventDetails`, events come without time, zone, place, people and done.
    static func applications(_ db: Database, profile: Bool = true, eventDetails: Bool = true,
                             scope: Scope = .everything) throws -> [TrackedApplication] {
        let snapshots = profile ? try snapshotNames(db) : [:]
        let extras = profile ? try extraFields(db, table: "application", names: ["variant", "company_size"]) : [:]
        var byID: [RecordID: Int] = [:]
        var result: [TrackedApplication] = []
        let filter = scope.eventFilter
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, lower(hex(id)), \(unwrapped(["company", "role", "status", "date", "source", "snapshot", "location", "url"]))
            FROM application WHERE cl % 2 = 1 ORDER BY f_date, id
            """)
        while let row = try rows.next() {
            guard let id = try row.withUnsafeData(atIndex: 0, { RecordID(data: $0) }) else { continue }
            let date = text(row, 5).flatMap { CalendarDay($0) } ?? CalendarDay(ordinal: 0)
            var application = TrackedApplication(id: row[1], company: text(row, 2) ?? "", role: text(row, 3) ?? "",
                                                 status: text(row, 4) ?? "", date: date)
            application.source = text(row, 6)
            application.location = text(row, 8)
            application.url = text(row, 9)
            let fields = extras[id]
            application.variant = fields?["variant"].flatMap(String.fromDatabaseValue) ?? text(row, 7).flatMap { snapshots[$0] }
            application.companySize = fields?["company_size"].flatMap(String.fromDatabaseValue)
            byID[id] = result.count
            result.append(application)
        }
        try attachEvents(to: &result, byID: byID, details: eventDetails, filter: filter, db)
        return result
    }

    /// A column's text; nil for NULL and for anything that is not text.
    private static func text(_ row: Row, _ index: Int) -> String? {
        String.fromDatabaseValue(row[index] as DatabaseValue)
    }

    /// `json_extract(f_NAME, '$')` for each field: the stored JSON text as an SQL value.
    private static func unwrapped(_ fields: [String], table: String = "") -> String {
        fields.map { "json_extract(\(table)f_\($0), '$')" }.joined(separator: ", ")
    }

    private static func attachEvents(to applications: inout [TrackedApplication], byID: [RecordID: Int], details: Bool,
                                     filter: (sql: String, arguments: StatementArguments), _ db: Database) throws {
        // A filtered read has few events with details: looking each up costs less than
        // evaluating the filter again in a set-wide query.
        let setWide = details && filter.sql.isEmpty
        let extras = setWide ? try extraFields(db, table: "event", names: eventDetailNames) : [:]
        var positions = [[(String, String)]](repeating: [], count: applications.count)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.parent, e.id, lower(hex(e.id)), e.pos, \(unwrapped(["type", "date", "note"], table: "e."))
            FROM event e WHERE e.cl % 2 = 1 AND e.parent IS NOT NULL \(filter.sql)
            """, arguments: filter.arguments)
        while let row = try rows.next() {
            guard let parent = try row.withUnsafeData(atIndex: 0, { RecordID(data: $0) }), let index = byID[parent],
                  let date = text(row, 5).flatMap({ CalendarDay($0) }),
                  let id = try row.withUnsafeData(atIndex: 1, { RecordID(data: $0) }) else { continue }
            let hex: String = row[2]
            var event = TrackedEvent(id: hex, type: text(row, 4) ?? "", date: date, note: text(row, 6))
            if setWide, let fields = extras[id] {
                Self.details(fields, into: &event)
            } else if details, !setWide, event.type == "interview" || event.isReminder {
                Self.details(try detailFields(of: id, db), into: &event)
            }
            applications[index].events.append(event)
            positions[index].append((text(row, 3) ?? "", hex))
        }
        for index in applications.indices where positions[index].count > 1 {
            let order = positions[index].indices.sorted { positions[index][$0] < positions[index][$1] }
            applications[index].events = order.map { applications[index].events[$0] }
        }
    }

    private static let eventDetailNames = ["time", "timezone", "place", "people", "done"]

    /// One event's detail fields (for filtered reads).
    private static func detailFields(of id: RecordID, _ db: Database) throws -> [String: DatabaseValue] {
        let statement = try db.cachedStatement(sql: """
            SELECT name, json_extract(value, '$') FROM field WHERE record = ? AND name IN ('time', 'timezone', 'place', 'people', 'done')
            """)
        var result: [String: DatabaseValue] = [:]
        for row in try Row.fetchAll(statement, arguments: [id.data]) { result[row[0]] = row[1] as DatabaseValue }
        return result
    }

    private static func details(_ fields: [String: DatabaseValue], into event: inout TrackedEvent) {
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
