/// A Hybrid Logical Clock reading: 48 bits of Unix milliseconds and a 16-bit counter, packed
/// into one 64-bit number so that comparing stamps is comparing numbers.
///
/// Written as 16 lowercase hex digits (`0190f3a45b6c0003`): text order equals time order, and
/// the value survives JSON, whose numbers stop being exact at 2^53.
public struct HybridTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `milliseconds << 16 | counter`.
    public let rawValue: UInt64

    /// The largest stamp that fits SQLite's signed 64-bit integers (the year 6429).
    public static let maximum = HybridTimestamp(rawValue: UInt64(Int64.max))
    /// Before every real stamp.
    public static let zero = HybridTimestamp(rawValue: 0)

    /// A stamp from its packed 64 bits.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// A stamp from Unix milliseconds (48 bits kept) and a counter.
    public init(milliseconds: UInt64, counter: UInt16) {
        self.rawValue = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | UInt64(counter)
    }

    /// The Unix milliseconds.
    public var milliseconds: UInt64 { rawValue >> 16 }
    /// The counter within the millisecond.
    public var counter: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// Parses 16 hex digits; nil otherwise or when past `maximum`.
    public init?(parsing text: String) {
        guard let value = Hex.parse(text, width: 16), value <= Self.maximum.rawValue else { return nil }
        self.rawValue = value
    }

    public var description: String { Hex.string(rawValue, width: 16) }

    public static func < (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool { lhs.rawValue < rhs.rawValue }
}
