/// Device tokens: 256 random bits from the system's secure random source, written as 64
/// hex digits after `fst_` (so a leaked token is recognisable). The server stores only
/// `SHA256.hex(token)`.
public enum DeviceToken {
    /// A new token.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4).map { _ in generator.next() as UInt64 }
        return "fst_" + words.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The digest stored for a token.
    public static func hash(_ token: String) -> String {
        SHA256.hex(token)
    }
}
