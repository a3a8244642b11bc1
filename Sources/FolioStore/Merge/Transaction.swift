import FolioCore
import FolioCRDT
import GRDB

/// One write transaction on the replica: the local version it writes, the clock, the site,
/// and the merge. Made inside a GRDB `write` closure and gone when it returns.
struct Transaction {
    let db: Database
    let site: SiteID
    /// The version every row changed in this transaction gets.
    let version: Int64
    var clock: HybridClock
    var random: SplitMix64
    var sites: SiteTable
    /// True once anything was merged: the version and clock are then saved.
    var isDirty = false

    init(db: Database, configuration: Store.Configuration) throws {
        self.db = db
        let meta = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
            .reduce(into: [String: DatabaseValue]()) { $0[$1["key"]] = $1["value"] as DatabaseValue }
        guard let siteText = meta["site"].flatMap(String.fromDatabaseValue), let site = SiteID(parsing: siteText) else {
            throw StoreError.invalid("the replica has no site id; it was not made by Folio")
        }
        self.site = site
        let latest = meta["hlc"].flatMap(Int64.fromDatabaseValue) ?? 0
        self.version = (meta["version"].flatMap(Int64.fromDatabaseValue) ?? 0) + 1
        self.clock = HybridClock(latest: HybridTimestamp(rawValue: UInt64(latest)), maximumDrift: configuration.maximumDrift,
                                 now: configuration.now)
        let seed = configuration.seed ?? UInt64.random(in: .min ... .max)
        // Hash (seed, site, version) into the generator's seed: streams from nearby seeds
        // would overlap, and repeat ids across transactions.
        var mixer = SplitMix64(seed: (seed ^ site.rawValue) &+ UInt64(version) &* 0xD1B5_4A32_D192_ED03)
        self.random = SplitMix64(seed: mixer.next())
        self.sites = try SiteTable(db)
    }

    /// A stamp for a local write.
    mutating func stamp() -> FieldStamp {
        FieldStamp(hlc: clock.tick(), site: site)
    }

    /// A new record id.
    mutating func newID() -> RecordID {
        RecordID.make(milliseconds: clock.now(), using: &random)
    }

    /// A position between two others.
    mutating func position(between lower: String?, and upper: String?) -> String {
        FractionalIndex.between(lower, upper, using: &random)
    }

    /// `count` increasing positions between two others, kept short.
    mutating func positions(_ count: Int, between lower: String?, and upper: String?) -> [String] {
        FractionalIndex.sequence(count: count, after: lower, before: upper, using: &random)
    }

    /// Writes the new version and clock; called once, last.
    func finish() throws {
        guard isDirty else { return }
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?), ('hlc', ?)",
                       arguments: [version, Int64(bitPattern: clock.latest.rawValue)])
    }

    /// Writes local changes: each gets a fresh stamp from the clock.
    mutating func write(_ writes: [LocalWrite]) throws {
        let changes = writes.map { write in
            Change(record: write.record, kind: write.kind, parent: write.parent, field: write.field, value: write.value, stamp: stamp())
        }
        try merge(try Batch(changes, validating: false))
    }

    /// Merges a batch (local or remote) that passed validation.
    mutating func merge(_ batch: Batch) throws {
        guard !batch.records.isEmpty else { return }
        var merger = Merger(transaction: self)
        try merger.merge(batch)
        sites = merger.sites
        isDirty = true
    }
}

/// A local write before it gets its stamp.
struct LocalWrite {
    var record: RecordID
    var kind: RecordKind
    var parent: RecordID?
    var field: String
    var value: JSONValue
}
