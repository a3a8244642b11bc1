import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

/// `folio app ...`: job applications kept in the local replica.
struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Track job applications: add, list, show, move through stages, note, remove.",
        discussion: "IDs may be abbreviated to any unique prefix, as `folio app list` shows them.",
        subcommands: [AppAddCommand.self, AppListCommand.self, AppShowCommand.self, AppMoveCommand.self,
                      AppNoteCommand.self, AppRemoveCommand.self]
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
        let store = try storeOptions.open()
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
        let store = try storeOptions.open()
        let detail = try Replica.run { try store.application(id) }
        if json { Replica.printJSON(detail.json); return }
        let summary = detail.summary
        print("\(summary.company): \(summary.role)")
        print("  id      \(summary.id)")
        print("  status  \(summary.status) (since \(detail.events.last?.date ?? summary.date))")
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
        for event in detail.events { print("  \(event.date)  \(event.type)\(event.note.map { "  \($0)" } ?? "")") }
        if !detail.notes.isEmpty {
            print("Notes:")
            for note in detail.notes { print("  - \(note)") }
        }
    }
}

struct AppMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an application to another stage, as a dated event.")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @Argument(help: "The new stage: \(ApplicationStatus.known.joined(separator: ", ")).") var status: String
    @Option(help: "When, as YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "A note on the event.") var note: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws { try Replica.validateDay(date, option: "date") }

    func run() throws {
        let store = try storeOptions.open()
        try Replica.run { try store.moveApplication(id, to: status, date: date, note: note) }
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
