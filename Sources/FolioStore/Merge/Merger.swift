import FolioCore
import FolioCRDT
import Foundation
import GRDB

/// Merges a batch of changes into the tables with the rule of FolioCRDT: one `INSERT ...
/// ON CONFLICT DO UPDATE` per record for the registers with columns (the stamp comparison
/// runs inside SQLite), one conditional upsert per field for the others, and for resumes
/// a record of every winning change in `history`.
struct Merger {
    let db: Database
    let version: Int64
    var sites: SiteTable
    init(transaction: Transaction) {
        db = transaction.db
        version = transaction.version
        sites = transaction.sites
    }

    /// Changes of one record, reduced to the winner per register.
    struct Pending {
        let id: RecordID
        let kind: RecordKind
        let parent: RecordID?
        var length: CausalLength?
        /// Where the record's registers are in `Batch.winners`: `@pos` first, then the
        /// kind's columns. (One array of indexes for the batch: an array of registers per
        /// record costs more than the merge.)
        let registers: Range<Int>
        var others: [String: Register] = [:]
    }

    /// Merges a batch, grouped by record.
    mutating func merge(_ batch: Batch) throws {
        for record in batch.records {
            let table = KindTable.byKind[record.kind]!
            let keepsHistory = record.kind == .resume || record.kind == .item
            if keepsHistory { try recordHistory(record, position: batch.register(record.registers.lowerBound), table: table) }
            try mergeRow(record, batch, table: table)
            var fieldsWon = false
            for (name, register) in record.others.sorted(by: { $0.key < $1.key }) where try mergeField(record.id, name, register) {
                if keepsHistory { try appendHistory(record.id, name, register) }
                fieldsWon = true
            }
            if fieldsWon {
                try db.execute(sql: "UPDATE \(table.storage) SET version = ? WHERE id = ?", arguments: [version, record.id.data])
            }
        }
    }

    /// Prepared statements by SQL text, for this merge: GRDB's cache hashes the long SQL
    /// on every lookup.
    private var statements: [String: RawStatement] = [:]
    private var lastStatement: (sql: String, statement: RawStatement)?

    private mutating func statement(_ sql: String) throws -> RawStatement {
        if let lastStatement, lastStatement.sql == sql { return lastStatement.statement }
        let statement = try statements[sql] ?? RawStatement(try db.makeStatement(sql: sql))
        statements[sql] = statement
        lastStatement = (sql, statement)
        return statement
    }

