import ArgumentParser
import FolioSync

/// `folio logout`: revokes this device's token and forgets it.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Revoke this device's token on the server and delete it here.",
        discussion: "The replica keeps its data and its sync position; folio login resumes where it stopped."
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() async throws {
        let context = SyncContext(storeOptions: storeOptions)
        let credentials = try context.requireCredentials()
        var warning: String?
        let client = try context.client(credentials, timeout: 10)
        do { try await client.logout() } catch {
            // A token the server no longer accepts is as good as revoked.
            if error.status != 401 { warning = SyncCLI.describe(error, server: credentials.server) }
        }
        do { try context.credentialsFile.remove(for: context.storePath) } catch { throw SyncCLI.failure(error.description) }
        if let warning {
            Terminal.printError("warning: the token could not be revoked on the server (\(warning)); it was deleted here.")
        }
        print("Logged out \(credentials.email) from \(credentials.server).")
    }
}
