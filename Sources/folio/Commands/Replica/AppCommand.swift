import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

/// `folio app ...`: job applications kept in the local replica.
struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Track job applications: add, list, show, move through stages, note, remind, board, import, export.",
        discussion: "IDs may be abbreviated to any unique prefix, as `folio app list` shows them. See also `folio agenda` and `folio report`.",
        subcommands: [AppAddCommand.self, AppListCommand.self, AppShowCommand.self, AppMoveCommand.self,
                      AppNoteCommand.self, AppRemindCommand.self, AppDoneCommand.self, AppContactCommand.self,
                      AppBoardCommand.self, AppExportCommand.self, AppImportCommand.self, AppRemoveCommand.self]
    )
}

struct AppAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record an application; with --resume, a snapshot of what was sent is kept with it."
    )

    @Option(help: "The company.") var company: String
    @Option(help: "The role applied for.") var role: String
    @Option(help: "The posting's URL.") var url: String?
    @Option(help: "A file with the job description, kept as a posting.", completion: .file()) var posting: String?
    @Option(help: "The resume that was sent (a snapshot of it is taken and linked).") var resume: String?
    @Option(help: "The stage: \(ApplicationStatus.known.joined(separator: ", ")) (default: applied).") var status = "applied"
    @Option(help: "When, as YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Where the opening was found: referral, job board, company site, ...") var source: String?
    @Option(help: "Where the job is.") var location: String?
    @Option(help: "The company's size, e.g. 51-200 or startup (for `folio report`).") var companySize: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        try Replica.validateDay(date, option: "date")
        if company.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--company must not be empty") }
        if role.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--role must not be empty") }
    }

    func run() throws {
        var draft = ApplicationDraft(company: company, role: role)
        draft.url = url
        draft.status = status
        draft.date = date
        draft.resume = resume
        draft.source = source
        draft.location = location
        draft.companySize = companySize
        if let posting {
            guard let text = try? String(contentsOfFile: posting, encoding: .utf8) else {
                Terminal.printError("error: cannot read the posting file \(posting)")
                throw ExitCode.failure
            }
            draft.postingText = text
        }
        let store = try storeOptions.open()
        let added = try Replica.run { try store.addApplication(draft) }
        print("Added application \(added.id.hex.prefix(12)): \(added.company), \(added.role) (\(added.status) \(added.date)).")
    }
}

struct AppListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List applications, newest first.")

    @Option(help: "Only applications at this stage.") var status: String?
    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let applications = try Replica.run { try store.applications(status: status) }
        if json { Replica.printJSON(.array(applications.map(\.json))); return }
        guard !applications.isEmpty else {
            print(status == nil ? "No applications yet. Add one with: folio app add --company C --role R" : "No applications at stage \(status!).")
            return
        }
        let ids = Table.shortIDs(applications.map(\.id.hex))
        print(Table.render(header: ["ID", "DATE", "STATUS", "COMPANY", "ROLE"], rows: zip(ids, applications).map {
            [$0, $1.date, $1.status, $1.company, $1.role]
        }), terminator: "")
    }
}

struct AppShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an application with its events and notes.")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let detail = try Replica.run { try store.application(id) }
        if json { Replica.printJSON(detail.json); return }
        let summary = detail.summary
        print("\(summary.company): \(summary.role)")
        print("  id      \(summary.id)")
        print("  status  \(summary.status) (since \(detail.events.last { $0.type != "reminder" }?.date ?? summary.date))")
        if let url = summary.url { print("  url     \(url)") }
        if let snapshot = detail.snapshot {
            print("  sent    resume \(snapshot.name), snapshot \(snapshot.id) of \(snapshot.taken)")
        }
        if let posting = detail.posting, let text = posting["text"]?.stringValue {
            print("  posting \(text.split(separator: "\n").first.map(String.init) ?? "")")
        }
        for (key, value) in detail.fields where !["company", "role", "status", "date", "url", "snapshot", "posting"].contains(key) {
            print("  \(key)  \(value.stringValue ?? value.encoded())")
        }
        print("Events:")
        for event in detail.events { print("  " + Self.line(event)) }
        if !detail.contacts.isEmpty {
            print("Contacts:")
            for contact in detail.contacts {
                print("  \(contact.name)" + [contact.role, contact.email, contact.phone].compactMap { $0 }.map { ", \($0)" }.joined())
            }
        }
        if !detail.notes.isEmpty {
            print("Notes:")
            for note in detail.notes { print("  - \(note)") }
        }
    }
}

extension AppShowCommand {
    /// `2024-05-10  interview 14:00 Europe/Berlin  at Zoom  with Ada  Panel`.
    static func line(_ event: ApplicationDetail.Event) -> String {
        let details = event.details
        var text = "\(event.date)  \(event.type)"
        if let time = details.time { text += " \(time)" + (details.timeZone.map { " \($0)" } ?? "") }
        if let place = details.place { text += "  at \(place)" }
        if !details.people.isEmpty { text += "  with \(details.people.joined(separator: ", "))" }
        if let note = event.note { text += "  \(note)" }
        if event.done { text += "  (done)" }
        return text
    }
}

struct AppMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an application to another stage, as a dated event.")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @Argument(help: "The new stage: \(ApplicationStatus.known.joined(separator: ", ")).") var status: String
    @Option(help: "When, as YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "A note on the event.") var note: String?
    @Option(help: "For interviews: the time, HH:MM (24-hour).") var time: String?
    @Option(help: "For interviews: the time zone of --time, e.g. Europe/Berlin (default: UTC).") var tz: String?
    @Option(help: "For interviews: the address or meeting link.") var place: String?
    @Option(name: .customLong("with"), help: "For interviews: who you meet (repeatable).") var people: [String] = []
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        try Replica.validateDay(date, option: "date")
        if let time {
            let parts = time.split(separator: ":")
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0..<24).contains(hour), (0..<60).contains(minute) else {
                throw ValidationError("--time must be HH:MM (24-hour), not \"\(time)\"")
            }
        }
        if let tz, TimeZone(identifier: tz) == nil { throw ValidationError("--tz must be a time zone like Europe/Berlin, not \"\(tz)\"") }
        if tz != nil && time == nil { throw ValidationError("--tz needs --time") }
    }

    func run() throws {
        var details = EventDetails()
        details.time = time
        details.timeZone = tz
        details.place = place
        details.people = people
        let store = try storeOptions.open()
        try Replica.run { try store.moveApplication(id, to: status, date: date, note: note, details: details) }
        print("Moved \(id) to \(status).")
    }
}

struct AppNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an application.")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @Argument(help: "The note.") var text: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        try Replica.run { try store.addNote(id, text: text) }
        print("Noted on \(id).")
    }
}

struct AppRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an application (with its events and notes).")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let removed = try Replica.run { try store.removeApplication(id) }
        print("Deleted application \(removed).")
    }
}
