import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio app board`: the pipeline as kanban columns in the terminal.
struct AppBoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Show the pipeline as a kanban board: one column per stage, most recently active first.",
        discussion: "Closed stages (accepted, rejected, withdrawn, ghosted) are counted below the board; --all shows them as columns."
    )

    @Flag(help: "Show closed stages as columns too.") var all = false
    @Option(help: "At most this many cards per column (default: 10).") var limit = 10
    @Option(help: "The board's width in characters (default: $COLUMNS, else 100).") var width: Int?
    @Flag(help: "Print JSON (stage -> applications) instead of the board.") var json = false
    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let width, width < 40 { throw ValidationError("--width must be at least 40") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        let applications = try Replica.run { try store.trackedApplications(profile: false, eventDetails: false) }
        let board = KanbanBoard(applications, today: tracking.day, ghostAfter: tracking.ghostDays)
        if json { Replica.printJSON(board.json); return }
        let columns = all ? board.columns : board.columns.filter { !PipelineStatus.closed.contains($0.stage) }
        let total = width ?? ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) } ?? 100
        print(board.render(columns, width: max(40, total), limit: limit), terminator: "")
        if !all {
            let closed = board.columns.filter { PipelineStatus.closed.contains($0.stage) && !$0.cards.isEmpty }
            if !closed.isEmpty { print("Closed: " + closed.map { "\($0.stage) \($0.cards.count)" }.joined(separator: ", ")) }
        }
    }
}

/// The board's columns and their text rendering.
struct KanbanBoard {
    struct Column { var stage: String; var cards: [TrackedApplication] }

    let columns: [Column]

    init(_ applications: [TrackedApplication], today: CalendarDay, ghostAfter: Int) {
        let byStage = Dictionary(grouping: applications) { $0.effectiveStatus(today: today, ghostAfter: ghostAfter) }
        let others = byStage.keys.filter { !PipelineStatus.all.contains($0) }.sorted()
        columns = (PipelineStatus.all + others).map { stage in
            Column(stage: stage, cards: (byStage[stage] ?? []).sorted { ($0.lastActivity, $0.id) > ($1.lastActivity, $1.id) })
        }
    }

    var json: JSONValue {
        .object(JSONObject(columns.map { column in
            (column.stage, .array(column.cards.map { card in
                .object(JSONObject([("id", .string(card.id)), ("company", .string(card.company)), ("role", .string(card.role)),
                                    ("since", .string(card.lastActivity.description))]))
            }))
        }))
    }

    func render(_ shown: [Column], width: Int, limit: Int) -> String {
        guard !shown.isEmpty else { return "" }
        let cell = max(8, (width - 3 * (shown.count - 1)) / shown.count)
        var rows = [shown.map { "\($0.stage.uppercased()) (\($0.cards.count))" }, shown.map { _ in String(repeating: "-", count: cell) }]
        let depth = min(limit, shown.map(\.cards.count).max() ?? 0)
        for index in 0..<depth {
            rows.append(shown.map { index < $0.cards.count ? $0.cards[index].company : "" })
            rows.append(shown.map { index < $0.cards.count ? "  " + $0.cards[index].role : "" })
        }
        let more = shown.map { $0.cards.count > limit ? "+ \($0.cards.count - limit) more" : "" }
        if more.contains(where: { !$0.isEmpty }) { rows.append(more) }
        return rows.map { row in
            var line = row.map { Self.fit($0, cell) }.joined(separator: " | ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// Text cut (with an ellipsis) or padded to `width` characters.
    static func fit(_ text: String, _ width: Int) -> String {
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - text.count)
    }
}
