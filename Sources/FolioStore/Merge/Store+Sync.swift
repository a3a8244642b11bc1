import FolioCore
import FolioCRDT
import GRDB

extension Store {
    /// Merges a batch of remote changes in one transaction with the FolioCRDT rule, and
    /// advances the clock past every stamp in it. Idempotent: applying a batch again
    /// changes nothing. A batch with a malformed change, an unknown kind, or a record
    /// whose kind or parent contradicts what is held is refused whole, with the reason.
    public func apply(_ changes: [Change]) throws {
        var identities: [RecordID: (RecordKind, RecordID?)] = [:]
        let kinds = Set(KindTable.all.map(\.kind))
        for change in changes {
            do { try change.validate(knownKinds: kinds) } catch { throw StoreError.rejected(error) }
            if let (kind, parent) = identities[change.record], kind != change.kind || parent != change.parent {
                throw StoreError.rejected(.conflicting("record \(change.record) appears with two kinds or parents in one batch"))
            }
            identities[change.record] = (change.kind, change.parent)
        }
        try write { transaction in
            try checkIdentities(identities, transaction.db)
            for change in changes {
                do { try transaction.clock.receive(change.stamp.hlc) } catch {
                    throw StoreError.rejected(.malformedChange(String(describing: error)))
                }
            }
            try transaction.merge(changes)
        }
    }

    /// Refuses changes that give a held record another kind or parent.
    private func checkIdentities(_ identities: [RecordID: (RecordKind, RecordID?)], _ db: Database) throws {
        let tables = KindTable.all
        for (id, (kind, parent)) in identities {
            for table in tables {
                guard let row = try Row.fetchOne(db, sql: "SELECT parent FROM \(table.table) WHERE id = ?", arguments: [id.data]) else {
                    continue
                }
                let heldParent = RecordID(data: row["parent"])
                if table.kind != kind || heldParent != parent {
                    throw StoreError.rejected(.conflicting(
                        "record \(id) is held as a \(table.kind) under \(heldParent.map(\.description) ?? "nothing"), "
                            + "but the batch says \(kind) under \(parent.map(\.description) ?? "nothing")"))
                }
                break
            }
        }
    }

    /// The full state of every record changed after `version` (by local edits or merged
    /// remote changes), and the version to ask from next time.
    public func changes(since version: UInt64) throws -> (changes: [Change], version: UInt64) {
        try read { db in
            let current = UInt64(try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'version'") ?? 0)
            let sites = try SiteTable(db)
            var result: [Change] = []
            for table in KindTable.all {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.table) WHERE version > ? ORDER BY id",
                                            arguments: [Int64(version)])
                guard !rows.isEmpty else { continue }
                let others = try RecordReader.otherFields(db, table: table, since: version, sites: sites)
                for row in rows {
                    let state = try RecordReader.state(row, table: table, others: others, sites: sites)
                    result += state.changes
                }
            }
            return (result, current)
        }
    }
}
