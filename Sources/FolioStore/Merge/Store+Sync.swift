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
        let identities = try Self.validateRemote(changes)
        try write { transaction in try mergeRemote(changes, identities: identities, into: &transaction) }
    }

    /// Each record's kind and parent in a batch, after checking every change (malformed,
    /// unknown kind, a record with two kinds or parents): the batch is refused whole.
    static func validateRemote(_ changes: [Change]) throws -> [RecordID: (RecordKind, RecordID?)] {
        var identities: [RecordID: (RecordKind, RecordID?)] = [:]
        let kinds = Set(KindTable.all.map(\.kind))
        var previous: Change?
        var checkedKind = RecordKind("")
        for change in changes {
            if change.kind != checkedKind, kinds.contains(change.kind) { checkedKind = change.kind }
            do { try change.validate(knownKinds: change.kind == checkedKind ? nil : kinds) } catch { throw StoreError.rejected(error) }
            if let previous, previous.record == change.record, previous.kind == change.kind, previous.parent == change.parent {
                continue  // the same record as the change before: nothing new to check
            }
            previous = change
            if let (kind, parent) = identities[change.record], kind != change.kind || parent != change.parent {
                throw StoreError.rejected(.conflicting("record \(change.record) appears with two kinds or parents in one batch"))
            }
            identities[change.record] = (change.kind, change.parent)
        }
        return identities
    }

    /// Merges a validated remote batch inside `transaction`, advancing the clock past it.
    func mergeRemote(_ changes: [Change], identities: [RecordID: (RecordKind, RecordID?)], into transaction: inout Transaction) throws {
        try checkIdentities(identities, transaction.db)
        for change in changes {
            do { try transaction.clock.receive(change.stamp.hlc) } catch {
                throw StoreError.rejected(.malformedChange(String(describing: error)))
            }
        }
        do { try transaction.merge(changes) } catch let error as DatabaseError where error.message?.contains("folio: conflicting parent") == true {
            throw StoreError.rejected(.conflicting("a change gives a held record another parent"))
        }
    }

    /// Refuses changes that give a held record another kind. (Another parent is refused by
    /// each table's trigger when the row is written.)
    private func checkIdentities(_ identities: [RecordID: (RecordKind, RecordID?)], _ db: Database) throws {
        let byKind = Dictionary(grouping: identities.keys) { identities[$0]!.0 }
        for table in KindTable.all {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.table))") == true else { continue }
            let others = byKind.filter { $0.key != table.kind }.flatMap(\.value)
            for chunk in stride(from: 0, to: others.count, by: 500) {
                let slice = others[chunk..<min(chunk + 500, others.count)]
                let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
                if let held = try Data.fetchOne(db, sql: "SELECT id FROM \(table.table) WHERE id IN (\(marks)) LIMIT 1",
                                                arguments: StatementArguments(slice.map(\.data))),
                   let id = RecordID(data: held) {
                    throw StoreError.rejected(.conflicting(
                        "record \(id) is held as a \(table.kind), but the batch says \(identities[id]!.0)"))
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
