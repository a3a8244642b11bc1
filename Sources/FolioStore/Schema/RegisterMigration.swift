import FolioCRDT
import Foundation
import GRDB

/// Migration "v5 register blobs": rewrites every kind table from the layout of "v1 records"
/// (value, stamp and site-number columns per register) into one BLOB per register in
/// `KIND_registers`, read through a view with the old name (`KindTable`, `RegisterBlob`).
/// Every record, stamp and value is kept, and so is every index on the old table (on the
/// same values); the trigger that kept parents fixed is dropped (the merge statement does
/// that now). Released: never edit.
enum RegisterMigration {
    /// The tables it rewrites: every kind table made before it.
    static let tables = KindTable.v1 + KindTable.v2

    static func run(_ db: Database) throws {
        let sites = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT idx, id FROM site").map { row in
            let text: String = row["id"]
            guard let id = UInt64(text, radix: 16) else { throw StoreError.invalid("site id \(text) is not 16 hex digits") }
            return (row["idx"] as Int64, id)
        })
        for table in tables {
            let indexes = try indexesToKeep(table, db)
            try db.execute(sql: table.createSQL)
            try copyRows(table, sites: sites, db)
            try db.execute(sql: "DROP TABLE \(table.table)")
            try Migrations.createKindView(table, db)
            for (name, columns, unique) in indexes {
                try db.execute(sql: try table.valueIndexSQL(name, columns, unique: unique))
            }
        }
    }

    /// The old table's indexes but the parent index (made again with the table): name,
    /// columns, uniqueness. Indexes on expressions or partial ones cannot be carried over.
    private static func indexesToKeep(_ table: KindTable, _ db: Database) throws -> [(String, [String], Bool)] {
        let list = try Row.fetchAll(db, sql: "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", arguments: [table.table])
        return try list.compactMap { row -> (String, [String], Bool)? in
            let name: String = row["name"]
            guard row["origin"] as String == "c", name != table.table + "_parent" else { return nil }
            let columns = try Row.fetchAll(db, sql: "SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
            guard row["partial"] as Int == 0, columns.allSatisfy({ $0["cid"] as Int >= 0 }) else {
                throw StoreError.invalid("index \(name) on \(table.table) is partial or on an expression: migration v5 cannot carry it")
            }
            return (name, columns.map { $0["name"] as String }, row["unique"] as Bool)
        }
    }

    /// Every row of the old table into `storage`, each register as its blob.
    private static func copyRows(_ table: KindTable, sites: [Int64: UInt64], _ db: Database) throws {
        let registers = KindTable.registerColumns(table.columns)
        let columns = ["id", "parent", "version", "cl", "cl_stamp"] + registers
        let values = ["?", "?", "?", "?"] + Array(repeating: "coalesce(?, x'')", count: registers.count + 1)
        let insert = try db.makeStatement(sql: """
            INSERT INTO \(table.storage) (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.table)")
        while let row = try rows.next() {
            var arguments: [(any DatabaseValueConvertible)?] = [row["id"] as Data?, row["parent"] as Data?,
                                                                row["version"] as Int64, row["cl"] as Int64]
            arguments.append(try stamp(row, "cl", sites).map { Data($0) })
            for column in KindTable.valueColumns(table.columns) {
                arguments.append(try register(row, column, sites).map { Data($0) })
            }
            try insert.execute(arguments: StatementArguments(arguments))
        }
    }

    /// The 16 stamp bytes of a legacy register (`NAME_hlc`, `NAME_site`); nil when unset.
    private static func stamp(_ row: Row, _ name: String, _ sites: [Int64: UInt64]) throws -> [UInt8]? {
        guard let hlc: Int64 = row[name + "_hlc"] else { return nil }
        let index: Int64? = row[name + "_site"]
        guard let index, let site = sites[index] else { throw StoreError.invalid("\(name) refers to an unknown site number") }
        var bytes: [UInt8] = []
        RegisterBlob.append(FieldStamp(hlc: HybridTimestamp(rawValue: UInt64(bitPattern: hlc)), site: SiteID(rawValue: site)), to: &bytes)
        return bytes
    }

    /// A legacy register as its blob; nil when it was never written.
    private static func register(_ row: Row, _ name: String, _ sites: [Int64: UInt64]) throws -> [UInt8]? {
        guard var bytes = try stamp(row, name, sites) else { return nil }
        let text: String? = row[name]
        if let text, text != "null" { bytes.append(contentsOf: text.utf8) }
        return bytes
    }
}
