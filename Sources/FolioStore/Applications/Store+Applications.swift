import FolioCore
import FolioCRDT
import Foundation
import GRDB

extension Store {
    /// Records an application with its first event; with `resume`, a snapshot of that
    /// resume is taken and linked (what was sent); with `postingText`, a posting record.
    @discardableResult
    public func addApplication(_ draft: ApplicationDraft) throws -> ApplicationSummary {
        try write { transaction in
            let date = draft.date ?? Dates.day(milliseconds: transaction.clock.now())
            let id = transaction.newID()
            var fields: [String: JSONValue] = ["company": .string(draft.company), "role": .string(draft.role),
                                               "status": .string(draft.status), "date": .string(date)]
            if let url = draft.url { fields["url"] = .string(url) }
            for (name, value) in [("source", draft.source), ("location", draft.location), ("company_size", draft.companySize),
                                  ("variant", draft.variant)] {
                if let value { fields[name] = .string(value) }
            }
            if let resume = draft.resume {
                let snapshot = try Snapshots.take(resume, tag: "\(draft.company) \(draft.role)", transaction: &transaction)
                fields["snapshot"] = .string(snapshot.id.description)
            }
            if let text = draft.postingText {
                let posting = transaction.newID()
                try transaction.write(RecordWrites.creation(id: posting, kind: .posting, parent: nil, position: nil, fields: [
                    "title": .string(draft.role), "company": .string(draft.company), "text": .string(text),
                ].merging(draft.url.map { ["url": JSONValue.string($0)] } ?? [:]) { $1 }))
                fields["posting"] = .string(posting.description)
            }
            try transaction.write(RecordWrites.creation(id: id, kind: .application, parent: nil, position: nil, fields: fields))
            try Applications.addEvent(to: id, type: draft.status, date: date, note: nil, transaction: &transaction)
            return ApplicationSummary(id: id, company: draft.company, role: draft.role, status: draft.status, date: date, url: draft.url)
        }
    }

    /// Visible applications, newest first; optionally only those with `status`.
    public func applications(status: String? = nil) throws -> [ApplicationSummary] {
        try read { db in
            var sql = "SELECT id, f_company, f_role, f_status, f_date, f_url FROM application WHERE cl % 2 = 1"
            var arguments: StatementArguments = []
            if let status {
                sql += " AND f_status = ?"
                arguments = [JSONValue.string(status).encoded()]
            }
            // Stepped through SQLite's C API: GRDB's row values cost more than the query here.
            let statement = RawStatement(try db.makeStatement(sql: sql + " ORDER BY f_date DESC, id DESC"))
            try statement.statement.setArguments(arguments)
            var result: [ApplicationSummary] = []
            try statement.forEachRow(db) { row in
                guard let id = row.id(0) else { return }
                result.append(ApplicationSummary(id: id, company: row.jsonString(1) ?? "", role: row.jsonString(2) ?? "",
                                                 status: row.jsonString(3) ?? "", date: row.jsonString(4) ?? "", url: row.jsonString(5)))
            }
            return result
        }
    }

    /// The application whose id starts with `prefix` (hex digits, dashes optional).
    public func application(_ prefix: String) throws -> ApplicationDetail {
        try read { db in
            let id = try Applications.resolve(prefix, db)
            return try Applications.detail(id, db)
        }
    }

    /// Moves an application to `status`, recording a dated event (with an optional note).
    /// Interview details (time, zone, place, people) are kept on the event.
    public func moveApplication(_ prefix: String, to status: String, date: String? = nil, note: String? = nil,
                                details: EventDetails = EventDetails()) throws {
        try write { transaction in
            let id = try Applications.resolve(prefix, transaction.db)
            let day = date ?? Dates.day(milliseconds: transaction.clock.now())
            try transaction.write([LocalWrite(record: id, kind: .application, parent: nil, field: "status", value: .string(status))])
            try Applications.addEvent(to: id, type: status, date: day, note: note, extra: details.fields, transaction: &transaction)
        }
    }

