import FolioCore
import FolioCRDT
import GRDB

/// A job posting held in the replica: its id and every field it has (title, company, url
/// and text in columns; location, remote, salary, requirements, ... in the field table).
public struct StoredPosting: Sendable, Hashable {
    /// The posting's record id.
    public var id: RecordID
    /// Its fields by name, sorted, without the record's own (`@cl`, `@pos`).
    public var fields: JSONObject
}

extension Store {
    /// Adds postings, each as a record with the given fields, in one transaction: all of
    /// them or, on failure, none.
    @discardableResult
    public func addPostings(_ postings: [[String: JSONValue]]) throws -> [RecordID] {
        try write { transaction in
            // Ids made in one millisecond are not in order; sorted, listings (by id) keep file order.
            let ids = (0..<postings.count).map { _ in transaction.newID() }.sorted()
            for (id, fields) in zip(ids, postings) {
                try transaction.write(RecordWrites.creation(id: id, kind: .posting, parent: nil, position: nil,
                                                            fields: fields.filter { !$0.value.isNull }))
            }
            return ids
        }
    }

    /// Every visible posting, oldest first.
    public func postings() throws -> [StoredPosting] {
        try read { db in
            try Records.states(KindTable.byKind[.posting]!, where: "cl % 2 = 1", [], db)
                .sorted { $0.id < $1.id }
                .map(Postings.stored)
        }
    }

    /// The posting whose id starts with `prefix` (hex digits, dashes optional).
    public func posting(_ prefix: String) throws -> StoredPosting {
        try read { db in
            let id = try Postings.resolve(prefix, db)
            return Postings.stored(try Records.require(id, db))
        }
    }

    /// Deletes a posting (a tombstone, like every deletion).
    public func removePosting(_ prefix: String) throws -> RecordID {
        try write { transaction in
            let id = try Postings.resolve(prefix, transaction.db)
            let state = try Records.require(id, transaction.db)
            if let write = RecordWrites.alive(state, false) { try transaction.write([write]) }
            return id
        }
    }
}

/// Posting reads inside a transaction.
enum Postings {
    static func resolve(_ prefix: String, _ db: Database) throws -> RecordID {
        try Records.resolve(prefix, in: KindTable.byKind[.posting]!, what: "posting", listing: "folio jobs list", db) { row in
            "\(Records.text(row, "f_company") ?? ""): \(Records.text(row, "f_title") ?? "")"
        }
    }

    static func stored(_ state: RecordState) -> StoredPosting {
        StoredPosting(id: state.id, fields: publicFields(state))
    }

    /// A record's fields by name, sorted, without `@cl` and `@pos`.
    static func publicFields(_ state: RecordState) -> JSONObject {
        JSONObject(state.fields.keys.sorted().filter { !$0.hasPrefix("@") }.compactMap { name in
            state[name].map { (name, $0) }
        })
    }
}