    /// The row upsert. The statement itself writes the row only when something won.
    private mutating func mergeRow(_ record: Pending, _ batch: Batch, table: KindTable) throws {
        var carried: UInt64 = record.length == nil ? 0 : 1
        for (bit, slot) in record.registers.enumerated() where batch.winners[slot] >= 0 { carried |= 2 << bit }
        let raw = try mergeStatement(table, carried)
        // Every blob of the row goes into one buffer first, bound in place (no copy) once
        // it no longer grows.
        scratch.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        if let length = record.length {
            RegisterBlob.append(length.stamp, to: &scratch)
            ends.append(scratch.count)
        }
        for slot in record.registers where batch.winners[slot] >= 0 {
            let change = batch.changes[Int(batch.winners[slot])]
            RegisterBlob.append(change.value, change.stamp, to: &scratch)
            ends.append(scratch.count)
        }
        raw.bind(1, id: record.id)
        raw.bind(2, id: record.parent)
        raw.bind(3, version)
        try scratch.withUnsafeBytes { bytes in
            var index: Int32 = 4
            var start = 0
            if let length = record.length {
                raw.bind(4, Int64(length.length))
                index = 5
            }
            for end in self.ends {
                raw.bind(index, borrowed: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                index += 1
                start = end
            }
            try raw.run(db)
        }
    }

    /// The blobs of the row being merged, and where each ends.
    private var scratch: [UInt8] = []
    private var ends: [Int] = []

    /// The merge statement of a table for a set of carried registers, prepared once per
    /// merge; consecutive records usually carry the same set.
    private mutating func mergeStatement(_ table: KindTable, _ carried: UInt64) throws -> RawStatement {
        if let lastMerge, lastMerge.table == table.table, lastMerge.carried == carried { return lastMerge.statement }
        let key = "\(table.table):\(carried)"
        let statement = try mergeStatements[key] ?? RawStatement(try db.makeStatement(sql: table.mergeSQL(carrying: carried)))
        mergeStatements[key] = statement
        lastMerge = (table.table, carried, statement)
        return statement
    }

    private var mergeStatements: [String: RawStatement] = [:]
    private var lastMerge: (table: String, carried: UInt64, statement: RawStatement)?

    /// A field without a column; true when it won.
    private mutating func mergeField(_ id: RecordID, _ name: String, _ register: Register) throws -> Bool {
        let raw = try statement(Self.fieldSQL)
        raw.bind(1, id: id)
        raw.bind(2, text: name)
        raw.bind(3, json: register.value)
        raw.bind(4, Int64(bitPattern: register.stamp.hlc.rawValue))
        raw.bind(5, try sites.index(of: register.stamp.site, db))
        guard try raw.run(db) > 0 else { return false }
        return true
    }

    static let fieldSQL = """
        INSERT INTO field (record, name, value, hlc, site) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (record, name) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, site = excluded.site
        WHERE excluded.hlc > hlc OR (excluded.hlc = hlc AND (\(KindTable.siteWins("excluded.site", "site"))
          OR (excluded.site = site AND \(KindTable.valueWins("excluded.value", "value")))))
        """

    /// For resumes: the position and causal-length changes that will win, read before the
    /// upsert, go to `history` (fields are recorded as they win, in `merge`).
    private mutating func recordHistory(_ record: Pending, position: Register?, table: KindTable) throws {
        let row = try Row.fetchOne(db, sql: "SELECT cl, cl_stamp, r_pos FROM \(table.storage) WHERE id = ?", arguments: [record.id.data])
        if let length = record.length {
            let stored = try row.flatMap { row in try StoredRegister.causalLength(row) }
            if stored.map({ $0 < length }) ?? true {
                try appendHistory(record.id, Change.causalLengthField, Register(value: .number(Double(length.length)), stamp: length.stamp))
            }
        }
        if let position {
            let stored = try row.flatMap { try StoredRegister.read($0, "r_pos") }
            if stored.map({ $0.isBeaten(by: position) }) ?? true {
                try appendHistory(record.id, Change.positionField, position)
            }
        }
    }

    private mutating func appendHistory(_ id: RecordID, _ field: String, _ register: Register) throws {
        try db.execute(sql: "INSERT INTO history (record, field, value, hlc, site) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id.data, field, register.value.encoded(), Int64(bitPattern: register.stamp.hlc.rawValue),
                                   try sites.index(of: register.stamp.site, db)])
    }
}

/// Reading registers back from a row of a kind table.
enum StoredRegister {
    /// The register in blob column `column`; nil when never written.
    static func read(_ row: Row, _ column: String) throws -> Register? {
        guard let data: Data = row[column] else { return nil }
        return try RegisterBlob.decode(data)
    }

    /// The row's causal length; nil when it was never stamped (a record made by its fields).
    static func causalLength(_ row: Row) throws -> CausalLength? {
        guard let data: Data = row["cl_stamp"], let stamp = try RegisterBlob.stamp(data) else { return nil }
        return CausalLength(length: UInt64(row["cl"] as Int64), stamp: stamp)
    }
}

/// Values are stored as their stable JSON text.
enum JSONText {
    /// `value.encoded()`, with a fast path for text that needs no escapes (most of it).
    static func encode(_ value: JSONValue) -> String {
        guard case .string(let text) = value, needsNoEscapes(text) else { return value.encoded() }
        return "\"" + text + "\""
    }

    /// True when the text's JSON form is the text in quotes.
    static func needsNoEscapes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
                return false  // 0xE2 starts U+2028 and U+2029, which the encoder escapes
            }
            return true
        }
    }

    /// The string a JSON text holds when it is quoted text without escapes (most stored
    /// values), without a parser; nil for anything else. Sliced by UTF-8 bytes: slicing by
    /// characters runs grapheme breaking over the text.
    static func plainString<Bytes: BidirectionalCollection<UInt8>>(_ utf8: Bytes) -> String? {
        guard utf8.count >= 2, utf8.first == 0x22, utf8.last == 0x22 else { return nil }
        let inner = utf8.dropFirst().dropLast()
        guard !inner.contains(where: { $0 == 0x5C || $0 == 0x22 }) else { return nil }
        return String(decoding: inner, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> JSONValue {
        if let plain = plainString(text.utf8) { return .string(plain) }
        do { return try JSONParser.parse(text, path: "replica").0 } catch {
            throw StoreError.invalid("a stored value is not JSON: \(text.prefix(60))")
        }
    }
}

extension RecordID {
    /// The 16 bytes, as GRDB binds a blob.
    var data: Data { Data(bytes) }

    /// The id from a blob column.
    init?(data: Data?) {
        guard let data, data.count == 16 else { return nil }
        let (high, low) = data.withUnsafeBytes { buffer in
            (UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        self.init(high: high, low: low)
    }
}
