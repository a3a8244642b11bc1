/// What a record is. Kinds are part of the wire format: a replica rejects a change of a kind
/// it does not know (a newer app's data must wait for an update rather than be misread).
public struct RecordKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The kind's name on the wire.
    public let rawValue: String

    /// A kind by name (known or not).
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A resume: JSON Resume's top-level objects as dotted fields (`basics.location.city`).
    public static let resume = RecordKind("resume")
    /// An item of a resume list (a work entry, a highlight, a skill, a profile, ...), a child
    /// of the resume or of another item.
    public static let item = RecordKind("item")
    /// A job application.
    public static let application = RecordKind("application")
    /// A dated event of an application (applied, interview, offer, ...).
    public static let event = RecordKind("event")
    /// A job posting: description text and metadata.
    public static let posting = RecordKind("posting")
    /// A person: recruiter, referrer, interviewer.
    public static let contact = RecordKind("contact")
    /// A free-text note, standalone or attached to a record.
    public static let note = RecordKind("note")
    /// An immutable copy of a resume at a moment, with a name.
    public static let snapshot = RecordKind("snapshot")
    /// The person's job-search wishes (location, remote, salary, employment, target roles),
    /// as dotted fields (`location.city`, `salary.min`).
    public static let profile = RecordKind("profile")

    /// Every kind this version knows.
    public static let known: [RecordKind] = [.resume, .item, .application, .event, .posting, .contact, .note, .snapshot, .profile]

    public var description: String { rawValue }

    public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
