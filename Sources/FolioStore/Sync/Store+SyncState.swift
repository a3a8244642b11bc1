import FolioCRDT
import Foundation
import GRDB

extension Store {
    /// The replica's sync state.
    public func syncState() throws -> SyncState {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1") else {
                throw StoreError.invalid("the replica has no sync state")
            }
            let batch: String? = row["batch"]
            let batchVersion: Int64? = row["batch_version"]
            let lastSync: Int64? = row["last_sync"]
            return SyncState(server: row["server"], space: row["space"], cursor: row["cursor"],
                             pushedVersion: UInt64(row["pushed"] as Int64),
                             pendingBatch: batch.flatMap { id in batchVersion.map { SyncState.Batch(id: id, version: UInt64($0)) } },
                             lastSync: lastSync.map { UInt64($0) })
        }
    }

    /// Binds the replica to a server and space. Binding to another server or space than
    /// before starts over: the cursor goes back to the start and every record waits to be
    /// pushed to the new one. Returns true when it started over.
    @discardableResult
    public func bindSync(server: String, space: String) throws -> Bool {
        try write { transaction in
            let row = try Row.fetchOne(transaction.db, sql: "SELECT server, space FROM sync_state WHERE id = 1")
            let (oldServer, oldSpace): (String?, String?) = (row?["server"], row?["space"])
            let changed = oldServer != nil && (oldServer != server || oldSpace != space)
            if changed { try Self.restart(&transaction) }
            try transaction.db.execute(sql: "UPDATE sync_state SET server = ?, space = ? WHERE id = 1", arguments: [server, space])
            return changed
        }
    }

    /// Remembers the batch about to be sent, before it is sent.
    public func recordPendingBatch(_ batch: SyncState.Batch) throws {
        try writeSync("UPDATE sync_state SET batch = ?, batch_version = ? WHERE id = 1", [batch.id, Int64(batch.version)])
    }

    /// The server acknowledged everything up to `version`: forget the pending batch.
    public func markPushed(upTo version: UInt64) throws {
        try writeSync("UPDATE sync_state SET pushed = max(pushed, ?), batch = NULL, batch_version = NULL WHERE id = 1",
                      [Int64(version)])
    }

    /// Records when a sync finished.
    public func markSynced() throws {
        try writeSync("UPDATE sync_state SET last_sync = ? WHERE id = 1", [Int64(configuration.now())])
    }

    /// Advances the clock to a stamp the server sent, so later local stamps come after it.
    public func advanceClock(to stamp: HybridTimestamp) throws {
        try writeSync("""
            INSERT INTO meta (key, value) VALUES ('hlc', ?)
            ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)
            """, [Int64(bitPattern: stamp.rawValue)])
    }

    /// The server asked for a reset (`409 must-reset`): pull from the start, forget the
    /// pending batch, and push every record again (the server may have lost them).
    public func resetSync() throws {
        try write { transaction in try Self.restart(&transaction) }
    }

    /// True when some record changed after the pushed version (cheaper than counting).
    public func hasUnpushedChanges() throws -> Bool {
        try read { db in
            let pushed = try Int64.fetchOne(db, sql: "SELECT pushed FROM sync_state WHERE id = 1") ?? 0
            for table in KindTable.all where try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.table) WHERE version > ?)", arguments: [pushed]) == true {
                return true
            }
            return false
        }
    }

    /// How many changes wait to be pushed.
    public func pendingChangeCount() throws -> Int {
        try changes(since: try syncState().pushedVersion).changes.count
    }

    /// Applies one page of pulled changes and stores the cursor after it, in one
    /// transaction: a crash leaves both as before or both as after.
    ///
    /// Records that had no unpushed local edit keep their pushed mark, so what came from
    /// the server is not pushed back to it; a record with unpushed local edits is still
    /// pushed whole.
    public func applyPulled(_ changes: [Change], cursor: String) throws {
        let batch = try Self.validateRemote(changes)
        try write { transaction in
            let db = transaction.db
            let pushed = try Int64.fetchOne(db, sql: "SELECT pushed FROM sync_state WHERE id = 1") ?? 0
            let clean = try Self.cleanRecords(batch.records, pushedVersion: pushed, db)
            try mergeRemote(batch, into: &transaction)
            try Self.lowerVersions(clean, to: pushed, from: transaction.version, db)
            try db.execute(sql: "UPDATE sync_state SET cursor = ? WHERE id = 1", arguments: [cursor])
        }
    }

    private func writeSync(_ sql: String, _ arguments: StatementArguments) throws {
        do { try writer.write { db in try db.execute(sql: sql, arguments: arguments) } } catch {
            throw StoreError.database(error)
        }
    }

    /// Cursor to the start, no pending batch, every record changed in this transaction.
    private static func restart(_ transaction: inout Transaction) throws {
        let db = transaction.db
        try db.execute(sql: "UPDATE sync_state SET cursor = '0', batch = NULL, batch_version = NULL WHERE id = 1")
        for table in KindTable.all {
            try db.execute(sql: "UPDATE \(table.storage) SET version = ?", arguments: [transaction.version])
        }
        transaction.isDirty = true
    }

    /// The records of a batch, by table, that hold no unpushed local edit (or are not held).
    private static func cleanRecords(_ records: [Merger.Pending], pushedVersion: Int64,
                                     _ db: Database) throws -> [(KindTable, [RecordID])] {
        let byKind = Dictionary(grouping: records, by: \.kind).mapValues { $0.map(\.id) }
        var result: [(KindTable, [RecordID])] = []
        for (kind, ids) in byKind {
            guard let table = KindTable.byKind[kind] else { continue }
            var dirty = Set<RecordID>()
            try forEachChunk(ids) { marks, arguments in
                arguments += [pushedVersion]
                let rows = try Data.fetchAll(db, sql: "SELECT id FROM \(table.table) WHERE id IN (\(marks)) AND version > ?",
                                             arguments: arguments)
                dirty.formUnion(rows.compactMap { RecordID(data: $0) })
            }
            result.append((table, ids.filter { !dirty.contains($0) }))
        }
        return result
    }

    /// Gives the clean records this transaction changed their pushed mark back.
    private static func lowerVersions(_ clean: [(KindTable, [RecordID])], to pushed: Int64, from version: Int64, _ db: Database) throws {
        for (table, ids) in clean {
            try forEachChunk(ids) { marks, arguments in
                try db.execute(sql: "UPDATE \(table.storage) SET version = ? WHERE version = ? AND id IN (\(marks))",
                               arguments: [pushed, version] + arguments)
            }
        }
    }

    private static func forEachChunk(_ ids: [RecordID], _ body: (String, inout StatementArguments) throws -> Void) throws {
        for start in stride(from: 0, to: ids.count, by: 500) {
            let slice = ids[start..<min(start + 500, ids.count)]
            var arguments = StatementArguments(slice.map(\.data))
            try body(Array(repeating: "?", count: slice.count).joined(separator: ", "), &arguments)
        }
    }
}
