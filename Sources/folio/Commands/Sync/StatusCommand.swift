import ArgumentParser
import FolioCore
import FolioStore
import FolioSync
import Foundation

/// `folio status`: where this replica syncs to and what waits to go.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the sync server, account, space, last sync and the changes waiting to be pushed."
    )

    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let context = SyncContext(storeOptions: storeOptions)
        let credentials = try context.credentials()
        let store = try context.openStore()
        let (state, waiting) = try Replica.run { (try store.syncState(), try store.pendingChangeCount()) }
        let lastSync = state.lastSync.map { Self.format(milliseconds: $0) }
        if json {
            Replica.printJSON([
                "store": .string(context.storePath), "logged_in": .bool(credentials != nil),
                "server": credentials.map { .string($0.server) } ?? .null, "email": credentials.map { .string($0.email) } ?? .null,
                "user": credentials.map { .string($0.user) } ?? .null, "space": credentials.map { .string($0.space) } ?? .null,
                "device": credentials.map { .string($0.device) } ?? .null, "last_sync": lastSync.map { .string($0) } ?? .null,
                "changes_to_push": .number(Double(waiting)), "cursor": .string(state.cursor),
            ])
            return
        }
        print("replica      \(context.storePath)")
        if let credentials {
            print("server       \(credentials.server)")
            print("user         \(credentials.email) (\(credentials.user))")
            print("space        \(credentials.space)")
            print("device       \(credentials.device)")
        } else {
            print("server       not logged in (folio login --server URL --email E)")
        }
        print("last sync    \(lastSync ?? "never")")
        print("to push      \(SyncSummary.count(waiting, "change"))")
    }

    static func format(milliseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
