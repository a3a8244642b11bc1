import FolioCore
import FolioCRDT
import GRDB

/// A snapshot: an immutable copy of a resume at a moment.
public struct SnapshotSummary: Sendable, Hashable {
    /// The snapshot's id.
    public var id: RecordID
    /// The resume's name when the snapshot was taken.
    public var name: String
    /// Its label, such as the company it went to.
    public var tag: String?
    /// ISO 8601 time it was taken.
    public var taken: String
    /// The resume it copies.
    public var resume: RecordID?

    /// As JSON, for `--json`.
    public var json: JSONValue {
        var object = JSONObject([("id", .string(id.description)), ("name", .string(name)), ("taken", .string(taken))])
        if let tag { object["tag"] = .string(tag) }
        return .object(object)
    }
}

/// One change in a resume's history.
public struct HistoryEntry: Sendable, Hashable {
    /// ISO 8601 time of the change (from its clock stamp).
    public var time: String
    /// The device that made it.
    public var site: SiteID
    /// Where: `basics.name`, `work[1].position`, `work[1]` (added/removed/moved).
    public var path: String
    /// What: the new value, or "removed", "restored", "moved", "snapshot ...".
    public var change: String
}

extension Store {
    /// Takes a snapshot of the resume `name`.
    @discardableResult
    public func snapshot(resume name: String, tag: String? = nil) throws -> SnapshotSummary {
        try write { transaction in try Snapshots.take(name, tag: tag, transaction: &transaction) }
    }

    /// The snapshots of a resume, oldest first.
    public func snapshots(resume name: String) throws -> [SnapshotSummary] {
        try read { db in
            let id = try ResumeNames.require(name, db)
            return try Snapshots.all(of: id, db)
        }
    }

    /// A snapshot's document.
    public func snapshotDocument(_ id: RecordID) throws -> JSONValue? {
        guard let text = try read({ db in try Records.state(id, db)?["document"]?.stringValue }) else { return nil }
        return try JSONText.decode(text)
    }

    /// The resume's field changes and snapshots, oldest first.
    public func history(resume name: String) throws -> [HistoryEntry] {
        try read { db in
            let id = try ResumeNames.require(name, db)
            return try Snapshots.history(of: id, db)
        }
    }
}

enum Snapshots {
    static func take(_ name: String, tag: String?, transaction: inout Transaction) throws -> SnapshotSummary {
        let resume = try ResumeNames.require(name, transaction.db)
        guard let node = try StoredNode.load(root: resume, transaction.db) else { throw StoreError.notFound("resume", name, candidates: []) }
        let id = transaction.newID()
        let taken = Dates.timestamp(milliseconds: transaction.clock.now())
        var fields: [String: JSONValue] = ["name": .string(name), "resume": .string(resume.description),
                                           "taken": .string(taken),
                                           // Text, so the document keeps its key order exactly.
                                           "document": .string(node.tree.json.encoded(pretty: true))]
        if let tag { fields["tag"] = .string(tag) }
        try transaction.write(RecordWrites.creation(id: id, kind: .snapshot, parent: nil, position: nil, fields: fields))
        return SnapshotSummary(id: id, name: name, tag: tag, taken: taken, resume: resume)
    }

    static func summary(_ id: RecordID, _ db: Database) throws -> SnapshotSummary? {
        guard let state = try Records.states(KindTable.byKind[.snapshot]!, where: "id = ?", [id.data], db).first else { return nil }
        return summary(state)
    }

    static func summary(_ state: RecordState) -> SnapshotSummary {
        SnapshotSummary(id: state.id, name: state["name"]?.stringValue ?? "", tag: state["tag"]?.stringValue,
                        taken: state["taken"]?.stringValue ?? "", resume: state["resume"]?.stringValue.flatMap(RecordID.init(parsing:)))
    }

    static func all(of resume: RecordID, _ db: Database) throws -> [SnapshotSummary] {
        try Records.states(KindTable.byKind[.snapshot]!, where: "f_resume = ? AND cl % 2 = 1",
                           [JSONValue.string(resume.description).encoded()], db)
            .map(summary).sorted { ($0.taken, $0.id) < ($1.taken, $1.id) }
    }

    static func history(of resume: RecordID, _ db: Database) throws -> [HistoryEntry] {
        guard let (_, items) = try StoredNode.loadAll(root: resume, db) else { return [] }
        let paths = itemPaths(resume, db)
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let ids = [resume] + items.map(\.id)
        let sites = try SiteTable(db)
        var entries: [(UInt64, HistoryEntry)] = []
        var placed: Set<RecordID> = []
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let slice = ids[chunk..<min(chunk + 500, ids.count)]
            let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: """
                SELECT record, field, value, hlc, site FROM history WHERE record IN (\(marks)) ORDER BY hlc, seq
                """, arguments: StatementArguments(slice.map(\.data))) {
                guard let id = RecordID(data: row["record"]), let site = sites.site(row["site"]) else { continue }
                let hlc = HybridTimestamp(rawValue: UInt64(row["hlc"] as Int64))
                let field: String = row["field"]
                if [ResumeTree.orderField, StoredNode.nameField, ResumeTree.listField].contains(field) { continue }
                // An item's first position is where it was added, not a move.
                if field == Change.positionField, placed.insert(id).inserted { continue }
                let value = try JSONText.decode(row["value"])
                let base = id == resume ? "" : (paths[id] ?? "(a removed \(byID[id]?[ResumeTree.listField]?.stringValue ?? "list") item)")
                let (path, change) = describe(field: field, value: value, base: base)
                entries.append((hlc.rawValue, HistoryEntry(time: Dates.timestamp(milliseconds: hlc.milliseconds), site: site,
                                                           path: path, change: change)))
            }
        }
        for snapshot in try all(of: resume, db) {
            entries.append((0, HistoryEntry(time: snapshot.taken, site: SiteID(rawValue: 0), path: "",
                                            change: "snapshot \(snapshot.id)\(snapshot.tag.map { " (\($0))" } ?? "")")))
        }
        return entries.sorted { ($0.1.time, $0.0) < ($1.1.time, $1.0) }.map(\.1)
    }

    private static func describe(field: String, value: JSONValue, base: String) -> (String, String) {
        switch field {
        case Change.causalLengthField:
            let alive = (value.causalLengthValue ?? 1) % 2 == 1
            return (base, alive ? ((value.causalLengthValue ?? 1) == 1 ? "added" : "restored") : "removed")
        case Change.positionField: return (base, "moved")
        case ResumeTree.valueField: return (base, value.encoded())
        default: return (ResumeDiffer.join(base, field), value == .null ? "removed" : value.encoded())
        }
    }

    /// `work[1]`, `work[1].highlights[0]` for every visible item of a resume.
    private static func itemPaths(_ resume: RecordID, _ db: Database) -> [RecordID: String] {
        guard let root = try? StoredNode.load(root: resume, db) else { return [:] }
        var result: [RecordID: String] = [:]
        func walk(_ node: StoredNode, _ path: String) {
            for (list, items) in node.lists {
                for (index, item) in items.enumerated() {
                    let itemPath = "\(ResumeDiffer.join(path, list))[\(index)]"
                    result[item.id] = itemPath
                    walk(item, itemPath)
                }
            }
        }
        walk(root, "")
        return result
    }
}

extension JSONValue {
    var causalLengthValue: UInt64? {
        if case .number(let number) = self, number >= 1 { return UInt64(number) }
        return nil
    }
}
