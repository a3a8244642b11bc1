/// Whether a record exists, as a causal length: odd is alive, even is deleted.
///
/// Deleting an alive record or restoring a deleted one adds one; merging takes the larger
/// length (ties broken by stamp so every replica keeps the same stamp too). A delete and a
/// concurrent undelete of the same length therefore agree, and a later undelete always beats
/// an earlier delete. Tombstones stay: nothing is destroyed by a timer.
public struct CausalLength: Sendable, Hashable, Comparable {
    /// Odd: alive; even: deleted.
    public var length: UInt64
    /// Who set this length, and when.
    public var stamp: FieldStamp

    /// A causal length set at `stamp`.
    public init(length: UInt64, stamp: FieldStamp) {
        self.length = length
        self.stamp = stamp
    }

    /// True for an odd length.
    public var isAlive: Bool { length % 2 == 1 }

    /// The length after deleting (when alive) or restoring (when deleted).
    public func toggled(stamp: FieldStamp) -> CausalLength {
        CausalLength(length: length + 1, stamp: stamp)
    }

    /// The length one step on that leaves the record `alive`, or nil when it already is.
    public func setting(alive: Bool, stamp: FieldStamp) -> CausalLength? {
        isAlive == alive ? nil : toggled(stamp: stamp)
    }

    /// The larger of the two (by length, then stamp).
    public func merged(with other: CausalLength) -> CausalLength { max(self, other) }

    public static func < (lhs: CausalLength, rhs: CausalLength) -> Bool {
        (lhs.length, lhs.stamp) < (rhs.length, rhs.stamp)
    }
}
