import Foundation
import GRDB

extension SQLiteSyncStorage {
    public func createUser(email: String, passwordHash: String, now: UInt64) async throws -> Account {
        let account = Account(id: UUID().uuidString.lowercased(), email: email, passwordHash: passwordHash,
                              disabled: false, space: UUID().uuidString.lowercased(), created: now)
        return try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE email = ?", arguments: [email]) != nil {
                throw StorageError.emailTaken
            }
            try db.execute(sql: "INSERT INTO spaces (id, counter, created) VALUES (?, 0, ?)",
                           arguments: [account.space, Int64(now)])
            try db.execute(sql: "INSERT INTO users (id, email, password_hash, disabled, space_id, created) VALUES (?, ?, ?, 0, ?, ?)",
                           arguments: [account.id, email, passwordHash, account.space, Int64(now)])
            try db.execute(sql: "INSERT INTO members (space_id, user_id, role) VALUES (?, ?, 'owner')",
                           arguments: [account.space, account.id])
            return account
        }
    }

    public func user(email: String) async throws -> Account? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email]).map(Self.account)
        }
    }

    public func users() async throws -> [Account] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY email COLLATE NOCASE").map(Self.account)
        }
    }

    static func account(_ row: Row) -> Account {
        Account(id: row["id"], email: row["email"], passwordHash: row["password_hash"], disabled: row["disabled"],
                space: row["space_id"], created: UInt64(row["created"] as Int64))
    }

    public func setDisabled(email: String, _ disabled: Bool) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE email = ?", arguments: [disabled, email])
            return db.changesCount > 0
        }
    }

    public func addToken(hash: String, user: String, device: String?, now: UInt64) async throws {
        try await writer.write { db in
            try db.execute(sql: "INSERT INTO tokens (hash, user_id, device, created, revoked) VALUES (?, ?, ?, ?, 0)",
                           arguments: [hash, user, device, Int64(now)])
        }
    }

    public func caller(tokenHash: String, issuedSince: UInt64) async throws -> Caller? {
        try readNow { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT users.id, users.email, users.space_id FROM tokens JOIN users ON users.id = tokens.user_id
                WHERE tokens.hash = ? AND tokens.revoked = 0 AND tokens.created >= ? AND users.disabled = 0
                """), arguments: [tokenHash, Int64(clamping: issuedSince)])
            return row.map { Caller(user: $0["id"], email: $0["email"], space: $0["space_id"], tokenHash: tokenHash) }
        }
    }

    public func revokeToken(hash: String) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE tokens SET revoked = 1 WHERE hash = ?", arguments: [hash])
        }
    }

    public func memberships(user: String) async throws -> [Membership] {
        try readNow { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT space_id, role FROM members WHERE user_id = ? ORDER BY space_id"),
                             arguments: [user])
                .compactMap { row in Role(rawValue: row["role"]).map { Membership(space: row["space_id"], role: $0) } }
        }
    }

    public func setMember(space: String, user: String, role: Role) async throws {
        try await writer.write { db in
            _ = try Self.counter(db, space: space)
            try db.execute(sql: "INSERT OR REPLACE INTO members (space_id, user_id, role) VALUES (?, ?, ?)",
                           arguments: [space, user, role.rawValue])
        }
    }
}
