import FolioCore
import FolioCRDT

/// What `folio app add` records.
public struct ApplicationDraft: Sendable {
    public var company: String
    public var role: String
    public var url: String?
    public var status: String = "applied"
    /// `YYYY-MM-DD`; nil is today.
    public var date: String?
    /// The job description text, kept as a posting record.
    public var postingText: String?
    /// The resume that was sent: a snapshot of it is taken and linked.
    public var resume: String?

    public init(company: String, role: String) {
        self.company = company
        self.role = role
    }
}

/// An application in listings.
public struct ApplicationSummary: Sendable, Hashable {
    public var id: RecordID
    public var company: String
    public var role: String
    public var status: String
    public var date: String
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
    public struct Event: Sendable, Hashable {
        public var type: String
        public var date: String
        public var note: String?
    }

    public var summary: ApplicationSummary
    /// Every field the record holds, unknown ones included.
    public var fields: JSONObject
    public var events: [Event]
    public var notes: [String]
    public var posting: JSONObject?
    public var snapshot: SnapshotSummary?

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
    public static let known = ["saved", "applied", "screening", "interview", "offer", "accepted", "rejected", "withdrawn"]
}
