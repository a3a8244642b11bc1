import FolioCore
import FolioCRDT
import GRDB

extension SQLiteSyncStorage {
    public func push(_ batch: PushBatch) async throws -> PushOutcome {
        if batch.changes.count <= Self.inlineBatch { return try writeNow { db in try merge(batch, db) } }
        return try await writer.write { db in try merge(batch, db) }
    }

    /// Batches up to this size write on the calling thread (see `SQLiteSyncStorage`).
    static let inlineBatch = 200

    private func merge(_ batch: PushBatch, _ db: Database) throws -> PushOutcome {
        let held = try Self.counter(db, space: batch.space)
        if let stored = try Self.storedOutcome(db, batch) { return stored }
        try Self.checkIdentities(db, batch)
        var counter = held
        for change in batch.changes {
            let encoded = change.value.encoded()
            let current = try Self.held(db, space: batch.space, record: change.record, field: change.field)
            guard FieldMerge.wins(change, encodedValue: encoded, over: current) else { continue }
            if counter == held { try startGeneration(db, space: batch.space, at: held + 1) }
            counter += 1
            let json = StoredField(record: change.record, kind: change.kind, parent: change.parent, field: change.field,
                                   value: encoded, stamp: change.stamp, sequence: counter).changeJSON
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO fields (space_id, record, kind, parent, field, value, hlc, site, seq, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    batch.space, change.record.description, change.kind.rawValue, change.parent?.description,
                    change.field, encoded, Int64(change.stamp.hlc.rawValue), change.stamp.site.description, Int64(counter), json,
                ])
        }
        let applied = Int(counter - held)
        if applied > 0 {
            try db.cachedStatement(sql: "UPDATE spaces SET counter = ? WHERE id = ?").execute(arguments: [Int64(counter), batch.space])
        }
        try db.cachedStatement(sql: """
            INSERT INTO batches (space_id, site, batch_id, acked, applied, cursor) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [batch.space, batch.site.description, batch.batch, batch.changes.count, applied, Int64(counter)])
        return PushOutcome(acked: batch.changes.count, applied: applied, cursor: try Self.cursor(db, space: batch.space, at: counter),
                           duplicate: false)
    }

    /// Starts this instance's generation at `position` unless it is the space's latest.
    private func startGeneration(_ db: Database, space: String, at position: UInt64) throws {
        let latest = try String.fetchOne(db.cachedStatement(sql: """
            SELECT token FROM generations WHERE space_id = ? ORDER BY first_seq DESC LIMIT 1
            """), arguments: [space])
        guard latest != generation else { return }
        try db.cachedStatement(sql: "INSERT INTO generations (space_id, first_seq, token) VALUES (?, ?, ?)")
            .execute(arguments: [space, Int64(position), generation])
    }

    /// The cursor at `position`: its position and the generation covering it.
    static func cursor(_ db: Database, space: String, at position: UInt64) throws -> SyncCursor {
        guard position > 0 else { return .start }
        let token = try String.fetchOne(db.cachedStatement(sql: """
            SELECT token FROM generations WHERE space_id = ? AND first_seq <= ? ORDER BY first_seq DESC LIMIT 1
            """), arguments: [space, Int64(position)])
        // No generation covers it (never after the migration): "0" is always safe.
        return token.map { SyncCursor(position: position, generation: $0) } ?? .start
    }

    /// Refuses a cursor this space's history did not hand out.
    static func check(_ cursor: SyncCursor, _ db: Database, space: String, counter: UInt64) throws {
        guard cursor.position > 0 else { return }
        if cursor.position > counter {
            throw StorageError.unknownCursor("the cursor is past this space's latest change (\(counter)); the server was restored from an older backup")
        }
        if try Self.cursor(db, space: space, at: cursor.position) != cursor {
            throw StorageError.unknownCursor("the cursor belongs to a history this server no longer has (it was restored from an older backup)")
        }
    }

    static func storedOutcome(_ db: Database, _ batch: PushBatch) throws -> PushOutcome? {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT acked, applied, cursor FROM batches WHERE space_id = ? AND site = ? AND batch_id = ?
            """), arguments: [batch.space, batch.site.description, batch.batch])
        guard let row else { return nil }
        let cursor = try Self.cursor(db, space: batch.space, at: UInt64(row["cursor"] as Int64))
        return PushOutcome(acked: row["acked"], applied: row["applied"], cursor: cursor, duplicate: true)
    }

    /// Refuses the batch when a change gives a held record another kind or parent.
    static func checkIdentities(_ db: Database, _ batch: PushBatch) throws {
        var checked: Set<RecordID> = []
        for change in batch.changes where checked.insert(change.record).inserted {
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, parent FROM fields WHERE space_id = ? AND record = ? LIMIT 1"),
                                       arguments: [batch.space, change.record.description])
            guard let row else { continue }
            let kind: String = row["kind"], parent: String? = row["parent"]
            if kind != change.kind.rawValue || parent != change.parent?.description {
                throw StorageError.conflictingChange(
                    "record \(change.record) is a \(kind) under \(parent ?? "nothing") on the server, "
                        + "but a change says \(change.kind) under \(change.parent?.description ?? "nothing")")
            }
        }
    }

    /// The register held for (space, record, field): its encoded value and stamp.
    static func held(_ db: Database, space: String, record: RecordID, field: String) throws -> FieldMerge.Held? {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT value, hlc, site FROM fields WHERE space_id = ? AND record = ? AND field = ?"),
                                   arguments: [space, record.description, field])
        return row.map { row in
            FieldMerge.Held(value: row[0], stamp: FieldStamp(hlc: HybridTimestamp(rawValue: UInt64(row[1] as Int64)),
                                                             site: SiteID(parsing: row[2]) ?? SiteID(rawValue: 0)))
        }
    }

    /// The columns `storedField` reads, in its order.
    static let columns = "record, kind, parent, field, value, hlc, site, seq"

    static func storedField(_ row: Row) -> StoredField {
        let parent: String? = row[2]
        return StoredField(
            record: RecordID(parsing: row[0])!, kind: RecordKind(row[1]),
            parent: parent.flatMap { RecordID(parsing: $0) }, field: row[3], value: row[4],
            stamp: FieldStamp(hlc: HybridTimestamp(rawValue: UInt64(row[5] as Int64)),
                              site: SiteID(parsing: row[6]) ?? SiteID(rawValue: 0)),
            sequence: UInt64(row[7] as Int64))
    }

    public func pull(space: String, after cursor: SyncCursor, limit: Int) async throws -> PullPage {
        try readNow { db in
            let counter = try Self.counter(db, space: space)
            try Self.check(cursor, db, space: space, counter: counter)
            var fields: [PulledField] = []
            fields.reserveCapacity(min(limit + 1, 5001))
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT seq, json FROM fields WHERE space_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                                           arguments: [space, Int64(cursor.position), limit + 1])
            while let row = try rows.next() { fields.append(PulledField(sequence: UInt64(row[0] as Int64), json: row[1])) }
            let more = fields.count > limit
            if more { fields.removeLast() }
            let next = try fields.last.map { try Self.cursor(db, space: space, at: $0.sequence) } ?? cursor
            return PullPage(fields: fields, cursor: next, more: more)
        }
    }
}
