import FolioCore
import Foundation

/// Escaping for text placed in HTML, XML and JSON inside `<script>`.
enum Escape {
    /// Escapes `& < > " '` so text is safe in element content and quoted attributes.
    static func html(_ text: String) -> String { HTMLEscape.escape(text) }

    /// XML 1.0 text: HTML escaping plus removal of control characters XML forbids.
    static func xml(_ text: String) -> String {
        let cleaned = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }
            ? text
            : String(String.UnicodeScalarView(text.unicodeScalars.filter {
                $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r"
            }))
        return html(cleaned)
    }

    /// A JSON string literal (with quotes) that is also safe inside an HTML `<script>`:
    /// `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so `</script>` cannot close it.
    static func jsonString(_ text: String) -> String {
        // In JSON text these three can only stand inside strings, so replacing them is safe.
        JSONValue.string(text).encoded()
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
