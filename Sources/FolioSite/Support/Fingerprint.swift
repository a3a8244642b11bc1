/// A stable 64-bit FNV-1a hash, the same in every process and on every run.
///
/// Swift's `Hasher` is seeded per process, so it cannot tell whether an output's inputs
/// changed since the last build; this can.
struct Fingerprint: Sendable, Hashable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// Restores a value read back from a cache.
    mutating func set(_ raw: UInt64) {
        value = raw
    }

    mutating func add(_ bytes: some Sequence<UInt8>) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        value = hash
    }

    mutating func add(_ string: String) {
        var copy = string
        copy.withUTF8 { add($0) }
        add([0xFF])  // separator so ("ab","c") and ("a","bc") differ
    }

    mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }

    mutating func add(_ other: Fingerprint) {
        add(other.value)
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
