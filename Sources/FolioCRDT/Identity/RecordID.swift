/// The identity of a record: a UUIDv7, generated on the device that creates the record.
///
/// Ordered by its 16 bytes, so ids made later sort later (millisecond resolution) and the
/// order is the same everywhere. Written in the usual 8-4-4-4-12 lowercase hex form:
/// ```
/// let id = RecordID(parsing: "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6")
/// ```
public struct RecordID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first 8 bytes, big-endian: 48-bit Unix milliseconds, version, 12 random bits.
    public let high: UInt64
    /// The last 8 bytes, big-endian: variant and 62 random bits.
    public let low: UInt64

    /// An id from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// A new UUIDv7 for the Unix time `milliseconds`, with random bits from `generator`.
    public static func make(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) -> RecordID {
        let randA = generator.next() & 0xFFF
        let randB = generator.next() & 0x3FFF_FFFF_FFFF_FFFF
        return RecordID(
            high: (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | randA,
            low: 0x8000_0000_0000_0000 | randB
        )
    }

    /// The 16 bytes, big-endian, as stored in SQLite.
    public var bytes: [UInt8] {
        (0..<16).map { index in
            let word = index < 8 ? high : low
            return UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64(index % 8)))
        }
    }

    /// The id from its 16 bytes; nil unless there are exactly 16.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    /// Parses the 8-4-4-4-12 hex form (either case); nil when it is not one.
    public init?(parsing text: String) {
        var high: UInt64 = 0, low: UInt64 = 0, index = 0, digits = 0
        for byte in text.utf8 {
            defer { index += 1 }
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard index < 36, let digit = Hex.value(of: byte) else { return nil }
            if digits < 16 { high = high << 4 | UInt64(digit) } else { low = low << 4 | UInt64(digit) }
            digits += 1
        }
        guard index == 36 else { return nil }
        self.init(high: high, low: low)
    }

    /// The Unix milliseconds a UUIDv7 carries.
    public var milliseconds: UInt64 { high >> 16 }

    /// The 32 hex digits without dashes, for prefix matching.
    public var hex: String { Hex.string(high, width: 16) + Hex.string(low, width: 16) }

    public var description: String {
        // Written byte by byte: ids are formatted for every change a sync sends.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 0
        for nibble in 0..<32 {
            if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
            let word = nibble < 16 ? high : low
            bytes[position] = digits[Int(word >> (60 - 4 * UInt64(nibble % 16)) & 0xF)]
            position += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

/// Lowercase hexadecimal helpers shared by the identity types.
enum Hex {
    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func string(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Parses exactly `width` hex digits.
    static func parse(_ text: String, width: Int) -> UInt64? {
        let utf8 = Array(text.utf8)
        guard utf8.count == width else { return nil }
        var value: UInt64 = 0
        for byte in utf8 {
            guard let digit = Hex.value(of: byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}
