import FolioCore

/// Dates as spreadsheets write them: ISO (`2024-05-01`, with or without a time), `2024/05/01`,
/// `01.05.2024` (day first), and `1/5/2024` (day or month first: told by `--day-first` /
/// `--month-first`, or by a part above 12).
enum ImportDate {
    struct Problem: Error { var message: String }

    static func parse(_ text: String, dayFirst: Bool?) -> Result<CalendarDay, Problem> {
        if text.count >= 10, let day = CalendarDay(text.prefix(10)), text.count == 10 || "T ".contains(text[text.index(text.startIndex, offsetBy: 10)]) {
            return .success(day)
        }
        let separator: Character? = text.contains("/") ? "/" : text.contains(".") ? "." : nil
        let parts = separator.map { text.split(separator: $0, omittingEmptySubsequences: false).map { Int($0) } } ?? []
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else {
            return .failure(Problem(message: "\"\(text)\" is not a date (use YYYY-MM-DD)"))
        }
        let fields: (year: Int, month: Int, day: Int)
        if a > 31 {
            fields = (a, b, c)
        } else if separator == "." || dayFirst == true || (dayFirst == nil && a > 12) {
            fields = (c, b, a)
        } else if dayFirst == false || b > 12 {
            fields = (c, a, b)
        } else {
            return .failure(Problem(message: "\"\(text)\" could be day/month or month/day; say which with --day-first or --month-first"))
        }
        let year = fields.year < 100 ? 2000 + fields.year : fields.year
        guard let ordinal = CalendarDay.ordinal(year: year, month: fields.month, day: fields.day) else {
            return .failure(Problem(message: "\"\(text)\" is not a real date"))
        }
        return .success(CalendarDay(ordinal: ordinal))
    }
}
