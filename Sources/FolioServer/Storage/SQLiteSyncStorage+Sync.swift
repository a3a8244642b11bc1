import FolioCore
import FolioCRDT
import GRDB

extension SQLiteSyncStorage {
    public func push(_ batch: PushBatch) async throws -> PushOutcome {
        try await writer.write { db in
            var counter = try Self.counter(db, space: batch.space)
            if let stored = try Self.storedOutcome(db, batch) { return stored }
            try Self.checkIdentities(db, batch)
            var applied = 0
            for change in batch.changes {
                let encoded = change.value.encoded()
                let held = try Self.field(db, space: batch.space, record: change.record, field: change.field)
                guard FieldMerge.wins(change, encodedValue: encoded, over: held) else { continue }
                counter += 1
                applied += 1
                try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO fields (space_id, record, kind, parent, field, value, hlc, site, seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                        batch.space, change.record.description, change.kind.rawValue, change.parent?.description,
                        change.field, encoded, Int64(change.stamp.hlc.rawValue), change.stamp.site.description, Int64(counter),
                    ])
            }
            try db.execute(sql: "UPDATE spaces SET counter = ? WHERE id = ?", arguments: [Int64(counter), batch.space])
            try db.execute(sql: """
                INSERT INTO batches (space_id, site, batch_id, acked, applied, cursor) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [batch.space, batch.site.description, batch.batch, batch.changes.count, applied, Int64(counter)])
            return PushOutcome(acked: batch.changes.count, applied: applied, cursor: counter, duplicate: false)
        }
    }

    static func storedOutcome(_ db: Database, _ batch: PushBatch) throws -> PushOutcome? {
        let row = try Row.fetchOne(db, sql: """
            SELECT acked, applied, cursor FROM batches WHERE space_id = ? AND site = ? AND batch_id = ?
            """, arguments: [batch.space, batch.site.description, batch.batch])
        return row.map { PushOutcome(acked: $0["acked"], applied: $0["applied"], cursor: UInt64($0["cursor"] as Int64), duplicate: true) }
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

    static func field(_ db: Database, space: String, record: RecordID, field: String) throws -> StoredField? {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM fields WHERE space_id = ? AND record = ? AND field = ?"),
                                   arguments: [space, record.description, field])
        return row.map(storedField)
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

    public func pull(space: String, after cursor: UInt64, limit: Int) async throws -> PullPage {
        try await writer.read { db in
            let counter = try Self.counter(db, space: space)
            if cursor > counter { throw StorageError.cursorAhead(counter) }
            var fields = try Row.fetchAll(db, sql: """
                SELECT \(Self.columns) FROM fields WHERE space_id = ? AND seq > ? ORDER BY seq LIMIT ?
                """, arguments: [space, Int64(cursor), limit + 1]).map(Self.storedField)
            let more = fields.count > limit
            if more { fields.removeLast() }
            return PullPage(fields: fields, cursor: fields.last?.sequence ?? cursor, more: more)
        }
    }
}
