/// Positions for ordered lists: string keys that sort between their neighbours.
///
/// Keys use the 62 digits `0-9A-Za-z` (in ASCII order) and never end in `0`, so there is
/// always room between two different keys. Each new key gets a short random suffix, so two
/// devices inserting at the same place at the same time get different keys; items still
/// sort by (position, id), so even a collision orders the same everywhere.
/// ```
/// var rng = SystemRandomNumberGenerator()
/// let first = FractionalIndex.between(nil, nil, using: &rng)     // e.g. "Vx3k"
/// let before = FractionalIndex.between(nil, first, using: &rng)  // sorts before first
/// ```
public enum FractionalIndex {
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
    static let base = digits.count
    /// Random digits appended to every new key.
    public static let suffixLength = 3

    /// True when `key` is a usable position: non-empty, only `0-9A-Za-z`, not ending in `0`.
    public static func isValid(_ key: String) -> Bool {
        let utf8 = Array(key.utf8)
        guard let last = utf8.last, last != digits[0] else { return false }
        return utf8.allSatisfy { digitValue($0) != nil }
    }

    /// A new key strictly between `lower` and `upper` (nil: the start or end of the list).
    /// Both must be valid keys with `lower < upper`.
    public static func between(_ lower: String?, _ upper: String?, using generator: inout some RandomNumberGenerator) -> String {
        let low = Array((lower ?? "").utf8)
        let high = upper.map { Array($0.utf8) }
        precondition(high.map { low.lexicographicallyPrecedes($0) } ?? true, "between: lower must sort before upper")
        var key = midpoint(low[...], high?[...])
        // A key that is a prefix of `upper` would sort after it once a suffix is added.
        while let high, high.starts(with: key) {
            key = midpoint(key[...], high[...])
        }
        for index in 0..<suffixLength {
            let range = index == suffixLength - 1 ? 1..<base : 0..<base
            key.append(digits[Int.random(in: range, using: &generator)])
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `count` keys in increasing order between `lower` and `upper`, for filling a list.
    /// Keys stay short (about log62(count) digits plus the suffix for a new list, a few per
    /// halving otherwise): adding items one after another would grow them with each item.
    public static func sequence(count: Int, after lower: String?, before upper: String?,
                                using generator: inout some RandomNumberGenerator) -> [String] {
        guard count > 0 else { return [] }
        if lower == nil, upper == nil { return evenlySpaced(count, using: &generator) }
        var keys = Array(repeating: "", count: count)
        fill(&keys, 0..<count, lower, upper, using: &generator)
        return keys
    }

    /// Bisection: the middle key first, then each half between its neighbours.
    private static func fill(_ keys: inout [String], _ range: Range<Int>, _ lower: String?, _ upper: String?,
                             using generator: inout some RandomNumberGenerator) {
        guard !range.isEmpty else { return }
        let middle = range.lowerBound + range.count / 2
        let key = between(lower, upper, using: &generator)
        keys[middle] = key
        fill(&keys, range.lowerBound..<middle, lower, key, using: &generator)
        fill(&keys, (middle + 1)..<range.upperBound, key, upper, using: &generator)
    }

    /// Fixed-width keys spread over the whole key space, each with a suffix.
    private static func evenlySpaced(_ count: Int, using generator: inout some RandomNumberGenerator) -> [String] {
        var width = 1
        var space = base
        while space < count + 2 { width += 1; space *= base }
        let step = space / (count + 1)
        return (1...count).map { index in
            var value = index * step
            var digitsOfKey = [UInt8](repeating: digits[0], count: width)
            for position in stride(from: width - 1, through: 0, by: -1) {
                digitsOfKey[position] = digits[value % base]
                value /= base
            }
            for suffixIndex in 0..<suffixLength {
                let range = suffixIndex == suffixLength - 1 ? 1..<base : 0..<base
                digitsOfKey.append(digits[Int.random(in: range, using: &generator)])
            }
            return String(decoding: digitsOfKey, as: UTF8.self)
        }
    }

    /// The shortest key between `low` and `high` without a suffix (after Greenspan's
    /// "Implementing Fractional Indexing"); `high == nil` means no upper bound.
    static func midpoint(_ low: ArraySlice<UInt8>, _ high: ArraySlice<UInt8>?) -> [UInt8] {
        if let high {
            var common = 0
            while common < high.count,
                  (common < low.count ? low[low.startIndex + common] : digits[0]) == high[high.startIndex + common] {
                common += 1
            }
            if common > 0 {
                let rest = midpoint(low.dropFirst(common), high.dropFirst(common))
                return Array(high.prefix(common)) + rest
            }
        }
        let lowDigit = low.first.flatMap(digitValue) ?? 0
        let highDigit = high?.first.flatMap(digitValue) ?? base
        if highDigit - lowDigit > 1 {
            return [digits[(lowDigit + highDigit) / 2]]
        }
        if let high, high.count > 1 {
            return [high[high.startIndex]]
        }
        return [digits[lowDigit]] + midpoint(low.dropFirst(), nil)
    }

    static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 36
        default: return nil
        }
    }
}
