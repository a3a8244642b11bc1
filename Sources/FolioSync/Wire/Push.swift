import FolioCore
import FolioCRDT

/// `POST /v1/spaces/{space}/push`: a batch of changes from one device. `batch` is a UUID
/// the client picks once per batch and reuses on every retry of it; the server remembers
/// (site, batch) and answers a repeat with the first answer, applying nothing again.
public struct PushRequest: Sendable, Hashable {
    /// The pushing replica's site id.
    public var site: SiteID
    /// The batch id (a UUID, reused on retries).
    public var batch: String
    /// The changes, in the encoding of `Change.json`.
    public var changes: [Change]

    /// A request from its parts.
    public init(site: SiteID, batch: String, changes: [Change]) {
        self.site = site
        self.batch = batch
        self.changes = changes
    }

    /// The body's JSON.
    public var json: JSONValue {
        ["site": .string(site.description), "batch_id": .string(batch), "changes": .array(changes.map(\.json))]
    }

    /// Reads a request body: unknown fields, a bad site or batch id, or any malformed change
    /// refuse the whole batch. Kinds are not checked here (the server's store does).
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "")
        try object.only(["site", "batch_id", "changes"])
        guard let site = SiteID(parsing: try object.string("site")) else {
            throw WireError(.badRequest, "site must be 16 hex digits")
        }
        let batch = try object.string("batch_id")
        guard RecordID(parsing: batch) != nil else { throw WireError(.badRequest, "batch_id must be a UUID") }
        self.site = site
        self.batch = batch
        self.changes = try ChangeList.decode(try object.array("changes"), at: "changes")
    }
}

/// The reply to a push: how many changes were taken, the space's cursor after them, the
/// server's clock, and whether this was a repeat of a batch already applied.
public struct PushResponse: Sendable, Hashable {
    /// The number of changes in the batch (all of them: a batch applies whole or not at all).
    public var acked: Int
    /// The space's cursor after this batch. Informational: a client's pull cursor moves
    /// only by pulling, or it would skip other devices' changes.
    public var cursor: String
    /// The server's clock reading; the client advances its clock to it.
    public var serverHLC: String
    /// True when the server had already applied this (site, batch).
    public var duplicate: Bool

    /// A reply from its parts.
    public init(acked: Int, cursor: String, serverHLC: String, duplicate: Bool) {
        self.acked = acked
        self.cursor = cursor
        self.serverHLC = serverHLC
        self.duplicate = duplicate
    }

    /// The reply's JSON.
    public var json: JSONValue {
        ["acked": .number(Double(acked)), "cursor": .string(cursor), "server_hlc": .string(serverHLC), "duplicate": .bool(duplicate)]
    }

    /// Reads a reply.
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "")
        acked = try object.int("acked")
        cursor = try object.string("cursor")
        serverHLC = try object.string("server_hlc")
        duplicate = try object.bool("duplicate")
    }
}

/// Decoding a list of changes with the index of a bad one in the message.
enum ChangeList {
    static func decode(_ items: [JSONValue], at path: String) throws(WireError) -> [Change] {
        var changes: [Change] = []
        changes.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            do { changes.append(try Change(json: item)) } catch {
                throw WireError(.invalidChange, "\(path)[\(index)]: \(error)")
            }
        }
        return changes
    }
}
