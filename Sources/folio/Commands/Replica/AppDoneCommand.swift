import ArgumentParser
import FolioStore

/// `folio app done ID`: the application's reminders are dealt with.
struct AppDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark an application's open reminders done.")

    @Argument(help: "The application's id or a unique prefix of it.") var id: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let count = try Replica.run { try store.completeReminders(id) }
        print(count == 0 ? "No open reminders on \(id)." : "Marked \(count) reminder\(count == 1 ? "" : "s") done on \(id).")
    }
}
