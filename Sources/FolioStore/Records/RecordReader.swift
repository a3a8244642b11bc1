import FolioCore
import FolioCRDT
import Foundation
import GRDB

/// Reads rows back into FolioCRDT's `RecordState`, so reads use the same model as merges.
enum RecordReader {
    /// Fields from the `field` table of the table's records changed after `version`.
    static func otherFields(_ db: Database, table: KindTable, since version: UInt64, sites: SiteTable) throws -> [RecordID: [Change]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.record, f.name, f.value, f.hlc, f.site FROM field f JOIN \(table.table) t ON t.id = f.record
            WHERE t.version > ? ORDER BY f.record, f.name
            """, arguments: [Int64(version)])
        return try fieldChanges(rows, kind: table.kind, sites: sites)
    }

    /// Fields from the `field` table of the given records.
    static func otherFields(_ db: Database, ids: [RecordID], kind: RecordKind, sites: SiteTable) throws -> [RecordID: [Change]] {
        var result: [RecordID: [Change]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let slice = ids[chunk..<min(chunk + 500, ids.count)]
            let marks = Array(repeating: "?", count: slice.count).joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT record, name, value, hlc, site FROM field WHERE record IN (\(marks))",
                                        arguments: StatementArguments(slice.map(\.data)))
            result.merge(try fieldChanges(rows, kind: kind, sites: sites)) { $0 + $1 }
        }
        return result
    }

    private static func fieldChanges(_ rows: [Row], kind: RecordKind, sites: SiteTable) throws -> [RecordID: [Change]] {
        var result: [RecordID: [Change]] = [:]
        for row in rows {
            guard let id = RecordID(data: row["record"]), let site = sites.site(row["site"]) else { continue }
            // The parent is filled in by `state`; it only matters for the record itself.
            result[id, default: []].append(Change(
                record: id, kind: kind, parent: nil, field: row["name"], value: try JSONText.decode(row["value"]),
                stamp: FieldStamp(hlc: HybridTimestamp(rawValue: UInt64(row["hlc"] as Int64)), site: site)))
        }
        return result
    }

    /// One row (and its other fields) as a record state.
    static func state(_ row: Row, table: KindTable, others: [RecordID: [Change]], sites: SiteTable) throws -> RecordState {
        guard let id = RecordID(data: row["id"]) else { throw StoreError.invalid("a record id is not 16 bytes") }
        let parent = RecordID(data: row["parent"])
        var state = RecordState(id: id, kind: table.kind, parent: parent)
        func apply(_ field: String, _ register: Register?) {
            guard let register else { return }
            state.apply(Change(record: id, kind: table.kind, parent: parent, field: field, value: register.value, stamp: register.stamp))
        }
        if let length = try StoredRegister.causalLength(row) {
            apply(Change.causalLengthField, Register(value: .number(Double(length.length)), stamp: length.stamp))
        }
        for (field, register) in zip([Change.positionField] + table.columns, KindTable.registerColumns(table.columns)) {
            apply(field, try StoredRegister.read(row, register))
        }
        for change in others[id] ?? [] {
            apply(change.field, Register(value: change.value, stamp: change.stamp))
        }
        return state
    }
}
