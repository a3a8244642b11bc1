import ArgumentParser
import FolioCore
import FolioStore

/// `folio agenda [--days N]`: what is due, overdue first.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List what is due: reminders, interviews and suggested follow-ups, overdue first.",
        discussion: """
        Suggestions: a follow-up when an application has had no answer for \(Agenda.followUpAfterDays) days, a thank-you \
        note the day after an interview, and asking for news a week after one. Applications with a reminder of \
        their own get no suggestions.
        """
    )

    @Option(help: "How many days ahead to look (default: 7).") var days = 7
    @Flag(help: "Print JSON instead of a list.") var json = false
    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if days < 0 { throw ValidationError("--days must be 0 or more") }
    }

    func run() throws {
        let store = try storeOptions.openForReading()
        let agenda = try Replica.run { try store.agenda(today: tracking.day, days: days, ghostAfter: tracking.ghostDays) }
        if json { Replica.printJSON(.array(agenda.items.map(Self.json))); return }
        guard !agenda.items.isEmpty else {
            print("Nothing due in the next \(days) days.")
            return
        }
        let ids = Table.shortIDs(agenda.items.map(\.application))
        print(Table.render(header: ["DUE", "WHAT", "ID", "APPLICATION", "TODO"], rows: zip(ids, agenda.items).map { id, item in
            [item.isOverdue ? "\(item.due) overdue" : item.due.description + (item.time.map { " \($0)" } ?? ""),
             item.kind.rawValue, id, "\(item.company), \(item.role)",
             item.text + (item.timeZone.map { " (\($0))" } ?? "")]
        }), terminator: "")
    }

    static func json(_ item: Agenda.Item) -> JSONValue {
        var object = JSONObject([("due", .string(item.due.description)), ("kind", .string(item.kind.rawValue)),
                                 ("application", .string(item.application)), ("company", .string(item.company)),
                                 ("role", .string(item.role)), ("text", .string(item.text)),
                                 ("overdue", .bool(item.isOverdue)), ("suggestion", .bool(item.isSuggestion))])
        if let time = item.time { object["time"] = .string(time) }
        if let zone = item.timeZone { object["timeZone"] = .string(zone) }
        return .object(object)
    }
}
