import ArgumentParser
import FolioStore

/// `folio app remind ID DATE [--note TEXT]`.
struct AppRemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Set a reminder on an application; `folio agenda` lists it when due.",
        discussion: "Mark an application's reminders done with `folio app done ID`."
    )

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @Argument(help: ArgumentHelp("When it is due, as YYYY-MM-DD.", valueName: "date")) var date: String
    @Option(help: "What to do, e.g. \"Call the recruiter\".") var note: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        do { try Replica.validateDay(date, option: "date") } catch {
            throw ValidationError("the date must be a date like 2024-05-01, not \"\(date)\"")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        try Replica.run { try store.addReminder(id, on: date, note: note) }
        print("Reminder set on \(id) for \(date)\(note.map { ": \($0)" } ?? "").")
    }
}
