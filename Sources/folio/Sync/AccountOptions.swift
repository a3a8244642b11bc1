import ArgumentParser
import FolioStore
import FolioSync
import Foundation

/// `--server`, `--email`, `--device`: what register and login share.
struct AccountOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The sync server's URL.", valueName: "url")) var server: String
    @Option(help: "The account's email.") var email: String
    @Option(help: ArgumentHelp("A name for this device, shown by the server (default: the host name).", valueName: "name"))
    var device: String?

    func validate() throws {
        _ = try SyncCLI.serverURL(server)
        guard email.contains("@") else { throw ValidationError("--email must be an email address, not \"\(email)\"") }
    }

    /// Registers or logs in, then stores the login for the replica and binds the replica to
    /// the account's space.
    func authenticate(register: Bool, context: SyncContext) async throws -> Credentials {
        let password = try PasswordPrompt.read()
        let deviceName = device ?? ProcessInfo.processInfo.hostName
        let client = HTTPSyncClient(server: try SyncCLI.serverURL(server))
        let request = AuthRequest(email: email, password: password, device: deviceName)
        let reply: AuthResponse
        do { reply = register ? try await client.register(request) : try await client.login(request) } catch {
            throw SyncCLI.failure(SyncCLI.describe(error, server: server))
        }
        let credentials = Credentials(server: server, email: email, user: reply.user, space: reply.space, token: reply.token,
                                      device: deviceName)
        let store = try context.openStore()
        let startedOver = try Replica.run { try store.bindSync(server: server, space: reply.space) }
        do { try context.credentialsFile.save(credentials, for: context.storePath) } catch {
            throw SyncCLI.failure(error.description)
        }
        if startedOver {
            print("This replica synced with another server or space before: it will pull everything from the start "
                  + "and push all its records to the new one.")
        }
        return credentials
    }
}
