import FolioCore
import FolioCRDT
import Foundation
import GRDB

/// The local replica: one SQLite file (WAL) holding every record as CRDT registers.
///
/// Every operation is one transaction: a crash or `kill -9` leaves the file as it was
/// before the operation or after it, never between.
/// ```
/// let store = try Store.open(path: StoreLocation.resolve(option: nil))
/// let diff = try store.importResume(resume, name: "main")
/// let (changes, version) = try store.changes(since: lastPushed)
/// ```
public struct Store: Sendable {
    /// Replaceable parts, with production defaults.
    public struct Configuration: Sendable {
        /// Unix milliseconds now.
        public var now: @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970 * 1000) }
        /// Seeds ids and positions; nil draws from the system's random source.
        public var seed: UInt64?
        /// How far ahead of the clock a remote stamp may be; nil accepts any (the server checks).
        public var maximumDrift: UInt64?
        /// The site id for a new replica; nil picks a random one.
        public var site: SiteID?

        /// The production defaults.
        public init() {}
    }

    let writer: any DatabaseWriter
    /// The replaceable parts in use.
    public let configuration: Configuration
    /// The file, or ":memory:".
    public let path: String

    /// Opens (creating if needed) the replica file at `path`, in WAL mode, and brings its
    /// schema up to date. A file written by a newer Folio is refused, untouched.
    public static func open(path: String, configuration: Configuration = Configuration()) throws -> Store {
        try open(path: path, configuration: configuration, upTo: nil)
    }

    /// `open`, with the migrations only up to and including `upTo` when given (tests of upgrades).
    static func open(path: String, configuration: Configuration = Configuration(), upTo: String?) throws -> Store {
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            var config = GRDB.Configuration()
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let pool = try DatabasePool(path: path, configuration: config)
            return try Store(writer: pool, path: path, configuration: configuration, upTo: upTo)
        } catch {
            throw StoreError.database(error)
        }
    }

    /// Opens the replica at `path` to read it, writing nothing: one connection, none of the
    /// write `open`'s connection pool makes to set up its WAL file (which every process then
    /// checkpoints and syncs on exit). When the file is missing or its schema is not this
    /// version's, this is `open` (which creates, migrates or refuses it).
    public static func openForReading(path: String, configuration: Configuration = Configuration()) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { return try open(path: path, configuration: configuration) }
        let queue: DatabaseQueue
        do {
            var config = GRDB.Configuration()
            config.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: config)
            let migrator = Migrations.migrator
            let current = try queue.read { db in
                try migrator.hasCompletedMigrations(db) && !migrator.hasBeenSuperseded(db)
                    && String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'site'") != nil
            }
            guard current else {
                try queue.close()
                return try open(path: path, configuration: configuration)
            }
        } catch {
            throw StoreError.database(error)
        }
        return Store(reader: queue, path: path, configuration: configuration)
    }

    /// A replica in memory, for tests.
    public static func inMemory(configuration: Configuration = Configuration()) throws -> Store {
        do { return try Store(writer: DatabaseQueue(), path: ":memory:", configuration: configuration) } catch {
            throw StoreError.database(error)
        }
    }

    /// A store on a replica whose schema is known to be current (see `openForReading`).
    private init(reader: DatabaseQueue, path: String, configuration: Configuration) {
        self.writer = reader
        self.path = path
        self.configuration = configuration
    }

    init(writer: any DatabaseWriter, path: String, configuration: Configuration, upTo: String? = nil) throws {
        self.writer = writer
        self.path = path
        self.configuration = configuration
        let migrator = Migrations.migrator
        try writer.read { db in
            if try migrator.hasBeenSuperseded(db) {
                throw StoreError.newerSchema(path: path, migrations: try migrator.appliedIdentifiers(db).sorted())
            }
        }
        if let upTo { try migrator.migrate(writer, upTo: upTo) } else { try migrator.migrate(writer) }
        try writer.write { db in
            let site = configuration.site ?? SiteID(rawValue: UInt64.random(in: .min ... .max))
            try db.execute(sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('site', ?)", arguments: [site.description])
        }
    }

    /// This replica's site id.
    public func site() throws -> SiteID {
        try read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'site'"),
                  let site = SiteID(parsing: text) else { throw StoreError.invalid("the replica has no site id") }
            return site
        }
    }

    /// The local version: bumped by every transaction that wrote something.
    public func version() throws -> UInt64 {
        try read { db in UInt64(try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'version'") ?? 0) }
    }

    /// Runs `body` in one write transaction with the replica's clock and version.
    /// Runs `body` in one write transaction with the replica's clock and version; with
    /// `dryRun`, everything it wrote is rolled back.
    func write<T>(dryRun: Bool = false, _ body: (inout Transaction) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    var transaction = try Transaction(db: db, configuration: configuration)
                    result = try body(&transaction)
                    try transaction.finish()
                    return dryRun ? .rollback : .commit
                }
                return result!
            }
        } catch {
            throw StoreError.database(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StoreError.database(error) }
    }
}

extension Store {
    /// Records a migration this version does not know, as a newer Folio would: for tests
    /// of the newer-schema refusal.
    public static func markNewerForTesting(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        try queue.close()
    }
}
