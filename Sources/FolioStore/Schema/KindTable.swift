import FolioCRDT
import GRDB

/// Where a kind's records live: one table per kind (`storage`, named `KIND_registers`),
/// one row per record, each known field as one register column, and a view named after the
/// kind (`table`) that reads them. Fields a kind has no column for (all of a resume's, and
/// any a newer version wrote) live in the `field` table, one row per field.
///
/// Every kind table has the same record columns: `id`, `parent`, `version` (the local
/// version that last changed the row), `cl` and `cl_stamp` (causal length and its stamp)
/// and the register `r_pos` (list position). A field `company` is the register column
/// `r_company`: a BLOB of the stamp, the site id and the value's stable JSON text
/// (`RegisterBlob`), ordered so that comparing the bytes is the merge rule. The view adds
/// each register's value as JSON text for queries (`f_company`, `pos`: `'null'` for a null
/// value, NULL when never written); SQLite computes only the ones a query names, and an
/// index on the same expression (`valueIndexSQL`) serves queries through the view. (Generated
/// columns would do the same but cost every write: SQLite computes them on each update.)
///
/// Writes go to `storage`, reads to `table`. Migration "v1 records" created `table` as a
/// table with value, stamp and site columns per field (`legacyCreateSQL`); "v5 register
/// blobs" rewrote it into this layout.
public struct KindTable: Sendable, Hashable {
    /// The kind stored here.
    public let kind: RecordKind
    /// The table's name.
    public let table: String
    /// Fields with their own columns, in column order.
    public let columns: [String]

    init(kind: RecordKind, table: String, columns: [String]) {
        precondition(columns.count < 62, "a kind's registers must fit the 64-bit mask of KindTable.mergeSQL")
        self.kind = kind
        self.table = table
        self.columns = columns
    }

    /// The tables of the kinds this version knows: those of migration "v1 records", then
    /// those later migrations added.
    public static let all: [KindTable] = v1 + v2

    /// The tables migration "v2 profile" creates: the person's wishes, every field in the
    /// `field` table. Released with it: never edit.
    static let v2: [KindTable] = [
        KindTable(kind: .profile, table: "profile", columns: []),
    ]

    /// The tables migration "v1 records" creates. Released: never edit this list or a
    /// table's columns. A new kind gets its table in a new migration (`createKindTable` of a new
    /// `KindTable` appended to `all`); a new field of an existing kind needs no column, it
    /// lives in the `field` table like every field without one.
    static let v1: [KindTable] = [
        KindTable(kind: .resume, table: "resume", columns: []),
        KindTable(kind: .item, table: "item", columns: []),
        KindTable(kind: .application, table: "application",
                  columns: ["company", "role", "status", "date", "url", "location", "source", "snapshot", "posting"]),
        KindTable(kind: .event, table: "event", columns: ["type", "date", "note"]),
        KindTable(kind: .posting, table: "posting", columns: ["title", "company", "url", "text"]),
        KindTable(kind: .contact, table: "contact", columns: ["name", "email", "phone", "company", "url"]),
        KindTable(kind: .note, table: "note", columns: ["text"]),
        KindTable(kind: .snapshot, table: "snapshot", columns: ["name", "tag", "resume", "taken", "document"]),
    ]

