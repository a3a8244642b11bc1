/// The stages of the application pipeline and the rules derived from them.
public enum PipelineStatus {
    /// Every stage a user can move an application to, in pipeline order.
    public static let all = ["saved", "applied", "screening", "interview", "offer", "accepted", "rejected", "withdrawn", "ghosted"]
    /// The stages of the funnel, in order: each one reached implies the ones before it.
    public static let funnel = ["applied", "screening", "interview", "offer", "accepted"]
    /// Stages after which nothing more is expected.
    public static let closed: Set<String> = ["accepted", "rejected", "withdrawn", "ghosted"]
    /// Stages that wait on the employer: silence there for long enough is ghosting.
    public static let waiting: Set<String> = ["applied", "screening", "interview"]
    /// Event types that are an answer from the employer.
    public static let responses: Set<String> = ["screening", "interview", "offer", "accepted", "rejected"]
    /// The event type of a reminder (not a stage).
    public static let reminder = "reminder"
    /// The default number of days without an answer after which an application counts as ghosted.
    public static let defaultGhostAfterDays = 30

    /// The funnel rank of a stage (applied 0, screening 1, ...); nil for stages outside it.
    public static func funnelRank(_ status: String) -> Int? { funnel.firstIndex(of: status) }

    /// The known stage a user's word means (case, spaces and common synonyms forgiven), or nil.
    ///
    /// `canonical("Phone screen")` is "screening", `canonical("Interviewing")` "interview".
    public static func canonical(_ word: String) -> String? {
        let key = word.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
        if all.contains(key) { return key }
        return synonyms[key]
    }

    private static let synonyms: [String: String] = [
        "wishlist": "saved", "bookmarked": "saved", "to apply": "saved", "interested": "saved",
        "submitted": "applied", "sent": "applied", "application sent": "applied",
        "screen": "screening", "phone screen": "screening", "recruiter call": "screening", "phone": "screening",
        "interviewing": "interview", "onsite": "interview", "on site": "interview", "technical interview": "interview",
        "offered": "offer", "offer received": "offer", "hired": "accepted", "offer accepted": "accepted",
        "declined": "rejected", "rejection": "rejected", "turned down": "rejected",
        "withdrew": "withdrawn", "no response": "ghosted", "no answer": "ghosted",
    ]
}

extension TrackedApplication {
    /// The last event that is not a reminder.
    public var lastMove: TrackedEvent? { events.last { !$0.isReminder } }

    /// The day of the last stage move (or the application's date).
    public var lastActivity: CalendarDay { events.filter { !$0.isReminder }.map(\.date).max() ?? date }

    /// The stage as of `today`: a waiting stage with no move for `ghostAfter` days is "ghosted".
    public func effectiveStatus(today: CalendarDay, ghostAfter: Int) -> String {
        guard PipelineStatus.waiting.contains(status), lastActivity.days(until: today) >= ghostAfter else { return status }
        return "ghosted"
    }

    /// The day it was sent: its first "applied" event, else its date (nil while only saved).
    public var appliedDay: CalendarDay? {
        if let applied = events.first(where: { $0.type == "applied" }) { return applied.date }
        return highestFunnelRank == nil ? nil : date
    }

    /// The furthest funnel stage it reached (by its events and its current status).
    public var highestFunnelRank: Int? {
        var best = PipelineStatus.funnelRank(status)
        for event in events {
            if let rank = PipelineStatus.funnelRank(event.type), rank > (best ?? -1) { best = rank }
        }
        if best == nil, events.contains(where: { PipelineStatus.responses.contains($0.type) || $0.type == "withdrawn" }) {
            best = 0  // rejected or withdrawn without an "applied" event: it was applied for
        }
        return best
    }

    /// The first answer from the employer after it was sent.
    public var firstResponse: TrackedEvent? {
        guard let applied = appliedDay else { return nil }
        return events.first { PipelineStatus.responses.contains($0.type) && $0.date >= applied }
    }
}
