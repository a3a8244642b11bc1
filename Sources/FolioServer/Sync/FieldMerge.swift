import FolioCRDT

/// The FolioCRDT merge rule over stored registers: whether an incoming change beats the
/// field a store holds. `@cl` is a causal length (larger length wins, then stamp); every
/// other field is a last-writer-wins register (larger stamp, then site, then value by its
/// encoded bytes with null lowest). The same rule as `RecordState.apply`.
public enum FieldMerge {
    /// What the rule needs of a held register: its value as stable JSON text, and its stamp.
    public struct Held: Sendable, Hashable {
        /// The value's stable encoding.
        public var value: String
        /// Who wrote it, and when.
        public var stamp: FieldStamp

        /// A held register from its parts.
        public init(value: String, stamp: FieldStamp) {
            self.value = value
            self.stamp = stamp
        }
    }

    /// True when `change` (its value encoded as `encodedValue`) wins against `held`.
    public static func wins(_ change: Change, encodedValue: String, over held: Held?) -> Bool {
        guard let held else { return true }
        if change.field == Change.causalLengthField {
            let heldLength = UInt64(held.value) ?? Double(held.value).map { UInt64($0) } ?? 0
            let incoming = CausalLength(length: change.causalLength ?? 0, stamp: change.stamp)
            return CausalLength(length: heldLength, stamp: held.stamp) < incoming
        }
        if held.stamp != change.stamp { return held.stamp < change.stamp }
        return ValueOrder.less(encoded: held.value, encodedValue)
    }
}
