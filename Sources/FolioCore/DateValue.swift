import Foundation
/// A date (and optional time) as written in front matter or a resume, kept as written.
///
/// Accepts `YYYY-MM-DD`, optionally followed by `T` or a space, `HH:MM[:SS[.fff]]`
/// and a zone (`Z`, `+05:30`). A date without a zone is taken as UTC.
public struct DateValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Exactly what the user wrote.
    public let text: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int64
    public let year: Int
    public let month: Int
    public let day: Int
    /// Whether a time of day was given.
    public let hasTime: Bool

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Parses `text`; returns nil when it is not one of the accepted forms or not a real date.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let chars = Array(trimmed.utf8)
        guard chars.count >= 10, chars[4] == 45, chars[7] == 45,
              let year = Self.number(chars, 0, 4), let month = Self.number(chars, 5, 2),
              let day = Self.number(chars, 8, 2),
              (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        var seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400
        var hasTime = false
        if chars.count > 10 {
            guard let timeSeconds = Self.parseTime(chars[11...]), chars[10] == 84 || chars[10] == 32 else {
                return nil
            }
            seconds += timeSeconds
            hasTime = true
        }
        self.text = trimmed
        self.epochSeconds = seconds
        self.year = year
        self.month = month
        self.day = day
        self.hasTime = hasTime
    }

    /// RFC 3339 in UTC, e.g. `2024-03-01T00:00:00Z` (for sitemaps, feeds, `<time datetime>`).
    public var iso8601: String {
        let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
        let rest = Int(epochSeconds - days * 86_400)
        let (y, m, d) = Self.civilFromDays(days)
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))T"
            + "\(Self.pad(rest / 3600, 2)):\(Self.pad(rest % 3600 / 60, 2)):\(Self.pad(rest % 60, 2))Z"
    }

    /// `YYYY-MM-DD` of the date as written.
    public var isoDate: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// A reader's form: `March 1, 2024`.
    public var display: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }

    /// Short month and year: `Mar 2024`.
    public var monthYear: String { "\(Self.monthNames[month - 1].prefix(3)) \(year)" }

    public var description: String { text }

    public static func < (lhs: DateValue, rhs: DateValue) -> Bool {
        lhs.epochSeconds < rhs.epochSeconds
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, Howard Hinnant's algorithms)

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        let y = Int(yoe + era * 400) + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    private static func number(_ chars: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= chars.count else { return nil }
        var value = 0
        for c in chars[start..<(start + length)] {
            guard c >= 48, c <= 57 else { return nil }
            value = value * 10 + Int(c - 48)
        }
        return value
    }

    /// `HH:MM[:SS[.fff]][Z|±HH:MM]` -> seconds to add to midnight UTC.
    private static func parseTime(_ slice: ArraySlice<UInt8>) -> Int64? {
        let c = Array(slice)
        guard c.count >= 5, c[2] == 58, let h = number(c, 0, 2), let m = number(c, 3, 2),
              h < 24, m < 60 else { return nil }
        var index = 5
        var s = 0
        if index < c.count, c[index] == 58 {
            guard let sec = number(c, index + 1, 2), sec < 61 else { return nil }
            s = sec
            index += 3
            if index < c.count, c[index] == 46 {
                index += 1
                while index < c.count, c[index] >= 48, c[index] <= 57 { index += 1 }
            }
        }
        var offset = 0
        if index < c.count {
            if c[index] == 90 || c[index] == 122 {
                index += 1
            } else if c[index] == 43 || c[index] == 45 {
                let sign = c[index] == 45 ? -1 : 1
                guard let oh = number(c, index + 1, 2) else { return nil }
                index += 3
                var om = 0
                if index < c.count {
                    if c[index] == 58 { index += 1 }
                    guard let value = number(c, index, 2) else { return nil }
                    om = value
                    index += 2
                }
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard index == c.count else { return nil }
        return Int64(h * 3600 + m * 60 + s - offset)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

extension DateValue {
    /// Today's date in UTC.
    public static var today: DateValue {
        let days = Int64((Double(time(nil)) / 86_400).rounded(.down))
        let (y, m, d) = civilFromDays(days)
        return DateValue(String(format: "%04d-%02d-%02d", y, m, d))!
    }
}
