import ArgumentParser
import FolioCore
import Foundation

/// `--today` and `--ghost-after`, shared by the commands that judge applications by date.
struct TrackingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Judge dates as if today were this day, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var today: String?
    @Option(help: ArgumentHelp(
        "Days without an answer after which a waiting application counts as ghosted (default: $FOLIO_GHOST_AFTER, else \(PipelineStatus.defaultGhostAfterDays)).",
        valueName: "days"))
    var ghostAfter: Int?

    func validate() throws {
        try Replica.validateDay(today, option: "today")
        if let ghostAfter, ghostAfter < 1 { throw ValidationError("--ghost-after must be at least 1 day") }
        if ghostAfter == nil, let text = ProcessInfo.processInfo.environment["FOLIO_GHOST_AFTER"], (Int(text) ?? 0) < 1 {
            throw ValidationError("FOLIO_GHOST_AFTER must be a number of days (at least 1), not \"\(text)\"")
        }
    }

    /// The day dates are judged against.
    var day: CalendarDay {
        today.flatMap { CalendarDay($0) } ?? CalendarDay(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000))
    }

    /// The ghosting threshold in days.
    var ghostDays: Int {
        ghostAfter ?? ProcessInfo.processInfo.environment["FOLIO_GHOST_AFTER"].flatMap { Int($0) } ?? PipelineStatus.defaultGhostAfterDays
    }
}
