import FolioCRDT

/// Where a kind's records live: one table per kind, one row per record, each known field
/// as three columns beside each other (value, stamp, site), as DESIGN.md measured fastest.
/// Fields a kind has no column for (all of a resume's, and any a newer version wrote) live
/// in the `field` table, one row per field.
///
/// Every kind table has the same record columns: `id`, `parent`, `version` (the local
/// version that last changed the row), `cl`/`cl_hlc`/`cl_site` (causal length) and
/// `pos`/`pos_hlc`/`pos_site` (list position). A field `company` is the columns
/// `f_company` (the value's stable JSON text), `f_company_hlc` and `f_company_site`.
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
    /// table's columns. A new kind gets its table in a new migration (`createSQL` of a new
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

    /// `CREATE TABLE` for this kind.
    var createSQL: String {
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

    /// The registers of a row: position first, then each column field.
    static func registers(_ columns: [String]) -> [(value: String, hlc: String, site: String)] {
        [("pos", "pos_hlc", "pos_site")] + columns.map { ("f_\($0)", "f_\($0)_hlc", "f_\($0)_site") }
    }

    /// The merge as one statement: insert the record, or merge it into the row already
    /// there, register by register, with the rule of `FolioCRDT.Register` (stamp, then site
    /// id, then value with null lowest) and the causal length's maximum.
    ///
    /// Only the registers a record's changes write are in the statement (`carried`, a bit
    /// each: the causal length is bit 0, then `registers(columns)` in order): a batch writes the same few
    /// fields of many records, and each register left out is four comparisons SQLite does
    /// not make per row. Parameters: id, parent, version, then cl, cl_hlc, cl_site if
    /// carried, then value/hlc/site of each carried register. A row where nothing wins is
    /// not written; one where something does gets `version`.
    func mergeSQL(carrying carried: UInt64) -> String {
        let all = [(value: "cl", hlc: "cl_hlc", site: "cl_site")] + Self.registers(columns)
        let kept = all.enumerated().filter { carried & (1 << $0.offset) != 0 }.map(\.element)
        let names = ["id", "parent", "version"] + kept.flatMap { [$0.value, $0.hlc, $0.site] }
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        // `parent = excluded.parent` lets the table's trigger refuse a changed parent.
        var sets = ["parent = excluded.parent", "version = excluded.version"]
        var anyWins: [String] = []
        for register in kept {
            let wins = register.value == "cl" ? Self.causalLengthWins : Self.registerWins(register)
            anyWins.append(wins)
            for column in [register.value, register.hlc, register.site] {
                sets.append("\(column) = CASE WHEN \(wins) THEN excluded.\(column) ELSE \(column) END")
            }
        }
        return "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))\n"
            + "ON CONFLICT (id) DO UPDATE SET\n  " + sets.joined(separator: ",\n  ")
            + "\nWHERE excluded.parent IS NOT parent" + anyWins.map { " OR \($0)" }.joined()
    }

    /// True (1) when the incoming causal length beats the stored one (a longer length, or
    /// the same length with a later stamp).
    static let causalLengthWins = "(excluded.cl > cl OR (excluded.cl = cl AND (excluded.cl_hlc > cl_hlc OR (cl_hlc IS NULL AND excluded.cl_hlc IS NOT NULL) "
        + "OR (excluded.cl_hlc = cl_hlc AND \(siteWins("excluded.cl_site", "cl_site"))))))"

    /// True (1) when the incoming register beats the stored one; NULL or 0 otherwise.
    static func registerWins(_ register: (value: String, hlc: String, site: String)) -> String {
        let (value, hlc, site) = register
        return "(excluded.\(hlc) > \(hlc) OR (\(hlc) IS NULL AND excluded.\(hlc) IS NOT NULL) OR (excluded.\(hlc) = \(hlc) AND ("
            + siteWins("excluded.\(site)", site)
            + " OR (excluded.\(site) = \(site) AND \(valueWins("excluded.\(value)", value))))))"
    }

    /// Sites are stored as small local numbers; their order is the order of the site ids,
    /// looked up only when two stamps are equal.
    static func siteWins(_ incoming: String, _ stored: String) -> String {
        "(\(incoming) <> \(stored) AND (SELECT id FROM site WHERE idx = \(incoming)) > (SELECT id FROM site WHERE idx = \(stored)))"
    }

    /// The value order of `FolioCRDT.ValueOrder`: null lowest, then the encoded bytes.
    static func valueWins(_ incoming: String, _ stored: String) -> String {
        "((\(stored) = 'null' AND \(incoming) <> 'null') OR (\(incoming) <> 'null' AND \(incoming) > \(stored)))"
    }
}
