import Foundation

/// Employment types in one spelling: `full-time`, `part-time`, `contract`, `temporary`,
/// `internship` (schema.org's `FULL_TIME`, Lever's `Full Time`, ...).
enum EmploymentType {
    static func normalize(_ value: String) -> String? {
        let lower = value.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if lower.contains("full") || lower.contains("permanent") { return "full-time" }
        if lower.contains("part") { return "part-time" }
        if lower.contains("intern") { return "internship" }
        if lower.contains("contract") || lower.contains("freelance") || lower.contains("contractor") { return "contract" }
        if lower.contains("temp") || lower.contains("seasonal") { return "temporary" }
        return nil
    }
}

/// `remote`, `hybrid` or `on-site`.
enum Workplace {
    static func normalize(_ value: String) -> String? {
        let lower = value.lowercased()
        if lower.contains("hybrid") { return "hybrid" }
        if lower.contains("remote") || lower.contains("telecommute") { return "remote" }
        if lower.contains("site") || lower.contains("office") { return "on-site" }
        return nil
    }
}

/// `year`, `month`, `week`, `day` or `hour` (schema.org `unitText`, Lever `interval`).
enum SalaryPeriod {
    static func normalize(_ value: String) -> String {
        let lower = value.lowercased()
        for period in ["hour", "day", "week", "month"] where lower.contains(period) { return period }
        return "year"
    }
}

/// Calendar days in UTC.
enum DayText {
    static func from(milliseconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
    }
}
