/// An application as the tracker and the analytics see it: plain values read from the
/// replica in one pass, with its events in order.
public struct TrackedApplication: Sendable, Hashable {
    /// The record id (32 hex digits).
    public var id: String
    /// The company.
    public var company: String
    /// The role applied for.
    public var role: String
    /// The stage recorded last (`PipelineStatus` names, or anything a user wrote).
    public var status: String
    /// When it was made.
    public var date: CalendarDay
    /// Where the opening was found: referral, job board, company site, ...
    public var source: String?
    /// The resume variant that was sent: the snapshot's resume name, or what an import said.
    public var variant: String?
    /// The company's size, as the user wrote it (e.g. "51-200", "startup").
    public var companySize: String?
    /// Where the job is.
    public var location: String?
    /// The posting's URL.
    public var url: String?
    /// Its events (stage moves, interviews, reminders), in list order.
    public var events: [TrackedEvent]

    /// An application with no events; add them to `events`.
    public init(id: String, company: String, role: String, status: String, date: CalendarDay, events: [TrackedEvent] = []) {
        self.id = id
        self.company = company
        self.role = role
        self.status = status
        self.date = date
        self.events = events
    }
}

/// A dated event of an application: a move to a stage (its `type` is the stage), an
/// interview, or a reminder (`type == "reminder"`).
public struct TrackedEvent: Sendable, Hashable {
    /// The event's record id (32 hex digits): stable, so calendar exports keep their UIDs.
    public var id: String
    /// The stage moved to, or "reminder".
    public var type: String
    /// When (for a reminder: when it is due).
    public var date: CalendarDay
    /// A time of day, `HH:MM`, for interviews.
    public var time: String?
    /// An IANA time zone for `time`, e.g. "Europe/Berlin".
    public var timeZone: String?
    /// Where: an address or a meeting link.
    public var place: String?
    /// Who: interviewers, by name.
    public var people: [String]
    /// A note.
    public var note: String?
    /// For reminders: dealt with.
    public var done: Bool

    /// An event of `type` on `date`.
    public init(id: String, type: String, date: CalendarDay, note: String? = nil) {
        self.id = id
        self.type = type
        self.date = date
        self.note = note
        self.people = []
        self.done = false
    }

    /// True for a reminder the user set.
    public var isReminder: Bool { type == PipelineStatus.reminder }
}
