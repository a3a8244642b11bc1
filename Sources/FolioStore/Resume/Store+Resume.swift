import FolioCore
import FolioCRDT
import Foundation
import GRDB

/// A resume in the replica, for listings.
public struct ResumeSummary: Sendable, Hashable {
    /// The resume's record id.
    public var id: RecordID
    /// Its name in the replica.
    public var name: String
    /// `basics.name`, when set.
    public var person: String?
    /// `basics.label`, when set.
    public var label: String?
    /// Visible list items (work entries, highlights, skills, ...).
    public var items: Int
    /// How many snapshots of it exist.
    public var snapshots: Int
}

extension Store {
    /// Writes a JSON Resume document as the resume `name`: creates it, or writes only what
    /// differs from what is held (so importing the same file twice changes nothing). With
    /// `dryRun`, reports the changes and writes nothing.
    @discardableResult
    public func writeResume(_ document: JSONValue, name: String, dryRun: Bool = false) throws -> ResumeChanges {
        guard case .object = document else { throw StoreError.invalid("a resume must be a JSON object") }
        let target = ResumeTree(element: document)
        return try write(dryRun: dryRun) { transaction in
            var differ = ResumeDiffer()
            var created = false
            let id: RecordID
            if let existing = try ResumeNames.find(name, transaction.db) {
                id = existing
                guard let stored = try StoredNode.load(root: id, transaction.db) else { throw StoreError.invalid("resume \(name) is deleted") }
                differ.diff(stored, target, path: "", transaction: &transaction)
            } else {
                id = transaction.newID()
                created = true
                differ.writes = RecordWrites.creation(id: id, kind: .resume, parent: nil, position: nil,
                                                      fields: [StoredNode.nameField: .string(name)])
                let root = StoredNode(state: RecordState(id: id, kind: .resume, parent: nil))
                differ.diff(root, target, path: "", transaction: &transaction)
                differ.lines = []
            }
            try transaction.write(differ.writes)
            return ResumeChanges(id: id, created: created, lines: differ.lines)
        }
    }

    /// Writes a validated `Resume` (see `writeResume(_:name:)`).
    @discardableResult
    public func importResume(_ resume: Resume, name: String, dryRun: Bool = false) throws -> ResumeChanges {
        try writeResume(resume.json, name: name, dryRun: dryRun)
    }

    /// The resume `name` as a JSON Resume document: list items in position order, deleted
    /// ones left out, unknown fields kept.
    public func resumeDocument(named name: String) throws -> JSONValue {
        try read { db in
            let id = try ResumeNames.require(name, db)
            guard let node = try StoredNode.load(root: id, db) else { throw StoreError.notFound("resume", name, candidates: []) }
            return node.tree.json
        }
    }

    /// The resume `name` as FolioCore's validated `Resume`.
    public func resume(named name: String) throws -> Resume {
        let document = try resumeDocument(named: name)
        do { return try Resume(json: document, path: "resume \(name)") } catch {
            throw StoreError.invalid("resume \(name), as merged, is not a valid JSON Resume:\n\(error)")
        }
    }

    /// The document of a resume by id (for any visible resume, named or not).
    public func resumeDocument(id: RecordID) throws -> JSONValue? {
        try read { db in try StoredNode.load(root: id, db)?.tree.json }
    }

    /// Every visible resume, by name.
    public func resumes() throws -> [ResumeSummary] {
        try read { db in
            try ResumeNames.all(db).map { name, id in
                let node = try StoredNode.load(root: id, db)
                func count(_ node: StoredNode) -> Int { node.lists.values.reduce(0) { $0 + $1.count + $1.map(count).reduce(0, +) } }
                let snapshots = try Int.fetchOne(db, sql: "SELECT count(*) FROM snapshot WHERE f_resume = ? AND cl % 2 = 1",
                                                 arguments: [JSONValue.string(id.description).encoded()]) ?? 0
                return ResumeSummary(id: id, name: name, person: node?.state["basics.name"]?.stringValue,
                                     label: node?.state["basics.label"]?.stringValue, items: node.map(count) ?? 0,
                                     snapshots: snapshots)
            }
        }
    }

    /// Deletes the resume `name` (a tombstone: snapshots of it stay).
    public func removeResume(named name: String) throws {
        try write { transaction in
            let id = try ResumeNames.require(name, transaction.db)
            let state = try Records.require(id, transaction.db)
            if let write = RecordWrites.alive(state, false) { try transaction.write([write]) }
        }
    }
}

/// Finding resumes by name.
enum ResumeNames {
    static func all(_ db: Database) throws -> [(String, RecordID)] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, f.value FROM resume r JOIN field f ON f.record = r.id AND f.name = '~name'
            WHERE r.cl % 2 = 1 ORDER BY f.value, r.id
            """)
        return try rows.compactMap { row in
            guard let id = RecordID(data: row["id"]), let name = try JSONText.decode(row["value"]).stringValue else { return nil }
            return (name, id)
        }
    }

    static func find(_ name: String, _ db: Database) throws -> RecordID? {
        let matches = try all(db).filter { $0.0 == name }
        if matches.count > 1 {
            throw StoreError.ambiguous("resume", name, candidates: matches.map { "\($0.0) (\($0.1))" })
        }
        return matches.first?.1
    }

    static func require(_ name: String, _ db: Database) throws -> RecordID {
        guard let id = try find(name, db) else { throw StoreError.notFound("resume", name, candidates: try all(db).map(\.0)) }
        return id
    }
}
