import FolioCore

/// What is due: reminders the user set, upcoming interviews, and follow-ups Folio suggests
/// (applied a week ago with no answer; a thank-you note the day after an interview; asking
/// for news a week after one). Overdue first, then by day and time.
///
/// ```
/// let items = Agenda(applications, today: CalendarDay("2024-05-10")!, days: 7).items
/// ```
public struct Agenda: Sendable {
    /// One thing to do.
    public struct Item: Sendable, Hashable {
        /// What kind of thing.
        public enum Kind: String, Sendable, Hashable {
            case reminder, interview, followUp = "follow-up", thankYou = "thank-you"
        }

        /// When it is due.
        public var due: CalendarDay
        /// For interviews: `HH:MM`, with `timeZone`.
        public var time: String?
        /// The zone of `time`.
        public var timeZone: String?
        /// Its kind.
        public var kind: Kind
        /// The application (hex id).
        public var application: String
        /// The company and role, for display.
        public var company: String, role: String
        /// What to do, in words.
        public var text: String
        /// True when `due` is before today.
        public var isOverdue: Bool
        /// True for Folio's suggestions (not something the user set).
        public var isSuggestion: Bool { kind == .followUp || kind == .thankYou }
    }

    /// Days without an answer before a suggested follow-up.
    public static let followUpAfterDays = 7

    /// The items, overdue first.
    public let items: [Item]

    /// The agenda of `applications` as of `today`, looking `days` ahead.
    public init(_ applications: [TrackedApplication], today: CalendarDay, days: Int,
                ghostAfter: Int = PipelineStatus.defaultGhostAfterDays) {
        let horizon = today.adding(days)
        var items: [Item] = []
        for application in applications {
            var context = Context(application: application, today: today, horizon: horizon, ghostAfter: ghostAfter)
            context.collect()
            items += context.items
        }
        items.sort(by: Self.order)
        self.items = items
    }

    /// Overdue first, then by day, time, company, application and kind: the tuple order,
    /// spelt out so that no tuple of copied strings is made per comparison.
    static func order(_ a: Item, _ b: Item) -> Bool {
        if a.isOverdue != b.isOverdue { return a.isOverdue }
        if a.due != b.due { return a.due < b.due }
        let (timeA, timeB) = (a.time ?? "", b.time ?? "")
        if timeA != timeB { return timeA < timeB }
        if a.company != b.company { return a.company < b.company }
        if a.application != b.application { return a.application < b.application }
        return a.kind.rawValue < b.kind.rawValue
    }

    /// One application's items.
    private struct Context {
        let application: TrackedApplication
        let today: CalendarDay, horizon: CalendarDay, ghostAfter: Int
        var items: [Item] = []

        mutating func collect() {
            let reminders = application.events.filter { $0.isReminder && !$0.done }
            for reminder in reminders {
                add(reminder.date, .reminder, reminder.note ?? "reminder")
            }
            for interview in application.events where interview.type == "interview" && interview.date >= today {
                var text = "interview"
                if !interview.people.isEmpty { text += " with " + interview.people.joined(separator: ", ") }
                if let place = interview.place { text += " at " + place }
                add(interview.date, .interview, text, time: interview.time, timeZone: interview.timeZone)
            }
            guard reminders.isEmpty, !PipelineStatus.closed.contains(application.status),
                  application.effectiveStatus(today: today, ghostAfter: ghostAfter) != "ghosted",
                  let last = application.lastMove else { return }
            suggest(after: last)
        }

        mutating func suggest(after last: TrackedEvent) {
            let weekLater = last.date.adding(Agenda.followUpAfterDays)
            switch last.type {
            case "applied":
                add(weekLater, .followUp, "follow up: applied \(last.date), no answer yet")
            case "interview" where last.date <= today:
                let nextDay = last.date.adding(1)
                if nextDay.days(until: today) < Agenda.followUpAfterDays - 1 {
                    add(nextDay, .thankYou, "send a thank-you note for the interview of \(last.date)")
                } else {
                    add(weekLater, .followUp, "ask for news: interviewed \(last.date), no answer since")
                }
            default:
                break
            }
        }

        mutating func add(_ due: CalendarDay, _ kind: Item.Kind, _ text: String, time: String? = nil, timeZone: String? = nil) {
            guard due <= horizon else { return }
            items.append(Item(due: due, time: time, timeZone: timeZone, kind: kind, application: application.id,
                              company: application.company, role: application.role, text: text, isOverdue: due < today))
        }
    }
}
