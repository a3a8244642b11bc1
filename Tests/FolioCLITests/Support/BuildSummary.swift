import Foundation

/// The one line `folio build` prints on success:
/// `Built 42 pages: 12 files written, 80 unchanged, 3 removed in 0.21 s, 1 warning -> /path/public`.
struct BuildSummary {
    var pages: Int
    var written: Int
    var unchanged: Int
    var removed: Int
    var output: String

    init?(_ line: String) {
        let pattern = #"^Built (\d+) pages?: (\d+) files? written, (\d+) unchanged(?:, (\d+) removed)? in [0-9.]+ s(?:, \d+ warnings?)? -> (.+)$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        func group(_ index: Int) -> String? {
            Range(match.range(at: index), in: line).map { String(line[$0]) }
        }
        guard let pages = group(1).flatMap(Int.init), let written = group(2).flatMap(Int.init),
              let unchanged = group(3).flatMap(Int.init), let output = group(5) else { return nil }
        self.pages = pages
        self.written = written
        self.unchanged = unchanged
        self.removed = group(4).flatMap(Int.init) ?? 0
        self.output = output
    }

    /// The summary of a successful run: exactly one line on stdout.
    static func of(_ run: RunResult) throws -> BuildSummary {
        guard run.status == 0 else { throw CLITestError("expected success\n\(run)") }
        guard run.stdoutLines.count == 1, let summary = BuildSummary(run.stdoutLines[0]) else {
            throw CLITestError("expected one 'Built N pages: ...' line on stdout\n\(run)")
        }
        return summary
    }
}
