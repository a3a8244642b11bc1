import FolioCore
import FolioCRDT

extension PullResponse {
    /// Reads a reply from its bytes: the compact form folio-server writes (see `PullDecoder`)
    /// directly, anything else through the JSON parser and `init(json:)`.
    public init(bytes: [UInt8]) throws(WireError) {
        if let reply = PullDecoder.decode(bytes) {
            self = reply
            return
        }
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: bytes, path: "reply") } catch {
            throw WireError(.badRequest, "the reply is not JSON: \(error)")
        }
        try self.init(json: json)
    }
}

/// Reads pull replies in the exact compact form folio-server writes them (keys in
/// `Change.json`'s order, no whitespace) without building a JSON tree per change: pulled
/// pages are most of what a device decodes. Any other form (whitespace, other key order,
/// escapes in ids) gives nil, and the caller uses the general parser; values with escapes
/// or of other types than text go through the general parser here.
struct PullDecoder {
    private let bytes: [UInt8]
    private var index = 0

    /// The reply; nil when it is not in the compact form (use the general parser then).
    static func decode(_ bytes: [UInt8]) -> PullResponse? {
        var decoder = PullDecoder(bytes: bytes)
        return decoder.reply()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func reply() -> PullResponse? {
        guard expect(#"{"changes":["#) else { return nil }
        var changes: [Change] = []
        if peek != UInt8(ascii: "]") {
            repeat {
                guard let change = change() else { return nil }
                changes.append(change)
            } while skip(UInt8(ascii: ","))
        }
        guard expect(#"],"cursor":"#), let cursor = plainString(), expect(#","more":"#) else { return nil }
        let more: Bool
        if expect("true") { more = true } else if expect("false") { more = false } else { return nil }
        guard expect(#","server_hlc":"#), let clock = plainString(), expect("}"), index == bytes.count else { return nil }
        return PullResponse(changes: changes, cursor: cursor, more: more, serverHLC: clock)
    }

    private mutating func change() -> Change? {
        guard expect(#"{"id":"#), let id = plainString().flatMap(RecordID.init(parsing:)),
              expect(#","kind":"#), let kind = plainString(), expect(#","parent":"#) else { return nil }
        var parent: RecordID?
        if !expect("null") {
            guard let text = plainString(), let id = RecordID(parsing: text) else { return nil }
            parent = id
        }
        guard expect(#","field":"#), let field = plainString(), expect(#","value":"#), let value = value(),
              expect(#","hlc":"#), let hlc = plainString().flatMap(HybridTimestamp.init(parsing:)),
              expect(#","site":"#), let site = plainString().flatMap(SiteID.init(parsing:)), expect("}") else { return nil }
        return Change(record: id, kind: RecordKind(kind), parent: parent, field: field, value: value,
                      stamp: FieldStamp(hlc: hlc, site: site))
    }

    /// A JSON value: strings without escapes directly, anything else through the general parser.
    private mutating func value() -> JSONValue? {
        let start = index
        if peek == UInt8(ascii: "\""), let text = plainString() { return .string(text) }
        index = start
        guard skipValue() else { return nil }
        return try? JSONParser.parse(bytes: Array(bytes[start..<index]), path: "value")
    }

    /// Text in quotes without escapes; nil (not moving) otherwise.
    private mutating func plainString() -> String? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        let text = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        index = end + 1
        return text
    }

    /// Moves past one JSON value (strings with escapes, nested objects and lists).
    private mutating func skipValue() -> Bool {
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                guard index < bytes.count else { return false }
                index += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                index += 1
            case UInt8(ascii: ","): if depth == 0 { return true } else { index += 1 }
            default: index += 1
            }
            if depth == 0, index < bytes.count, [UInt8(ascii: ","), UInt8(ascii: "}")].contains(bytes[index]) { return true }
        }
        return depth == 0
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = text.withUTF8Buffer { expected in
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            return true
        }
        if matches { index += count }
        return matches
    }
}
