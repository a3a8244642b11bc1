import FolioCore
import Foundation

/// Comma-separated values as RFC 4180 writes them: fields with a comma, quote, CR or LF
/// are quoted, quotes doubled, records end with CRLF. Reading also takes LF endings and a
/// UTF-8 byte order mark; anything not UTF-8 is refused with the line it was found on.
public enum CSVTable {
    /// A record and the 1-based line it starts on.
    public struct Record: Sendable, Hashable {
        /// The line the record starts on.
        public var line: Int
        /// Its fields.
        public var fields: [String]
    }

    /// The UTF-8 byte order mark, written first so spreadsheet programs read UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// `rows` as CSV text (with a byte order mark).
    public static func write(_ rows: [[String]]) -> String {
        var output = byteOrderMark
        for row in rows {
            output += row.map(quoted).joined(separator: ",") + "\r\n"
        }
        return output
    }

    /// A field, quoted when it must be.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Decodes a file's bytes as UTF-8 text, or says why it cannot and where.
    public static func text(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw DiagnosticError(Diagnostic(path: path, line: 1, message: "the file is UTF-16; save it as CSV UTF-8 and import again"))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.hasPrefix(byteOrderMark) ? String(text.dropFirst()) : text
        }
        let (line, column, byte) = firstInvalidByte(bytes)
        throw DiagnosticError(Diagnostic(path: path, line: line, column: column, message: String(
            format: "not UTF-8 (byte 0x%02X); the file looks like Latin-1 or Windows-1252: save it as CSV UTF-8 and import again",
            byte)))
    }

    private static func firstInvalidByte(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 { return (line, index - lineStart + 1, bytes[index]) }
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return (line, 1, 0)
    }

    /// The length of the valid UTF-8 sequence at `index`; 0 when it is not valid.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }

    /// Parses CSV text into records; an unterminated quote is an error at the line it opened.
    public static func parse(_ text: String, path: String) throws -> [Record] {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        return try parser.records(path: path)
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0, line = 1

        mutating func records(path: String) throws -> [Record] {
            var records: [Record] = []
            while index < scalars.count {
                let start = line
                let fields = try record(path: path)
                if fields != [""] { records.append(Record(line: start, fields: fields)) }
            }
            return records
        }

        /// One record, through its line end.
        mutating func record(path: String) throws -> [String] {
            var fields: [String] = []
            while true {
                let field = try self.field(path: path)
                fields.append(field)
                guard index < scalars.count else { return fields }
                let scalar = scalars[index]
                index += 1
                if scalar == "," { continue }
                guard scalar == "\r" || scalar == "\n" else {
                    throw DiagnosticError(Diagnostic(path: path, line: line, message: "text after a closing quote (quote the whole field)"))
                }
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                line += 1
                return fields
            }
        }

        mutating func field(path: String) throws -> String {
            var value = String.UnicodeScalarView()
            guard index < scalars.count, scalars[index] == "\"" else {
                while index < scalars.count, !["," as Unicode.Scalar, "\r", "\n"].contains(scalars[index]) {
                    value.append(scalars[index])
                    index += 1
                }
                return String(value)
            }
            let opened = line
            index += 1
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" { value.append("\""); index += 1; continue }
                    return String(value)
                }
                if scalar == "\n" { line += 1 }
                value.append(scalar)
            }
            throw DiagnosticError(Diagnostic(path: path, line: opened, message: "a quoted field is never closed (a \" is missing)"))
        }
    }
}
