import FolioCore
import FolioCRDT
import GRDB
import GRDBSQLite

/// Binds and steps a GRDB statement through the SQLite C API, for the merge's hot loop,
/// where building GRDB argument arrays for every row costs more than the insert itself.
/// Only used inside a GRDB write closure, on that closure's connection.
struct RawStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        self.statement = statement
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, text: String?) {
        guard var text else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
        }
    }

    /// Binds NULL to each parameter of `indexes`.
    func bindNulls(_ indexes: ClosedRange<Int32>) {
        for index in indexes { sqlite3_bind_null(handle, index) }
    }

    /// Binds a value as its stable JSON text (`JSONText.encode`). Text that needs no
    /// escapes, most of it, is quoted in a stack buffer instead of a new string.
    func bind(_ index: Int32, json value: JSONValue?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        guard case .string(var text) = value, JSONText.needsNoEscapes(text) else {
            bind(index, text: JSONText.encode(value))
            return
        }
        text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 2) { buffer in
                buffer[0] = 0x22
                _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: utf8)
                buffer[utf8.count + 1] = 0x22
                _ = sqlite3_bind_text(handle, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
            }
        }
    }

    /// Binds a record id as its 16 bytes, without making an array.
    func bind(_ index: Int32, id: RecordID?) {
        guard let id else { sqlite3_bind_null(handle, index); return }
        withUnsafeBytes(of: (id.high.bigEndian, id.low.bigEndian)) { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, 16, Self.transient)
        }
    }

    /// Binds bytes without copying them: they must stay valid and unchanged until the
    /// statement has run (`run` resets it).
    func bind(_ index: Int32, borrowed bytes: UnsafeRawBufferPointer) {
        // A null pointer would bind NULL, not an empty blob: registers are never empty.
        precondition(!bytes.isEmpty, "borrowed blobs are registers, never empty")
        sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
    }

    func bind(_ index: Int32, blob: [UInt8]?) {
        guard let blob else { sqlite3_bind_null(handle, index); return }
        blob.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
        }
    }

    /// Steps through the statement's rows, calling `row` with each, and resets it: for
    /// listings, where GRDB's row values cost more than the query.
    func forEachRow(_ db: Database, _ row: (RawStatement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
            try row(self)
        }
    }

    /// The current row's column as a record id; nil unless it is a 16-byte blob.
    func id(_ column: Int32) -> RecordID? {
        guard sqlite3_column_bytes(handle, column) == 16, let bytes = sqlite3_column_blob(handle, column) else { return nil }
        return RecordID(bytes: UnsafeRawBufferPointer(start: bytes, count: 16))
    }

    /// The current row's column, a value's stable JSON text, as the string it holds; nil
    /// for NULL, other JSON values and text that is not JSON. Quoted text without escapes,
    /// most of it, is taken from SQLite's buffer without a parser.
    func jsonString(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
        if let plain = JSONText.plainString(bytes) { return plain }
        return (try? JSONText.decode(String(decoding: bytes, as: UTF8.self)))?.stringValue
    }

    /// Runs the statement to completion and resets it; returns the rows it changed.
    @discardableResult
    func run(_ db: Database) throws -> Int {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
