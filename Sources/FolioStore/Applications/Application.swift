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

    /// As JSON, for `--json`.
    public var json: JSONValue {
        var object = summary.json.objectValue!
        object["fields"] = .object(fields)
        object["events"] = .array(events.map { event in
            var item = JSONObject([("type", .string(event.type)), ("date", .string(event.date))])
            if let note = event.note { item["note"] = .string(note) }
            return .object(item)
        })
        object["notes"] = .array(notes.map(JSONValue.string))
        if let posting { object["posting"] = .object(posting) }
        if let snapshot { object["snapshot"] = snapshot.json }
        return .object(object)
    }
}

/// The statuses an application moves through (others are accepted too).
public enum ApplicationStatus {
    /// The pipeline, in order.
    public static let known = ["saved", "applied", "screening", "interview", "offer", "accepted", "rejected", "withdrawn"]
}
