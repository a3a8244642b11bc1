import ArgumentParser
import FolioSync

/// `folio register`: a new account on a sync server, and this device logged in to it.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Create an account on a sync server and log this device in.",
        discussion: "The password is read from $FOLIO_PASSWORD, else asked for on the terminal (at least 8 characters)."
    )

    @OptionGroup var account: AccountOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let credentials = try await account.authenticate(register: true, context: SyncContext(storeOptions: storeOptions))
        print("Registered \(credentials.email) on \(credentials.server) (space \(credentials.space)); "
              + "this device is \"\(credentials.device)\". Run folio sync to send your data.")
    }
}
