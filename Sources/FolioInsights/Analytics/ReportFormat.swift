import FolioCore

/// Small text helpers shared by the report's text, HTML and SVG forms.
enum ReportFormat {
    /// `0.256` as "25.6%".
    static func percent(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A median in days: "4", "4.5" or "-".
    static func days(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() ? String(Int(value)) : String(format1(value))
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// Text made safe for HTML and SVG element content and quoted attributes.
    static func escape(_ text: String) -> String { HTMLEscape.escape(text) }
}
