import FolioCore

/// A last-writer-wins register: one field's value and who wrote it.
///
/// `merge` keeps the write that is greatest by (stamp, site, value with null lowest), so
/// merging is commutative, associative and idempotent, whatever order writes arrive in.
public struct Register: Sendable, Hashable {
    /// The value; null is a value too (the lowest on a tie).
    public var value: JSONValue
    /// Who wrote it, and when.
    public var stamp: FieldStamp

    /// A register holding `value` written at `stamp`.
    public init(value: JSONValue, stamp: FieldStamp) {
        self.value = value
        self.stamp = stamp
    }

    /// True when `other` wins against this register.
    public func isBeaten(by other: Register) -> Bool {
        if other.stamp != stamp { return stamp < other.stamp }
        return ValueOrder.less(value, other.value)
    }

    /// The winner of the two.
    public func merged(with other: Register) -> Register {
        isBeaten(by: other) ? other : self
    }
}
