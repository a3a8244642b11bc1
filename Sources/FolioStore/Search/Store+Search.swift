import FolioCore
import FolioCRDT
import GRDB

/// A search result.
public struct SearchHit: Sendable, Hashable {
    /// What was found: resume, application, posting, note or contact.
    public var kind: RecordKind
    /// The record found.
    public var id: RecordID
    /// A title for listings.
    public var title: String
    /// Matching text with the matched words in [brackets].
    public var snippet: String

    /// As JSON, for `--json`.
    public var json: JSONValue {
        .object(JSONObject([("kind", .string(kind.rawValue)), ("id", .string(id.description)),
                            ("title", .string(title)), ("snippet", .string(snippet))]))
    }
}

extension Store {
    /// Full-text search (FTS5) over resumes, applications (with their events and notes),
    /// postings, notes and contacts. All words must match; a word matches any word that
    /// starts with it.
    ///
    /// The index is brought up to date first, for the records changed since the last
    /// search, so merging remote batches never pays for indexing.
    public func search(_ text: String, limit: Int = 50) throws -> [SearchHit] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"*" }
        guard !words.isEmpty else { return [] }
        try write { transaction in try SearchIndex.catchUp(transaction.db) }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT record, kind, title, snippet(search, 3, '[', ']', '...', 12) AS snippet FROM search
                WHERE search MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [words.joined(separator: " "), limit]).compactMap { row in
                guard let id = RecordID(parsing: row["record"]) else { return nil }
                return SearchHit(kind: RecordKind(row["kind"]), id: id, title: row["title"], snippet: row["snippet"])
            }
        }
    }
}

/// Keeps the FTS5 table in step with the records.
enum SearchIndex {
    static func catchUp(_ db: Database) throws {
        let indexed = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'search_version'") ?? 0
        let current = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'version'") ?? 0
        guard current > indexed else { return }
        var roots: Set<RecordID> = []
        for table in KindTable.all {
            for row in try Row.fetchAll(db, sql: "SELECT id, parent FROM \(table.table) WHERE version > ?", arguments: [indexed]) {
                guard let id = RecordID(data: row["id"]) else { continue }
                roots.insert(try root(of: id, kind: table.kind, parent: RecordID(data: row["parent"]), db))
            }
        }
        for id in roots.sorted() { try reindex(id, db) }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_version', ?)", arguments: [current])
    }

    /// The record a change is indexed under: items under their resume, events and notes
    /// under their application.
    private static func root(of id: RecordID, kind: RecordKind, parent: RecordID?, _ db: Database) throws -> RecordID {
        var current = id
        var parent = parent
        var seen: Set<RecordID> = [id]
        while let next = parent, seen.insert(next).inserted, kind == .item || kind == .event || kind == .note {
            guard let state = try Records.state(next, db) else { return next }
            current = next
            parent = state.parent
        }
        return current
    }

    private static func reindex(_ id: RecordID, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM search WHERE record = ?", arguments: [id.description])
        guard try Records.isVisible(id, db), let state = try Records.state(id, db) else { return }
        guard let (title, body) = try document(state, db) else { return }
        try db.execute(sql: "INSERT INTO search (record, kind, title, body) VALUES (?, ?, ?, ?)",
                       arguments: [id.description, state.kind.rawValue, title, body])
    }

    private static func document(_ state: RecordState, _ db: Database) throws -> (String, String)? {
        func text(_ value: JSONValue?) -> String { value.map(Self.words) ?? "" }
        switch state.kind {
        case .resume:
            guard let node = try StoredNode.load(root: state.id, db) else { return nil }
            let name = state[StoredNode.nameField]?.stringValue ?? ""
            return ("resume \(name)", words(node.tree.json))
        case .application:
            let events = try Records.children(of: state.id, kind: .event, db).map { text($0["type"]) + " " + text($0["note"]) }
            let notes = try Records.children(of: state.id, kind: .note, db).map { text($0["text"]) }
            let title = "\(text(state["company"])): \(text(state["role"]))"
            return (title, ([title, text(state["status"]), text(state["url"])] + events + notes).joined(separator: "\n"))
        case .posting:
            return ("posting \(text(state["company"])): \(text(state["title"]))", text(state["text"]))
        case .note where state.parent == nil:
            return ("note", text(state["text"]))
        case .contact:
            return ("contact \(text(state["name"]))", [state["company"], state["email"], state["phone"]].map(text).joined(separator: " "))
        default:
            return nil
        }
    }

    /// Every text in a value, one per line.
    static func words(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number, .bool: return value.encoded()
        case .null: return ""
        case .array(let items): return items.map(words).filter { !$0.isEmpty }.joined(separator: "\n")
        case .object(let object): return object.map { words($0.value) }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }
}
