/// A calendar day (no time, no zone), as days since 1970-01-01: cheap to compare, subtract
/// and bucket by week.
///
/// ```
/// let day = CalendarDay("2024-05-01")!
/// day.adding(7).description   // "2024-05-08"
/// day.weekStart.description   // "2024-04-29" (the Monday)
/// ```
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Parses exactly `YYYY-MM-DD` (a real date); nil otherwise.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]), let day = Self.number(bytes[8..<10]),
              let ordinal = Self.ordinal(year: year, month: month, day: day) else { return nil }
        self.ordinal = ordinal
    }

    /// The day holding a Unix time in milliseconds, in UTC.
    public init(milliseconds: UInt64) {
        ordinal = Int(milliseconds / 86_400_000)
    }

    /// Days since 1970-01-01 of a civil date; nil when the date does not exist.
    public static func ordinal(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= DateValue.daysIn(month: month, year: year) else { return nil }
        return Int(DateValue.daysFromCivil(year: year, month: month, day: day))
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let (year, month, day) = DateValue.civilFromDays(Int64(ordinal))
        return (year, month, day)
    }

    /// `days` later (earlier when negative).
    public func adding(_ days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int { other.ordinal - ordinal }

    /// The Monday of this day's week (ISO 8601 weeks start on Monday; 1970-01-01 was a Thursday).
    public var weekStart: CalendarDay {
        let weekday = ((ordinal + 3) % 7 + 7) % 7  // 0 = Monday
        return adding(-weekday)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        return Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// `YYYYMMDD`, as iCalendar writes dates.
    public var compact: String { String(description.filter { $0 != "-" }) }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
