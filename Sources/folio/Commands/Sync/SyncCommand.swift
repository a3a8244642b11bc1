import ArgumentParser
import FolioStore
import FolioSync

/// `folio sync`: push local changes, pull everyone else's; with --watch, keep doing so.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push this replica's changes to the sync server, then pull until caught up.",
        discussion: """
        With --watch, stays connected: syncs when the replica changes (checked every second) and when the server \
        says another device pushed. Ctrl-C stops it cleanly.
        """
    )

    @Flag(help: "Stay connected and sync on every local or remote change until Ctrl-C.") var watch = false
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let context = SyncContext(storeOptions: storeOptions)
        let credentials = try context.requireCredentials()
        let store = try context.openStore()
        _ = try Replica.run { try store.bindSync(server: credentials.server, space: credentials.space) }
        let sync = SyncOnce(store: store, client: try context.client(credentials))
        if watch {
            try await SyncWatcher(sync: sync, store: store).run()
        } else {
            print(try await sync.run(retryForever: false).description.capitalizedFirst + ".")
        }
    }
}

extension String {
    /// The text with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
