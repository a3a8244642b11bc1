import GRDB

/// Looking at the schema, for tests (through `@testable import`; `Store.open(path:upTo:)`
/// makes an older replica): the indexes and migrations a replica has, and the plan of a statement.
extension Store {
    /// The names of the indexes on `table`, sorted.
    func indexNames(on table: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? ORDER BY name",
                                arguments: [table])
        }
    }

    /// The applied migrations, in order.
    func appliedMigrations() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    /// SQLite's plan for the agenda's statement, one step a line.
    func agendaQueryPlan() throws -> String {
        try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AgendaReader.sql, arguments: ["\"2024-01-01\""])
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
    }
}
