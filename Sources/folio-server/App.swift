import ArgumentParser
import Dispatch
import FolioServer

/// Starts the command with Swift concurrency's tasks on the event loop threads
/// (`runTasksOnEventLoops`), which has to happen before any task exists.
@main
enum Main {
    static func main() {
        runTasksOnEventLoops()
        let done = DispatchSemaphore(value: 0)
        Task.detached {  // not on the main actor: the main thread waits below
            await App.main()
            done.signal()
        }
        done.wait()
    }
}

/// `folio-server`: the Folio sync server and its admin commands.
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio-server",
        abstract: "The Folio sync server: relays and merges changes between a user's devices.",
        subcommands: [ServeCommand.self, UserCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}

/// `--db PATH`, shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite database file (created if missing).")
    var db: String = "folio-server.sqlite"
}
