import FolioCore
import FolioCRDT
import GRDB

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Hashable {
    /// Rows that became new applications.
    public var added = 0
    /// Rows that changed an application already held.
    public var updated = 0
    /// Rows identical to an application already held.
    public var unchanged = 0

    /// A summary with these counts.
    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

extension Store {
    /// Writes checked import rows in one transaction: a row naming an application already
    /// held (by id, else by company, role and date) updates it, so importing the same file
    /// twice creates nothing new. With `dryRun`, nothing is kept.
    public func importApplications(_ rows: [ApplicationImport.Row], today: CalendarDay, dryRun: Bool = false) throws -> ImportSummary {
        try write(dryRun: dryRun) { transaction in
            let existing = try TrackerReader.applications(transaction.db)
            var byID = Dictionary(existing.map { ($0.id, $0) }) { first, _ in first }
            var byKey = Dictionary(existing.map { (Importer.key($0), $0) }) { first, _ in first }
            var summary = ImportSummary()
            for row in rows {
                if let held = row.id.flatMap({ byID[$0] }) ?? byKey[row.key] {
                    let changed = try Importer.update(held, with: row, today: today, transaction: &transaction)
                    if changed { summary.updated += 1 } else { summary.unchanged += 1 }
                } else {
                    let created = try Importer.create(row, transaction: &transaction)
                    byID[created.id] = created
                    byKey[row.key] = created
                    summary.added += 1
                }
            }
            return summary
        }
    }
}

/// The writes of one import row.
enum Importer {
    static func key(_ application: TrackedApplication) -> String {
        "\(application.company.lowercased())\u{1F}\(application.role.lowercased())\u{1F}\(application.date)"
    }

    static func fields(_ row: ApplicationImport.Row) -> [String: JSONValue] {
        var fields: [String: JSONValue] = ["company": .string(row.company), "role": .string(row.role),
                                           "status": .string(row.status), "date": .string(row.date.description)]
        for (name, value) in [("source", row.source), ("location", row.location), ("url", row.url),
                              ("variant", row.variant), ("company_size", row.companySize)] {
            if let value { fields[name] = .string(value) }
        }
        return fields
    }

    static func create(_ row: ApplicationImport.Row, transaction: inout Transaction) throws -> TrackedApplication {
        let id = transaction.newID()
        try transaction.write(RecordWrites.creation(id: id, kind: .application, parent: nil, position: nil, fields: fields(row)))
        let day = row.date.description
        if row.status != "saved", row.status != "applied" {
            try Applications.addEvent(to: id, type: "applied", date: day, note: nil, transaction: &transaction)
        }
        try Applications.addEvent(to: id, type: row.status, date: day, note: "imported", transaction: &transaction)
        return TrackedApplication(id: id.hex.lowercased(), company: row.company, role: row.role, status: row.status, date: row.date)
    }

    /// Writes the fields that differ; a new status is also a dated event. True if anything changed.
    static func update(_ held: TrackedApplication, with row: ApplicationImport.Row, today: CalendarDay,
                       transaction: inout Transaction) throws -> Bool {
        let current: [String: String?] = [
            "company": held.company, "role": held.role, "status": held.status, "date": held.date.description,
            "source": held.source, "location": held.location, "url": held.url, "variant": held.variant,
            "company_size": held.companySize,
        ]
        guard let id = RecordID(hex: held.id) else { return false }
        let writes = fields(row).sorted { $0.key < $1.key }.compactMap { name, value -> LocalWrite? in
            guard current[name] ?? nil != value.stringValue else { return nil }
            return LocalWrite(record: id, kind: .application, parent: nil, field: name, value: value)
        }
        try transaction.write(writes)
        if held.status != row.status {
            try Applications.addEvent(to: id, type: row.status, date: today.description, note: "imported", transaction: &transaction)
        }
        return !writes.isEmpty
    }
}

extension RecordID {
    /// The id from its 32 hex digits (as `hex` writes them).
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 32 else { return nil }
        var dashed = digits
        for offset in [8, 13, 18, 23] { dashed.insert(UInt8(ascii: "-"), at: offset) }
        self.init(parsing: String(decoding: dashed, as: UTF8.self))
    }
}
