/// The identity of a device's replica: 64 random bits, chosen once when the replica is made.
///
/// Breaks ties between equal clock stamps: the higher site id wins. Written as 16 lowercase
/// hex digits, so text order and number order agree.
public struct SiteID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 64 bits.
    public let rawValue: UInt64

    /// A site id from its 64 bits.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// A new random site id.
    public static func random(using generator: inout some RandomNumberGenerator) -> SiteID {
        SiteID(rawValue: generator.next())
    }

    /// Parses 16 hex digits; nil otherwise.
    public init?(parsing text: String) {
        guard let value = Hex.parse(text, width: 16) else { return nil }
        self.rawValue = value
    }

    public var description: String { Hex.string(rawValue, width: 16) }

    public static func < (lhs: SiteID, rhs: SiteID) -> Bool { lhs.rawValue < rhs.rawValue }
}
