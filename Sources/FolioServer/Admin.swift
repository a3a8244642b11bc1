import FolioCore
import FolioSync
import HummingbirdBcrypt

/// What `folio-server user ...` does, on the database file directly (the server may be
/// running: SQLite's WAL lets both work on one file).
public struct Admin: Sendable {
    let storage: any SyncStorage
    let bcryptCost: UInt8

    /// Administration of the database at `path`.
    public init(path: String, bcryptCost: UInt8 = ServerConfiguration().bcryptCost) throws {
        self.init(storage: try SQLiteSyncStorage(path: path), bcryptCost: bcryptCost)
    }

    /// Administration of any store.
    public init(storage: any SyncStorage, bcryptCost: UInt8) {
        self.storage = storage
        self.bcryptCost = bcryptCost
    }

    /// Adds a user with its own space. The same checks as `POST /v1/auth/register`.
    public func addUser(email: String, password: String, now: UInt64 = ServerConfiguration().now()) async throws -> Account {
        try SyncServer.checkEmail(email)
        guard password.count >= 8, password.utf8.count <= 72 else {
            throw ServerError(.badRequest, "the password must have 8 characters to 72 bytes")
        }
        do {
            return try await storage.createUser(email: email, passwordHash: Bcrypt.hash(password, cost: bcryptCost), now: now)
        } catch let error as StorageError where error == .emailTaken {
            throw ServerError(.emailTaken, "\(email) is registered already")
        }
    }

    /// Every user.
    public func users() async throws -> [Account] {
        try await storage.users()
    }

    /// Disables (or enables) a user; false when there is no such user.
    public func setDisabled(email: String, _ disabled: Bool) async throws -> Bool {
        try await storage.setDisabled(email: email, disabled)
    }

    /// Users as JSON: id, email, space, disabled, created (never the hash).
    public static func json(_ users: [Account]) -> String {
        JSONValue.array(users.map { user in
            ["id": .string(user.id), "email": .string(user.email), "space": .string(user.space),
             "disabled": .bool(user.disabled), "created": .number(Double(user.created))]
        }).encoded(pretty: true)
    }
}
