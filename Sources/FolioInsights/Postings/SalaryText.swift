/// Salary ranges as postings write them: `$120,000 - $150,000`, `$120k–150k`,
/// `120.000-140.000 EUR`, `£45,000 per year`, `$35/hour`.
enum SalaryText {
    /// (min, max, currency, period) of the first salary-like amount in `text`.
    static func find(_ text: String) -> (Double?, Double?, String?, String?)? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if let currency = symbols[scalars[index]], index + 1 < scalars.count, scalars[index + 1].properties.numericType != nil {
                var cursor = index + 1
                guard let low = number(scalars, &cursor), !isMagnitude(scalars, cursor) else { index += 1; continue }
                let high = rangeEnd(scalars, &cursor)
                let tail = String(String.UnicodeScalarView(scalars[cursor..<min(cursor + 24, scalars.count)])).lowercased()
                let period = tail.contains("hour") || tail.contains("/hr") ? "hour" : tail.contains("month") ? "month" : "year"
                let upper = high.map { $0 < low && low >= 1000 && $0 < 1000 ? $0 * 1000 : $0 }
                return (low, upper ?? low, currency, period)
            }
            index += 1
        }
        return nil
    }

    static let symbols: [Unicode.Scalar: String] = ["$": "USD", "\u{A3}": "GBP", "\u{20AC}": "EUR", "\u{20B9}": "INR", "\u{A5}": "JPY"]

    /// A number with thousands separators and an optional `k`, advancing `cursor`.
    static func number(_ scalars: [Unicode.Scalar], _ cursor: inout Int) -> Double? {
        var digits = ""
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            if scalar.properties.numericType != nil, scalar.isASCII { digits.unicodeScalars.append(scalar) }
            else if scalar == ",", cursor + 1 < scalars.count, scalars[cursor + 1].properties.numericType != nil {}
            else if scalar == ".", cursor + 3 < scalars.count, scalars[cursor + 1...cursor + 3].allSatisfy({ $0.properties.numericType != nil }) {}
            else { break }
            cursor += 1
        }
        guard var value = Double(digits) else { return nil }
        if cursor < scalars.count, scalars[cursor] == "k" || scalars[cursor] == "K" { value *= 1000; cursor += 1 }
        return value
    }

    /// True after `$400M`, `$2 billion`: company figures, not pay.
    static func isMagnitude(_ scalars: [Unicode.Scalar], _ cursor: Int) -> Bool {
        let tail = String(String.UnicodeScalarView(scalars[cursor..<min(cursor + 9, scalars.count)])).lowercased()
        return tail.hasPrefix("m") || tail.hasPrefix("b") || tail.hasPrefix(" million") || tail.hasPrefix(" billion")
    }

    /// The upper end after ` - `, `–`, `to`, with or without a currency sign.
    static func rangeEnd(_ scalars: [Unicode.Scalar], _ cursor: inout Int) -> Double? {
        var probe = cursor
        while probe < scalars.count, [" ", "-", "\u{2013}", "\u{2014}", "t", "o"].contains(scalars[probe]) { probe += 1 }
        guard probe > cursor, probe < scalars.count else { return nil }
        if symbols[scalars[probe]] != nil { probe += 1 }
        guard let high = number(scalars, &probe) else { return nil }
        cursor = probe
        return high
    }
}
