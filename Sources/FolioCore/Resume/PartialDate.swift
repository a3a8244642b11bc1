/// A resume date as JSON Resume allows it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept as written.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String
    public let year: Int
    public let month: Int?
    public let day: Int?

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1000 else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]),
                  value >= 1, value <= DateValue.daysIn(month: month!, year: year) else { return nil }
            day = value
        }
        self.text = text
        self.year = year
        self.month = month
        self.day = day
    }

    /// `Mar 2019`, or `2019` when only the year is known. Days are left out: resumes
    /// and applicant tracking systems read months.
    public var display: String {
        guard let month else { return String(year) }
        return "\(Self.months[month - 1]) \(year)"
    }

    /// `2019-03` (or `2019`): the same precision, one format, for plain text and ATS.
    public var normalized: String {
        guard let month else { return String(year) }
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    public var description: String { text }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}
