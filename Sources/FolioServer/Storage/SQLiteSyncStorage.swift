import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode (GRDB `DatabasePool`), so
/// `folio-server serve` needs no setup. Writes are serialized by SQLite's single writer,
/// which is what makes the per-space counter safe: a counter value is assigned inside the
/// write transaction, so commits happen in counter order and a cursor never skips a field.
///
/// `synchronous = NORMAL` in WAL mode: a committed (acknowledged) push survives the server
/// process being killed; an operating-system crash may lose the last commits.
///
/// Short work runs on the calling thread (GRDB's synchronous API): reads (WAL readers never
/// wait for the writer, and the pool has more readers than the server has threads to block)
/// and pushes of up to `inlineBatch` changes (a transaction of a millisecond or less). The
/// async API would hop to GRDB's queue and back: two thread wake-ups per call, which on a
/// loaded machine cost far more than the work. Larger pushes use the async API.
public struct SQLiteSyncStorage: SyncStorage {
    let writer: any DatabaseWriter
    private let checkpointer: Checkpointer?
    /// This opening's generation (see `SyncCursor`): started in a space at the first counter
    /// value this instance assigns there.
    let generation = SyncCursor.newGeneration()

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Checkpointer.fallbackPages)")
            // Reads from a memory map instead of a read() call per page.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
        }
        try self.init(writer: DatabasePool(path: path, configuration: config), checkpointer: Checkpointer(path: path))
    }

    /// A store in memory, for tests.
    public static func inMemory() throws -> SQLiteSyncStorage {
        try SQLiteSyncStorage(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter, checkpointer: Checkpointer? = nil) throws {
        self.writer = writer
        self.checkpointer = checkpointer
        try Self.migrator.migrate(writer)
    }

    /// The server's schema. Released migrations are never edited; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("server v1") { db in
            try db.execute(sql: """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY NOT NULL,
                    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    password_hash TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    space_id TEXT NOT NULL,
                    created INTEGER NOT NULL
                );
                CREATE TABLE tokens (
                    hash TEXT PRIMARY KEY NOT NULL,
                    user_id TEXT NOT NULL REFERENCES users(id),
                    device TEXT,
                    created INTEGER NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE spaces (
                    id TEXT PRIMARY KEY NOT NULL,
                    counter INTEGER NOT NULL DEFAULT 0,
                    created INTEGER NOT NULL
                );
                CREATE TABLE members (
                    space_id TEXT NOT NULL REFERENCES spaces(id),
                    user_id TEXT NOT NULL REFERENCES users(id),
                    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'coach', 'viewer')),
                    PRIMARY KEY (space_id, user_id)
                ) WITHOUT ROWID;
                CREATE INDEX members_by_user ON members(user_id);
                CREATE TABLE fields (
                    space_id TEXT NOT NULL REFERENCES spaces(id),
                    record TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    parent TEXT,
                    field TEXT NOT NULL,
                    value TEXT NOT NULL,
                    hlc INTEGER NOT NULL,
                    site TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (space_id, record, field)
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX fields_by_seq ON fields(space_id, seq);
                CREATE TABLE batches (
                    space_id TEXT NOT NULL REFERENCES spaces(id),
                    site TEXT NOT NULL,
                    batch_id TEXT NOT NULL,
                    acked INTEGER NOT NULL,
                    applied INTEGER NOT NULL,
                    cursor INTEGER NOT NULL,
                    PRIMARY KEY (space_id, site, batch_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("server v2 generations") { db in
            // Which generation of a space's history covers which counter values (from
            // first_seq up to the next row's). Spaces that exist get one generation from 1:
            // the bare-counter cursors handed out before are refused (must-reset) anyway.
            try db.execute(sql: """
                CREATE TABLE generations (
                    space_id TEXT NOT NULL REFERENCES spaces(id),
                    first_seq INTEGER NOT NULL,
                    token TEXT NOT NULL,
                    PRIMARY KEY (space_id, first_seq)
                ) WITHOUT ROWID;
                INSERT INTO generations (space_id, first_seq, token) SELECT id, 1, lower(hex(randomblob(8))) FROM spaces;
                """)
        }
        migrator.registerMigration("server v3 change json") { db in
            // Each field's change as JSON text, written when it wins, so pulls send it as it is.
            try db.execute(sql: "ALTER TABLE fields ADD COLUMN json TEXT NOT NULL DEFAULT ''")
            let update = try db.makeStatement(sql: "UPDATE fields SET json = ? WHERE space_id = ? AND record = ? AND field = ?")
            for row in try Row.fetchAll(db, sql: "SELECT \(columns), space_id FROM fields") {
                let field = storedField(row)
                try update.execute(arguments: [field.changeJSON, row[8] as String, row[0] as String, field.field])
            }
        }
        return migrator
    }

    /// Copies the whole database, consistently, to a new SQLite file at `path` while the
    /// store stays in use (an online backup).
    public func backup(to path: String) throws {
        try writer.backup(to: DatabaseQueue(path: path))
    }

    /// GRDB's synchronous read, on the calling thread (see the type's documentation).
    func readNow<T>(_ value: (Database) throws -> T) throws -> T { try writer.read(value) }

    /// GRDB's synchronous write, on the calling thread (see the type's documentation).
    func writeNow<T>(_ updates: (Database) throws -> T) throws -> T { try writer.write(updates) }

    public func ping() async throws {
        _ = try await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    public func cursor(space: String) async throws -> UInt64 {
        try readNow { db in try Self.counter(db, space: space) }
    }

    static func counter(_ db: Database, space: String) throws -> UInt64 {
        guard let value = try Int64.fetchOne(db.cachedStatement(sql: "SELECT counter FROM spaces WHERE id = ?"), arguments: [space]) else {
            throw StorageError.noSuchSpace
        }
        return UInt64(value)
    }
}
