import FolioCore
import FolioCRDT
import GRDB

extension Store {
    /// Every visible application with its events, oldest first, as plain values for the
    /// agenda, the board, exports and `FolioInsights`. Without `profile`, the fields only
    /// the report and exports use (variant, company size) are not read; without
    /// `eventDetails`, events come without time, zone, place, people and done. Both are faster.
    public func trackedApplications(profile: Bool = true, eventDetails: Bool = true) throws -> [TrackedApplication] {
        try read { db in try TrackerReader.applications(db, profile: profile, eventDetails: eventDetails) }
    }

    /// What is due as of `today`, `days` ahead (see `Agenda`). Reads only what the agenda
    /// needs (see `AgendaReader`): open reminders and the applications that are not ghosted.
    public func agenda(today: CalendarDay, days: Int, ghostAfter: Int = PipelineStatus.defaultGhostAfterDays) throws -> Agenda {
        let since = today.adding(1 - ghostAfter)
        let applications = try read { db in try AgendaReader.applications(db, today: today, since: since) }
        return Agenda(applications, today: today, days: days, ghostAfter: ghostAfter)
    }

    /// Sets a reminder on an application: an event of type "reminder" due on `day`.
    @discardableResult
    public func addReminder(_ prefix: String, on day: String, note: String?) throws -> RecordID {
        try write { transaction in
            let id = try Applications.resolve(prefix, transaction.db)
            return try Applications.addEvent(to: id, type: PipelineStatus.reminder, date: day, note: note, transaction: &transaction)
        }
    }

    /// Marks an application's open reminders done; returns how many there were.
    @discardableResult
    public func completeReminders(_ prefix: String) throws -> Int {
        try write { transaction in
            let id = try Applications.resolve(prefix, transaction.db)
            let open = try Records.children(of: id, kind: .event, transaction.db).filter {
                $0["type"]?.stringValue == PipelineStatus.reminder && $0["done"] != .bool(true)
            }
            try transaction.write(open.map { LocalWrite(record: $0.id, kind: .event, parent: id, field: "done", value: .bool(true)) })
            return open.count
        }
    }

    /// Links a person (recruiter, hiring manager, referrer) to an application.
    @discardableResult
    public func addContact(_ prefix: String, _ contact: ContactDraft) throws -> RecordID {
        try write { transaction in
            let id = try Applications.resolve(prefix, transaction.db)
            let last = try Records.children(of: id, kind: .contact, transaction.db).last?.position
            let contactID = transaction.newID()
            try transaction.write(RecordWrites.creation(id: contactID, kind: .contact, parent: id,
                                                        position: transaction.position(between: last, and: nil),
                                                        fields: contact.fields))
            return contactID
        }
    }
}
