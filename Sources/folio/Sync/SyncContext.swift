import ArgumentParser
import FolioStore
import FolioSync
import Foundation

/// What the sync commands share: the replica, its path, the credentials file and the
/// login stored for this replica.
struct SyncContext {
    let storePath: String
    let credentialsFile: CredentialsFile

    init(storeOptions: StoreOptions) {
        storePath = URL(fileURLWithPath: StoreLocation.resolve(option: storeOptions.store)).standardizedFileURL.path
        credentialsFile = CredentialsFile.resolve()
    }

    func openStore() throws -> Store {
        try Replica.run { try Store.open(path: storePath) }
    }

    /// The stored login, if any.
    func credentials() throws -> Credentials? {
        do { return try credentialsFile.credentials(for: storePath) } catch {
            throw SyncCLI.failure(error.description)
        }
    }

    /// The stored login, or a failure that says how to log in.
    func requireCredentials() throws -> Credentials {
        guard let credentials = try credentials() else {
            throw SyncCLI.failure("not logged in (for the replica \(storePath)): run folio login --server URL --email E, "
                                  + "or folio register for a new account")
        }
        return credentials
    }

    func client(_ credentials: Credentials, timeout: Double = 30) throws -> HTTPSyncClient {
        HTTPSyncClient(server: try SyncCLI.serverURL(credentials.server), space: credentials.space, token: credentials.token,
                       timeout: timeout)
    }
}

/// Messages and exits of the sync commands.
enum SyncCLI {
    /// Prints `error: MESSAGE` and returns the exit to throw.
    static func failure(_ message: String) -> ExitCode {
        Terminal.printError("error: \(message)")
        return ExitCode.failure
    }

    /// Checks a `--server` value: an http(s) URL with a host.
    static func serverURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false else {
            throw ValidationError("--server must be an http:// or https:// URL, like http://127.0.0.1:8080, not \"\(text)\"")
        }
        return url
    }

    /// A transport failure of register, login or logout, in words.
    static func describe(_ failure: TransportFailure, server: String) -> String {
        if failure.status == nil { return "cannot reach the sync server: \(failure.message)" }
        if failure.has(.badCredentials) { return "wrong email or password" }
        if failure.has(.emailTaken) { return "that email is already registered on \(server): use folio login" }
        if failure.has(.rateLimited) {
            return "too many attempts; try again" + (failure.retryAfter.map { " in \(Int($0)) s" } ?? " later")
        }
        return "the server refused: \(failure.message)"
    }
}