    /// The tables by kind.
    public static let byKind: [RecordKind: KindTable] = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })

    /// The table the registers are stored in; `table` is the view that reads them.
    var storage: String { table + "_registers" }

    /// `CREATE TABLE` of `storage`.
    var createSQL: String {
        var lines = [
            "id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16)",
            "parent BLOB",
            "version INTEGER NOT NULL",
            "cl INTEGER NOT NULL DEFAULT 1",
            "cl_stamp BLOB NOT NULL DEFAULT x''",
        ]
        lines += Self.registerColumns(columns).map { "\($0) BLOB NOT NULL DEFAULT x''" }
        return "CREATE TABLE \(storage) (\n  " + lines.joined(separator: ",\n  ") + "\n)"
    }

    /// `CREATE VIEW` of `table`: every column of `storage` and the registers' values.
    var createViewSQL: String {
        let values = zip(Self.registerColumns(columns), Self.valueColumns(columns)).map { register, value in
            "\(RegisterBlob.valueSQL(register)) AS \(value)"
        }
        return "CREATE VIEW \(table) AS SELECT *,\n  " + values.joined(separator: ",\n  ") + "\nFROM \(storage)"
    }

    /// `CREATE INDEX` on `storage` for the value columns `values` (names of the view, such as
    /// `f_date`; `id`, `parent`, `version` and `cl` as they are), usable by queries on the view.
    func valueIndexSQL(_ name: String, _ values: [String], unique: Bool = false) throws -> String {
        let registers = Dictionary(uniqueKeysWithValues: zip(Self.valueColumns(columns), Self.registerColumns(columns)))
        let terms = try values.map { value in
            if ["id", "parent", "version", "cl"].contains(value) { return value }
            guard let register = registers[value] else { throw StoreError.invalid("\(table) has no value column \(value) to index") }
            return RegisterBlob.valueSQL(register)
        }
        return "CREATE \(unique ? "UNIQUE " : "")INDEX \(name) ON \(storage) (\(terms.joined(separator: ", ")))"
    }

    /// `CREATE TABLE` as migration "v1 records" (and "v2 profile") made it: value, stamp
    /// and site columns per register. Released: never edit.
    var legacyCreateSQL: String {
        var lines = [
            "id BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16)",
            "parent BLOB",
            "version INTEGER NOT NULL",
            "cl INTEGER NOT NULL DEFAULT 1", "cl_hlc INTEGER", "cl_site INTEGER",
            "pos TEXT", "pos_hlc INTEGER", "pos_site INTEGER",
        ]
        for column in columns {
            lines += ["f_\(column) TEXT", "f_\(column)_hlc INTEGER", "f_\(column)_site INTEGER"]
        }
        return "CREATE TABLE \(table) (\n  " + lines.joined(separator: ",\n  ") + "\n)"
    }

    /// The register columns of a row: position first, then each column field.
    static func registerColumns(_ columns: [String]) -> [String] {
        ["r_pos"] + columns.map { "r_" + $0 }
    }

    /// The value columns beside them, in the same order.
    static func valueColumns(_ columns: [String]) -> [String] {
        ["pos"] + columns.map { "f_" + $0 }
    }

    /// The merge as one statement: insert the record, or merge it into the row already
    /// there, register by register, with the rule of `FolioCRDT.Register` (stamp, then site
    /// id, then value with null lowest: the byte order of `RegisterBlob`) and the causal
    /// length's maximum.
    ///
    /// Only the registers a record's changes write are in the statement (`carried`, a bit
    /// each: the causal length is bit 0, then `registerColumns(columns)` in order): a batch
    /// writes the same few fields of many records, and each register left out is a
    /// comparison SQLite does not make per row. Parameters: id, parent, version, then cl
    /// and cl_stamp if carried, then the blob of each carried register. A row where nothing
    /// wins is not written; one where something does gets `version`.
    func mergeSQL(carrying carried: UInt64) -> String {
        let registers = Self.registerColumns(columns).enumerated().filter { carried & (2 << $0.offset) != 0 }.map(\.element)
        let length = carried & 1 != 0 ? ["cl", "cl_stamp"] : []
        let names = ["id", "parent", "version"] + length + registers
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        // A record's parent never changes: a change that says otherwise sets the NOT NULL
        // `version` to NULL, which aborts the statement (`parentConflict` tells it apart).
        // Cheaper than a trigger, which makes SQLite build the old and new rows.
        var sets = ["version = CASE WHEN excluded.parent IS NOT parent THEN NULL ELSE excluded.version END"]
        var anyWins = ["excluded.parent IS NOT parent"]
        if !length.isEmpty {
            sets += length.map { "\($0) = CASE WHEN \(Self.causalLengthWins) THEN excluded.\($0) ELSE \($0) END" }
            anyWins.append(Self.causalLengthWins)
        }
        for register in registers {
            // max() of two BLOBs is the one with the larger bytes: the merge rule.
            sets.append("\(register) = max(\(register), excluded.\(register))")
            anyWins.append("excluded.\(register) > \(register)")
        }
        return "INSERT INTO \(storage) (\(names.joined(separator: ", "))) VALUES (\(placeholders))\n"
            + "ON CONFLICT (id) DO UPDATE SET\n  " + sets.joined(separator: ",\n  ")
            + "\nWHERE " + anyWins.joined(separator: " OR ")
    }

    /// True when `error` is the merge statement's refusal of a changed parent.
    static func isParentConflict(_ error: DatabaseError) -> Bool {
        error.extendedResultCode == .SQLITE_CONSTRAINT_NOTNULL && error.message?.hasSuffix(".version") == true
    }

    /// True (1) when the incoming causal length beats the stored one (a longer length, or
    /// the same length with a later stamp; a length never stamped loses to a stamped one).
    static let causalLengthWins = "(excluded.cl > cl OR (excluded.cl = cl AND excluded.cl_stamp > cl_stamp))"

    /// Sites are stored as small local numbers in the `field` table; their order is the
    /// order of the site ids, looked up only when two stamps are equal.
    static func siteWins(_ incoming: String, _ stored: String) -> String {
        "(\(incoming) <> \(stored) AND (SELECT id FROM site WHERE idx = \(incoming)) > (SELECT id FROM site WHERE idx = \(stored)))"
    }

    /// The value order of `FolioCRDT.ValueOrder`: null lowest, then the encoded bytes.
    static func valueWins(_ incoming: String, _ stored: String) -> String {
        "((\(stored) = 'null' AND \(incoming) <> 'null') OR (\(incoming) <> 'null' AND \(incoming) > \(stored)))"
    }
}
