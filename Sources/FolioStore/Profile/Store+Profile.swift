import FolioCore
import FolioCRDT
import GRDB

extension Store {
    /// The person's profile (job-search wishes) as dotted fields (`location.city`,
    /// `salary.min`), sorted; empty when none was set.
    ///
    /// There is meant to be one profile, but two devices that each set a field before
    /// they first synced create one each; reading merges them field by field, the later
    /// write winning (the CRDT's register rule), so every replica reads the same profile.
    public func profile() throws -> JSONObject {
        try read { db in try Profiles.merged(db) }
    }

    /// Sets one profile field (a null value clears it), creating the profile on first use.
    public func setProfile(_ field: String, to value: JSONValue) throws {
        guard !field.isEmpty, !field.hasPrefix("@"), !field.hasPrefix("~") else {
            throw StoreError.invalid("\"\(field)\" is not a profile field")
        }
        try write { transaction in
            if let existing = try Profiles.all(transaction.db).first {
                try transaction.write([LocalWrite(record: existing.id, kind: .profile, parent: nil, field: field, value: value)])
            } else {
                let id = transaction.newID()
                try transaction.write(RecordWrites.creation(id: id, kind: .profile, parent: nil, position: nil, fields: [field: value]))
            }
        }
    }
}

/// Profile reads inside a transaction.
enum Profiles {
    /// The visible profile records, oldest id first (the one local writes go to).
    static func all(_ db: Database) throws -> [RecordState] {
        try Records.states(KindTable.byKind[.profile]!, where: "cl % 2 = 1", [], db).sorted { $0.id < $1.id }
    }

    /// Every profile record's fields, the winning register of each name; nulls left out.
    static func merged(_ db: Database) throws -> JSONObject {
        var winners: [String: Register] = [:]
        for state in try all(db) {
            for (name, register) in state.fields where !name.hasPrefix("@") {
                if let current = winners[name], !current.isBeaten(by: register) { continue }
                winners[name] = register
            }
        }
        return JSONObject(winners.keys.sorted().compactMap { name in
            let value = winners[name]!.value
            return value.isNull ? nil : (name, value)
        })
    }
}
