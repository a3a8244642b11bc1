import FolioCore
import FolioCRDT

/// What `folio app add` records.
public struct ApplicationDraft: Sendable {
    /// The company.
    public var company: String
    /// The role applied for.
    public var role: String
    /// The posting's URL.
    public var url: String?
    /// The stage it starts at.
    public var status: String = "applied"
    /// `YYYY-MM-DD`; nil is today.
    public var date: String?
    /// The job description text, kept as a posting record.
    public var postingText: String?
    /// The resume that was sent: a snapshot of it is taken and linked.
    public var resume: String?
    /// Where the opening was found: referral, job board, company site, ...
    public var source: String?
    /// Where the job is.
    public var location: String?
    /// The company's size, as the user writes it ("51-200", "startup").
    public var companySize: String?
    /// The resume variant's name when no snapshot is linked (imports).
    public var variant: String?

    /// A draft for `role` at `company`; the rest defaults.
    public init(company: String, role: String) {
        self.company = company
        self.role = role
    }
}

/// An application in listings.
public struct ApplicationSummary: Sendable, Hashable {
    /// The application's id.
    public var id: RecordID
    /// The company.
    public var company: String
    /// The role applied for.
    public var role: String
    /// The current stage.
    public var status: String
    /// When it was made (YYYY-MM-DD).
    public var date: String
    /// The posting's URL.
    public var url: String?

    /// As JSON, for `--json`.
    public var json: JSONValue {
        var object = JSONObject([("id", .string(id.description)), ("company", .string(company)), ("role", .string(role)),
                                 ("status", .string(status)), ("date", .string(date))])
        if let url { object["url"] = .string(url) }
        return .object(object)
    }
}

/// An application with its events, notes, posting and the snapshot that was sent.
public struct ApplicationDetail: Sendable, Hashable {
    /// A dated step: applied, interview, offer, ...
    public struct Event: Sendable, Hashable {
        /// The stage it moved to.
        public var type: String
        /// When it was made (YYYY-MM-DD).
        public var date: String
        /// A note on the event.
        public var note: String?
        /// Interview details and reminder state, when given.
        public var details = EventDetails()
        /// For a reminder: dealt with.
        public var done = false
    }

    /// The fields listings show.
    public var summary: ApplicationSummary
    /// Every field the record holds, unknown ones included.
    public var fields: JSONObject
    /// Its events, in order.
    public var events: [Event]
    /// Its notes, in order.
    public var notes: [String]
    /// The posting's fields (title, company, url, text).
    public var posting: JSONObject?
    /// The resume snapshot that was sent.
    public var snapshot: SnapshotSummary?
    /// The people linked to it (recruiter, hiring manager, referrer).
    public var contacts: [ContactDraft] = []

    /// As JSON, for `--json`.
    public var json: JSONValue {
        var object = summary.json.objectValue!
        object["fields"] = .object(fields)
        object["events"] = .array(events.map { event in
            var item = JSONObject([("type", .string(event.type)), ("date", .string(event.date))])
            if let note = event.note { item["note"] = .string(note) }
            for (key, value) in event.details.fields { item[key == "timezone" ? "timeZone" : key] = value }
            if event.done { item["done"] = .bool(true) }
            return .object(item)
        })
        object["contacts"] = .array(contacts.map { .object(JSONObject($0.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })) })
        object["notes"] = .array(notes.map(JSONValue.string))
        if let posting { object["posting"] = .object(posting) }
        if let snapshot { object["snapshot"] = snapshot.json }
        return .object(object)
    }
}

/// The statuses an application moves through (others are accepted too).
public enum ApplicationStatus {
    /// The pipeline, in order (ghosted is also computed: see `PipelineStatus`).
    public static let known = PipelineStatus.all
}

/// Details of an event: for interviews, when, where and with whom.
public struct EventDetails: Sendable, Hashable {
    /// `HH:MM`.
    public var time: String?
    /// An IANA zone for `time`, e.g. "Europe/Berlin".
    public var timeZone: String?
    /// An address or a meeting link.
    public var place: String?
    /// Interviewers, by name.
    public var people: [String] = []

    /// No details.
    public init() {}

    /// The fields these details are stored as (fields without columns on the event).
    var fields: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        if let time { result["time"] = .string(time) }
        if let timeZone { result["timezone"] = .string(timeZone) }
        if let place { result["place"] = .string(place) }
        if !people.isEmpty { result["people"] = .array(people.map(JSONValue.string)) }
        return result
    }
}

/// A person linked to an application.
public struct ContactDraft: Sendable, Hashable {
    /// Their name.
    public var name: String
    /// recruiter, hiring manager, referrer, ...
    public var role: String?
    /// Their email address.
    public var email: String?
    /// Their phone number.
    public var phone: String?

    /// A contact called `name`.
    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
    }

    /// The contact record's fields.
    var fields: [String: JSONValue] {
        var result: [String: JSONValue] = ["name": .string(name)]
        if let role { result["role"] = .string(role) }
        if let email { result["email"] = .string(email) }
        if let phone { result["phone"] = .string(phone) }
        return result
    }
}
