import Foundation
import GRDB

/// The reference for the replica benchmark: the same rows in a plain SQLite table with the
/// same value columns and no CRDT metadata, written the same way (one transaction, one
/// conditional upsert per row, values bound through the same C calls).
public struct PlainTable: Sendable {
    let queue: DatabasePool
    let columns: [String]

    /// Creates the file at `path` (WAL, like the replica) with `id` and `columns`.
    public init(path: String, columns: [String]) throws {
        var configuration = GRDB.Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        queue = try DatabasePool(path: path, configuration: configuration)
        self.columns = columns
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS plain (id BLOB PRIMARY KEY NOT NULL, "
                + columns.map { "\($0) TEXT" }.joined(separator: ", ") + ")")
        }
    }

    /// Upserts rows (16-byte id, one text per column) in one transaction; a row changes
    /// only when a value differs.
    public func upsert(_ rows: [(id: [UInt8], values: [String])]) throws {
        let names = ["id"] + columns
        let sql = "INSERT INTO plain (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", "))) "
            + "ON CONFLICT (id) DO UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            + " WHERE " + columns.map { "excluded.\($0) IS NOT \($0)" }.joined(separator: " OR ")
        try queue.write { db in
            let raw = RawStatement(try db.makeStatement(sql: sql))
            for row in rows {
                raw.bind(1, blob: row.id)
                for (index, value) in row.values.enumerated() { raw.bind(Int32(index + 2), text: value) }
                try raw.run(db)
            }
        }
    }

    /// Folds the write-ahead log into the file, so its size is the data's.
    public func checkpoint() throws {
        try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}

extension Store {
    /// Folds the write-ahead log into the file, so its size is the data's.
    public func checkpoint() throws {
        do { try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) } } catch {
            throw StoreError.database(error)
        }
    }
}
