/// A pull cursor: a position in a space's counter and the generation of the space's
/// history that handed it out, written `"POSITION.GENERATION"` (`"1200.9f86d081884c7d65"`);
/// `"0"` is the start, valid in every history.
///
/// A generation is a random token a store starts whenever its history may have diverged
/// from what devices saw: at the first write to a space after the store was opened (so a
/// server restored from an older backup starts a new one before it hands out counter values
/// again). A cursor is valid only when the generation that covers its position is still the
/// one it names; otherwise the device missed the history between (`409 must-reset`).
public struct SyncCursor: Sendable, Hashable, CustomStringConvertible {
    /// The counter value: every field up to it was seen.
    public var position: UInt64
    /// The generation covering `position`; nil only for the start.
    public var generation: String?

    /// The start of every history.
    public static let start = SyncCursor(position: 0, generation: nil)

    /// A cursor from its parts.
    public init(position: UInt64, generation: String?) {
        self.position = position
        self.generation = generation
    }

    /// Reads a cursor as handed out: `"0"` or `"POSITION.GENERATION"` (decimal without
    /// leading zeros, then 16 lowercase hex digits). A bare position (what servers before
    /// generations handed out) is not a cursor: it cannot be checked against the history.
    public init?(parsing text: String) {
        if text == "0" {
            self = .start
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let position = UInt64(parts[0]), String(position) == parts[0], position > 0,
              Self.isGeneration(parts[1]) else { return nil }
        self.init(position: position, generation: String(parts[1]))
    }

    /// True for 16 lowercase hex digits.
    static func isGeneration(_ text: Substring) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// A new random generation token.
    public static func newGeneration() -> String {
        let value = UInt64.random(in: 0...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public var description: String {
        guard let generation, position > 0 else { return "0" }
        return "\(position).\(generation)"
    }
}
