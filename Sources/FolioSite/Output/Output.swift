import FolioCore
import Foundation

/// One file of the built site.
struct Output: Sendable {
    enum Source: Sendable {
        /// Rendered on demand, only when the file may have changed.
        case render(@Sendable () -> String)
        /// Copied from a file of the site or theme.
        case copy(URL)
        /// Binary output made on demand (PDF, DOCX); a thrown diagnostic fails the build.
        case renderBytes(@Sendable () throws(DiagnosticError) -> [UInt8])
    }

    /// Relative to the output folder, `/`-separated.
    var path: String
    /// Hash of everything the file is made from; when it matches the last build's and the
    /// file is there, the file is left alone without rendering it. Nil: always render and
    /// compare bytes.
    var fingerprint: Fingerprint?
    var source: Source

    /// Whether a precompressed `.gz` copy belongs beside this file.
    var isCompressible: Bool {
        let lower = path.lowercased()
        return [".html", ".css", ".js", ".xml", ".svg", ".json", ".txt", ".mjs"].contains { lower.hasSuffix($0) }
    }
}
