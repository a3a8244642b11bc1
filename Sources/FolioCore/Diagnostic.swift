/// A problem found in a user's file, located by path, line and column.
///
/// Printed the way compilers print theirs, so editors and terminals can jump to it:
/// ```
/// content/posts/hello.md:3:7: error: date "2024-13-01" is not a date (YYYY-MM-DD)
/// ```
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// The file the problem is in, as the user would type it (usually relative to the site).
    public var path: String
    /// 1-based line; 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `path:line:col: severity: message`, leaving out a line or column that is unknown.
    public var description: String {
        var location = path
        if line > 0 {
            location += ":\(line)"
            location += ":\(max(column, 1))"
        }
        return "\(location): \(severity.rawValue): \(message)"
    }

}

/// One or more diagnostics, thrown when a build or an import cannot go on.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
