import FolioCRDT
import GRDB

/// The schema, as GRDB migrations. A released migration is never edited; changes are new
/// migrations appended here.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 records") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value ANY) STRICT")
            // Site ids are stored per field as small local numbers; this maps them back.
            try db.execute(sql: "CREATE TABLE site (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE CHECK (length(id) = 16))")
            for table in KindTable.v1 {
                try createLegacyKindTable(table, db)
            }
            // Fields without a column of their own: every resume field, and fields this
            // version does not know.
            try db.execute(sql: """
                CREATE TABLE field (
                  record BLOB NOT NULL,
                  name TEXT NOT NULL,
                  value TEXT NOT NULL,
                  hlc INTEGER NOT NULL,
                  site INTEGER NOT NULL,
                  PRIMARY KEY (record, name)
                ) WITHOUT ROWID
                """)
            // Every change that won on a resume or one of its items, for `folio resume history`.
            try db.execute(sql: """
                CREATE TABLE history (
                  seq INTEGER PRIMARY KEY,
                  record BLOB NOT NULL,
                  field TEXT NOT NULL,
                  value TEXT NOT NULL,
                  hlc INTEGER NOT NULL,
                  site INTEGER NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX history_record ON history(record)")
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search USING fts5(
                  record UNINDEXED, kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
                )
                """)
        }
        migrator.registerMigration("v2 profile") { db in
            for table in KindTable.v2 {
                try createLegacyKindTable(table, db)
            }
        }
        // Where this replica syncs to and how far it got (see `SyncState`): one row.
        migrator.registerMigration("v3 sync") { db in
            try db.execute(sql: """
                CREATE TABLE sync_state (
                  id INTEGER PRIMARY KEY CHECK (id = 1),
                  server TEXT,
                  space TEXT,
                  cursor TEXT NOT NULL DEFAULT '0',
                  pushed INTEGER NOT NULL DEFAULT 0,
                  batch TEXT,
                  batch_version INTEGER,
                  last_sync INTEGER,
                  CHECK ((batch IS NULL) = (batch_version IS NULL))
                ) STRICT
                """)
            try db.execute(sql: "INSERT INTO sync_state (id) VALUES (1)")
        }
        // `folio agenda` finds the applications with a recent stage move by date instead of
        // scanning every event (see `AgendaReader`). Plain indexes on value columns, which
        // "v5 register blobs" carries over to the register layout.
        migrator.registerMigration("v4 tracking indexes") { db in
            try db.execute(sql: "CREATE INDEX event_date ON event(f_date)")
            try db.execute(sql: "CREATE INDEX event_type ON event(f_type)")
        }
        // One BLOB per register, so the merge is one comparison a register (`RegisterBlob`).
        migrator.registerMigration("v5 register blobs") { db in
            try RegisterMigration.run(db)
        }
        return migrator
    }

    /// Creates a kind's table, its view and its parent index, for the migration that
    /// introduces the kind. (The merge statement keeps parents fixed, `KindTable.mergeSQL`.)
    static func createKindTable(_ table: KindTable, _ db: Database) throws {
        try db.execute(sql: table.createSQL)
        try createKindView(table, db)
    }

    /// The view and parent index of a kind whose `storage` exists.
    static func createKindView(_ table: KindTable, _ db: Database) throws {
        try db.execute(sql: table.createViewSQL)
        try db.execute(sql: "CREATE INDEX \(table.table)_parent ON \(table.storage)(parent) WHERE parent IS NOT NULL")
    }

    /// `createKindTable` as migrations "v1 records" and "v2 profile" ran it, with the
    /// layout of `KindTable.legacyCreateSQL` and a trigger that kept parents fixed (both
    /// replaced by "v5 register blobs"). Released: never edit.
    static func createLegacyKindTable(_ table: KindTable, _ db: Database) throws {
        try db.execute(sql: table.legacyCreateSQL)
        try db.execute(sql: "CREATE INDEX \(table.table)_parent ON \(table.table)(parent) WHERE parent IS NOT NULL")
        try db.execute(sql: """
            CREATE TRIGGER \(table.table)_parent_fixed BEFORE UPDATE OF parent ON \(table.table)
            WHEN NEW.parent IS NOT OLD.parent
            BEGIN SELECT RAISE(ABORT, 'folio: conflicting parent'); END
            """)
    }
}