    /// Adds a note to an application.
    public func addNote(_ prefix: String, text: String) throws {
        try write { transaction in
            let id = try Applications.resolve(prefix, transaction.db)
            let note = transaction.newID()
            let last = try Records.children(of: id, kind: .note, transaction.db).last?.position
            try transaction.write(RecordWrites.creation(id: note, kind: .note, parent: id,
                                                        position: transaction.position(between: last, and: nil),
                                                        fields: ["text": .string(text)]))
        }
    }

    /// Deletes an application (a tombstone; its events and notes are hidden with it).
    public func removeApplication(_ prefix: String) throws -> RecordID {
        try write { transaction in
            let id = try Applications.resolve(prefix, transaction.db)
            let state = try Records.require(id, transaction.db)
            if let write = RecordWrites.alive(state, false) { try transaction.write([write]) }
            return id
        }
    }
}

/// Application reads and writes inside a transaction.
enum Applications {
    /// The one visible application whose id starts with `prefix`.
    static func resolve(_ prefix: String, _ db: Database) throws -> RecordID {
        try Records.resolve(prefix, in: KindTable.byKind[.application]!, what: "application", listing: "folio app list", db) { row in
            "\(Records.text(row, "f_company") ?? ""): \(Records.text(row, "f_role") ?? "")"
        }
    }

    @discardableResult
    static func addEvent(to id: RecordID, type: String, date: String, note: String?, extra: [String: JSONValue] = [:],
                         transaction: inout Transaction) throws -> RecordID {
        let last = try Records.children(of: id, kind: .event, transaction.db).last?.position
        var fields: [String: JSONValue] = extra.merging(["type": .string(type), "date": .string(date)]) { $1 }
        if let note { fields["note"] = .string(note) }
        let event = transaction.newID()
        try transaction.write(RecordWrites.creation(id: event, kind: .event, parent: id,
                                                    position: transaction.position(between: last, and: nil), fields: fields))
        return event
    }

    static func detail(_ id: RecordID, _ db: Database) throws -> ApplicationDetail {
        let state = try Records.require(id, db)
        var fields = JSONObject()
        for name in state.fields.keys.sorted() where !name.hasPrefix("@") { fields[name] = state[name] }
        func text(_ name: String) -> String? { state[name]?.stringValue }
        let summary = ApplicationSummary(id: id, company: text("company") ?? "", role: text("role") ?? "",
                                         status: text("status") ?? "", date: text("date") ?? "", url: text("url"))
        let events = try Records.children(of: id, kind: .event, db).map(event)
        let contacts = try Records.children(of: id, kind: .contact, db).map { contact in
            ContactDraft(name: contact["name"]?.stringValue ?? "", role: contact["role"]?.stringValue,
                         email: contact["email"]?.stringValue, phone: contact["phone"]?.stringValue)
        }
        let notes = try Records.children(of: id, kind: .note, db).compactMap { $0["text"]?.stringValue }
        var posting: JSONObject?
        if let postingID = text("posting").flatMap(RecordID.init(parsing:)), let record = try Records.state(postingID, db) {
            posting = JSONObject(record.fields.keys.sorted().filter { !$0.hasPrefix("@") }.map { ($0, record[$0]!) })
        }
        let snapshot = try text("snapshot").flatMap(RecordID.init(parsing:)).flatMap { try Snapshots.summary($0, db) }
        return ApplicationDetail(summary: summary, fields: fields, events: events, notes: notes, posting: posting,
                                 snapshot: snapshot, contacts: contacts)
    }

    private static func event(_ state: RecordState) -> ApplicationDetail.Event {
        var event = ApplicationDetail.Event(type: state["type"]?.stringValue ?? "", date: state["date"]?.stringValue ?? "",
                                            note: state["note"]?.stringValue)
        event.details.time = state["time"]?.stringValue
        event.details.timeZone = state["timezone"]?.stringValue
        event.details.place = state["place"]?.stringValue
        event.details.people = state["people"]?.arrayValue?.compactMap(\.stringValue) ?? []
        event.done = state["done"] == .bool(true)
        return event
    }
}

/// Calendar days from Unix milliseconds, in UTC.
enum Dates {
    static func day(milliseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    static func timestamp(milliseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
