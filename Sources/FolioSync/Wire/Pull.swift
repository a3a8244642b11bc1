import FolioCore
import FolioCRDT

/// The reply to `GET /v1/spaces/{space}/pull?since=CURSOR&limit=N`: the changes after the
/// cursor, in the order the server committed them, at most `limit` of them; the cursor to
/// ask from next; and whether more are waiting. A client pulls until `more` is false, and
/// stores each page's cursor in the same transaction as the page's changes.
public struct PullResponse: Sendable, Hashable {
    /// The changes (the winning state of each field changed after the cursor).
    public var changes: [Change]
    /// The cursor after these changes: opaque, pass it back as `since`.
    public var cursor: String
    /// True when changes after `cursor` exist already.
    public var more: Bool
    /// The server's clock reading.
    public var serverHLC: String

    /// A reply from its parts.
    public init(changes: [Change], cursor: String, more: Bool, serverHLC: String) {
        self.changes = changes
        self.cursor = cursor
        self.more = more
        self.serverHLC = serverHLC
    }

    /// The reply's JSON.
    public var json: JSONValue {
        ["changes": .array(changes.map(\.json)), "cursor": .string(cursor), "more": .bool(more), "server_hlc": .string(serverHLC)]
    }

    /// Reads a reply.
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "")
        changes = try ChangeList.decode(try object.array("changes"), at: "changes")
        cursor = try object.string("cursor")
        more = try object.bool("more")
        serverHLC = try object.string("server_hlc")
    }
}

/// The protocol's fixed names and default limits.
public enum SyncProtocol {
    /// The path prefix of this version.
    public static let version = "v1"
    /// The cursor of an empty space: pull from here to get everything.
    public static let initialCursor = "0"
    /// Pull page size when `limit` is not given, and the largest allowed.
    public static let defaultPullLimit = 1000
    /// The largest `limit` a pull may ask for.
    public static let maximumPullLimit = 5000
    /// The most changes a push may carry.
    public static let maximumBatch = 5000
    /// The largest request body, after decompression, in bytes.
    public static let maximumBody = 8 * 1024 * 1024
    /// Bodies at least this large are sent gzip-compressed (`Content-Encoding: gzip`).
    public static let compressionThreshold = 1024
    /// How far ahead of the server's clock a stamp may be, in milliseconds.
    public static let maximumDrift: UInt64 = 60_000
}
