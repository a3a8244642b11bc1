import ArgumentParser
import FolioSync

/// `folio login`: this device logged in to an existing account.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log this device in to an account on a sync server.",
        discussion: "The password is read from $FOLIO_PASSWORD, else asked for on the terminal."
    )

    @OptionGroup var account: AccountOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let credentials = try await account.authenticate(register: false, context: SyncContext(storeOptions: storeOptions))
        print("Logged in as \(credentials.email) on \(credentials.server) (space \(credentials.space)); "
              + "this device is \"\(credentials.device)\". Run folio sync.")
    }
}
