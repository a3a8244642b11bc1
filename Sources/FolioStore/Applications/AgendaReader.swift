import FolioCore
import FolioCRDT
import GRDB

/// Reads what `Agenda` needs as of a day, and nothing more, in one statement: the open
/// reminders of every application, and the stage moves (every event that is not a
/// reminder) of the applications with one on or after `since` (the others are ghosted or
/// closed and get no suggestion). Done reminders are left out: the agenda ignores them.
/// Only applications with such events are built, with their company, role, status and
/// date; interview details are looked up for the interviews still to come.
///
/// `AgendaTests.scopedRead` checks that this gives the agenda a full read gives.
enum AgendaReader {
    /// The applications the agenda of `today` needs, each with those of its events, in list
    /// order. The applications come in no particular order: the agenda's does not depend on
    /// it (items of different applications never compare equal), and leaving out the SQL
    /// sort saves a quarter of the statement's time.
    static func applications(_ db: Database, today: CalendarDay, since: CalendarDay) throws -> [TrackedApplication] {
        var applications: [TrackedApplication] = []
        var events: [[(event: TrackedEvent, position: String)]] = []
        var index: [RecordID: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: sql, arguments: [JSONValue.string(since.description).encoded()])
        while let row = try rows.next() {
            guard let parent = try row.withUnsafeData(atIndex: 0, { RecordID(data: $0) }), var event = event(row) else { continue }
            if event.type == "interview", event.date >= today, let id = try row.withUnsafeData(atIndex: 6, { RecordID(data: $0) }) {
                TrackerReader.details(try TrackerReader.detailFields(of: id, db), into: &event)
            }
            let position = TrackerReader.text(row, 11) ?? ""
            if let at = index[parent] {
                events[at].append((event, position))
            } else {
                index[parent] = applications.count
                applications.append(application(row))
                events.append([(event, position)])
            }
        }
        for at in applications.indices { applications[at].events = TrackerReader.listOrder(events[at]) }
        return applications
    }

    /// The application of a row (columns 0-5), without events.
    private static func application(_ row: Row) -> TrackedApplication {
        let date = TrackerReader.stored(row, 5).flatMap { CalendarDay($0) } ?? CalendarDay(ordinal: 0)
        return TrackedApplication(id: row[1], company: TrackerReader.stored(row, 2) ?? "", role: TrackerReader.stored(row, 3) ?? "",
                                  status: TrackerReader.stored(row, 4) ?? "", date: date)
    }

    /// The event of a row (columns 6-10); nil when its date is not a day.
    private static func event(_ row: Row) -> TrackedEvent? {
        guard let date = TrackerReader.stored(row, 9).flatMap({ CalendarDay($0) }) else { return nil }
        return TrackedEvent(id: row[7], type: TrackerReader.stored(row, 8) ?? "", date: date, note: TrackerReader.stored(row, 10))
    }

    /// Applications with a stage move since `?` (found by the `event_date` index; `+parent`
    /// keeps SQLite from walking the parent index instead), their moves, and every open
    /// reminder, each with its visible application. A reminder is done when its `done` field
    /// is true, as `TrackerReader.details` reads it.
    static let sql = """
        WITH moved(application) AS (
          SELECT DISTINCT parent FROM event
          WHERE f_date >= ? AND f_type <> '"reminder"' AND cl % 2 = 1 AND +parent IS NOT NULL),
        needed(parent, id, type, date, note, pos) AS (
          SELECT e.parent, e.id, e.f_type, e.f_date, e.f_note, e.pos FROM moved JOIN event e ON e.parent = moved.application
          WHERE e.cl % 2 = 1 AND e.f_type IS NOT '"reminder"'
          UNION ALL
          SELECT r.parent, r.id, r.f_type, r.f_date, r.f_note, r.pos FROM event r
          WHERE r.f_type = '"reminder"' AND r.cl % 2 = 1 AND r.parent IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM field d WHERE d.record = r.id AND d.name = 'done'
            AND CASE d.value WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE json_extract(d.value, '$') = 1 END))
        SELECT n.parent, lower(hex(n.parent)), a.f_company, a.f_role, a.f_status, a.f_date,
               n.id, lower(hex(n.id)), n.type, n.date, n.note, n.pos
        FROM needed n JOIN application a ON a.id = n.parent
        WHERE a.cl % 2 = 1
        """
}
