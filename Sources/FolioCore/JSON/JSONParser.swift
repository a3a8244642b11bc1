/// Parses JSON text into a `JSONValue`, remembering where each value starts so that
/// problems found later (a bad date in `work[2].startDate`) can name the line and column.
public struct JSONParser {
    /// Where each value starts, by path: "" for the root, "work[2].startDate", "basics.name".
    public typealias Locations = [String: (line: Int, column: Int)]

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var locations: Locations = [:]
    private let path: String
    private var depth = 0
    private var recording = true

    /// Parses `text`; `path` names the file in diagnostics.
    public static func parse(_ text: String, path: String) throws(DiagnosticError) -> (JSONValue, Locations) {
        var parser = JSONParser(bytes: Array(text.utf8), path: path)
        parser.skipWhitespace()
        let value = try parser.value(at: "")
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return (value, parser.locations)
    }

    /// Parses JSON bytes without remembering where values start: for machine-made JSON (sync
    /// request and reply bodies), where building a path for every value would cost more than
    /// the parse. Errors still name the line and column.
    public static func parse(bytes: [UInt8], path: String) throws(DiagnosticError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, path: path)
        parser.recording = false
        parser.skipWhitespace()
        let value = try parser.value(at: "")
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    private var column: Int { index - lineStart + 1 }

    private func error(_ message: String) -> DiagnosticError {
        DiagnosticError(Diagnostic(path: path, line: line, column: column, message: "invalid JSON: \(message)"))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func value(at valuePath: String) throws(DiagnosticError) -> JSONValue {
        guard index < bytes.count else { throw error("the text ends where a value should be") }
        if recording { locations[valuePath] = (line, column) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(at: valuePath)
        case UInt8(ascii: "["): return try array(at: valuePath)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func nest() throws(DiagnosticError) {
        depth += 1
        if depth > 512 { throw error("nested more than 512 levels deep") }
    }

    private mutating func object(at valuePath: String) throws(DiagnosticError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in quotes") }
            let key = try string()
            if object[key] != nil { throw error("key \"\(key)\" appears twice in the same object") }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            index += 1
            skipWhitespace()
            object[key] = try value(at: !recording ? "" : valuePath.isEmpty ? key : valuePath + "." + key)
            skipWhitespace()
            guard index < bytes.count else { throw error("the object is not closed with '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array(at valuePath: String) throws(DiagnosticError) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value(at: recording ? "\(valuePath)[\(items.count)]" : ""))
            skipWhitespace()
            guard index < bytes.count else { throw error("the list is not closed with ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw error("expected ',' or ']' in a list")
        }
    }

    private mutating func literal(_ word: String) throws(DiagnosticError) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
            throw error("unexpected character; expected a value")
        }
        index += expected.count
    }

    private mutating func number() throws(DiagnosticError) -> JSONValue {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self),
              let value = Double(text), value.isFinite else {
            index = start
            throw error("unexpected character; expected a value")
        }
        return .number(value)
    }

    private mutating func string() throws(DiagnosticError) -> String {
        index += 1  // opening quote
        var chunkStart = index
        var result = ""
        while true {
            guard index < bytes.count else { throw error("text in quotes is not closed") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                result += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                index += 1
                return result
            }
            if byte < 0x20 { throw error("a control character (or line break) inside quotes must be escaped") }
            if byte == UInt8(ascii: "\\") {
                result += String(decoding: bytes[chunkStart..<index], as: UTF8.self)
                index += 1
                guard index < bytes.count else { throw error("text in quotes is not closed") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): result += "\""
                case UInt8(ascii: "\\"): result += "\\"
                case UInt8(ascii: "/"): result += "/"
                case UInt8(ascii: "b"): result += "\u{08}"
                case UInt8(ascii: "f"): result += "\u{0C}"
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "r"): result += "\r"
                case UInt8(ascii: "t"): result += "\t"
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                       bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    result.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in text")
                }
                chunkStart = index
                continue
            }
            index += 1
        }
    }

    private mutating func hex4() throws(DiagnosticError) -> UInt32 {
        guard index + 4 <= bytes.count, let text = String(validating: bytes[index..<(index + 4)], as: UTF8.self),
              let code = UInt32(text, radix: 16) else { throw error("\\u must be followed by four hex digits") }
        index += 4
        return code
    }
}
