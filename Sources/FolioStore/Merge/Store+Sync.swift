import FolioCore
import FolioCRDT
import Foundation
import GRDB

extension Store {
    /// Merges a batch of remote changes in one transaction with the FolioCRDT rule, and
    /// advances the clock past every stamp in it. Idempotent: applying a batch again
    /// changes nothing. A batch with a malformed change, an unknown kind, or a record
    /// whose kind or parent contradicts what is held is refused whole, with the reason.
    public func apply(_ changes: [Change]) throws {
        let batch = try Self.validateRemote(changes)
        try write { transaction in try mergeRemote(batch, into: &transaction) }
    }

    /// The batch checked (malformed changes, unknown kinds, a record with two kinds or
    /// parents) and grouped by record; a problem refuses it whole.
    static func validateRemote(_ changes: [Change]) throws -> Batch {
        do { return try Batch(changes, validating: true) } catch { throw StoreError.rejected(error) }
    }

    /// Merges a checked remote batch inside `transaction`, advancing the clock past it.
    func mergeRemote(_ batch: Batch, into transaction: inout Transaction) throws {
        try checkIdentities(batch.records, transaction.db)
        // The latest stamp is the one furthest ahead: if it passes, every stamp does.
        do { try transaction.clock.receive(batch.latest) } catch {
            throw StoreError.rejected(.malformedChange(String(describing: error)))
        }
        do { try transaction.merge(batch) } catch let error as DatabaseError where KindTable.isParentConflict(error) {
            throw StoreError.rejected(.conflicting("a change gives a held record another parent"))
        }
    }

    /// Refuses changes that give a held record another kind. (Another parent is refused by
    /// the merge statement when the row is written, `KindTable.mergeSQL`.)
    private func checkIdentities(_ records: [Merger.Pending], _ db: Database) throws {
        var kinds: Set<RecordKind> = []
        var last: RecordKind?
        for record in records where record.kind != last {
            kinds.insert(record.kind)
            last = record.kind
        }
        for table in KindTable.all where kinds.contains(where: { $0 != table.kind }) {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.table))") == true else { continue }
            let others: [(RecordID, RecordKind)] = records.filter { $0.kind != table.kind }.map { ($0.id, $0.kind) }
            for chunk in stride(from: 0, to: others.count, by: 500) {
                let slice = others[chunk..<min(chunk + 500, others.count)]
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
                if let held = try Data.fetchOne(db, sql: "SELECT id FROM \(table.table) WHERE id IN (\(marks)) LIMIT 1",
                                                arguments: StatementArguments(slice.map(\.0.data))),
                   let id = RecordID(data: held), let claimed = others.first(where: { $0.0 == id }) {
                    throw StoreError.rejected(.conflicting(
                        "record \(id) is held as a \(table.kind), but the batch says \(claimed.1)"))
                }
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
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.storage) WHERE version > ? ORDER BY id",
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
