import FolioCore
import FolioCRDT
import GRDB

extension Records {
    /// The one visible record of `table` whose id starts with `prefix` (hex digits, dashes
    /// optional), as `folio app` and `folio jobs` take ids. `describe` names a candidate
    /// from its row (for "matches 2 applications" messages).
    static func resolve(_ prefix: String, in table: KindTable, what: String, listing: String, _ db: Database,
                        describe: (Row) -> String) throws -> RecordID {
        let digits = prefix.lowercased().filter { $0 != "-" }
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else {
            let article = "aeiou".contains(what.first ?? "x") ? "an" : "a"
            throw StoreError.invalid("\"\(prefix)\" is not \(article) \(what) id (hex digits, as `\(listing)` shows)")
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM \(table.table) WHERE cl % 2 = 1 AND hex(id) LIKE ? ESCAPE '\\' ORDER BY id
            """, arguments: [digits.uppercased() + "%"])
        let candidates = rows.compactMap { row -> (RecordID, String)? in
            guard let id = RecordID(data: row["id"]) else { return nil }
            return (id, "\(id)  \(describe(row))")
        }
        if candidates.count > 1 { throw StoreError.ambiguous(what, prefix, candidates: candidates.map(\.1)) }
        guard let id = candidates.first?.0 else { throw StoreError.notFound(what, prefix, candidates: []) }
        return id
    }

    /// A text column's value in a row (`f_company`), decoded from its stored JSON.
    static func text(_ row: Row, _ column: String) -> String? {
        (row[column] as String?).flatMap { try? JSONText.decode($0) }?.stringValue
    }
}
