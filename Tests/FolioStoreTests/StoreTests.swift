import FolioCore
import FolioCRDT
import FolioStore
import Foundation
import Testing

/// A temporary folder removed when the value goes.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

func fixtureResume() throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/resume.json")
    return try JSONParser.parse(String(contentsOf: url, encoding: .utf8), path: "resume.json").0
}

func configuration(site: UInt64, now: UInt64 = 1_700_000_000_000) -> Store.Configuration {
    var configuration = Store.Configuration()
    configuration.site = SiteID(rawValue: site)
    configuration.seed = site
    configuration.now = { now }
    return configuration
}

@Suite struct StoreFileTests {
    @Test func opensInWALModeAndKeepsItsSite() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nested/replica.sqlite")
        let site = try Store.open(path: path).site()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try Store.open(path: path).site() == site)
        let mode = try String(contentsOfFile: path, encoding: .isoLatin1).prefix(100)
        #expect(mode.hasPrefix("SQLite format 3"))
        // WAL mode is recorded in the header: bytes 18 and 19 are 2.
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(20)
        #expect(header[18] == 2 && header[19] == 2)
    }

    @Test func refusesAFileFromANewerVersionUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("replica.sqlite")
        let store = try Store.open(path: path)
        try store.create(.note, fields: ["text": "hello"])
        try Store.markNewerForTesting(path: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try Store.open(path: path) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.isNewerSchema && error.description.contains("newer version of Folio")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func storeLocationFollowsOptionThenEnvironment() {
        #expect(StoreLocation.resolve(option: "/x/r.sqlite", environment: ["FOLIO_STORE": "/y"]) == "/x/r.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: ["FOLIO_STORE": "/y/r.sqlite"]) == "/y/r.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/folio/replica.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: ["HOME": "/h"]) == "/h/.local/share/folio/replica.sqlite")
    }
}

@Suite struct StoreSyncTests {
    static let app = RecordID(high: 0x0190_0000_0000_7000, low: 0x8000_0000_0000_0001)

    static func change(_ field: String, _ value: JSONValue, ms: UInt64, site: UInt64 = 1, kind: RecordKind = .application) -> Change {
        Change(record: app, kind: kind, parent: nil, field: field, value: value,
               stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: ms, counter: 0), site: SiteID(rawValue: site)))
    }

    @Test func applyIsIdempotent() throws {
        let store = try Store.inMemory()
        let batch = [Self.change("company", "Acme", ms: 5), Self.change("role", "SRE", ms: 6), Self.change("x-new", [1, 2], ms: 6)]
        try store.apply(batch)
        let first = try store.changes(since: 0).changes
        let version = try store.version()
        try store.apply(batch)
        try store.apply(batch.reversed())
        #expect(try store.changes(since: 0).changes == first)
        #expect(try store.changes(since: version).changes.isEmpty, "a batch applied again rewrites no record")
        #expect(Set(first.map(\.field)) == ["company", "role", "x-new"])
    }

    @Test func mergeRuleCasesInSQL() throws {
        let store = try Store.inMemory()
        try store.apply([Self.change("company", "Old", ms: 5)])
        try store.apply([Self.change("company", "Older", ms: 4)])
        #expect(try store.record(Self.app)?["company"] == "Old", "an older stamp loses")
        try store.apply([Self.change("company", "Site 2", ms: 5, site: 2)])
        #expect(try store.record(Self.app)?["company"] == "Site 2", "equal stamp: the higher site wins")
        try store.apply([Self.change("company", "Site 1b", ms: 5, site: 1)])
        #expect(try store.record(Self.app)?["company"] == "Site 2")
        try store.apply([Self.change("role", "x", ms: 9), Self.change("role", nil, ms: 9)])
        #expect(try store.record(Self.app)?["role"] == "x", "equal stamp and site: null is lowest")
        try store.apply([Self.change("role", nil, ms: 9)])
        #expect(try store.record(Self.app)?["role"] == "x")
        try store.apply([Self.change("role", nil, ms: 10)])
        #expect(try store.record(Self.app)?["role"] == JSONValue.null, "a later null wins")
    }

    @Test func rejectsABadBatchWhole() throws {
        let store = try Store.inMemory()
        let good = Self.change("company", "Acme", ms: 5)
        var unknown = Self.change("company", "x", ms: 6)
        unknown.kind = RecordKind("hologram")
        unknown.record = RecordID(high: 9, low: 9)
        let badPosition = Self.change("@pos", "a0", ms: 6)
        let badLength = Self.change("@cl", 0, ms: 6)
        for bad in [unknown, badPosition, badLength] {
            #expect { try store.apply([good, bad]) } throws: { ($0 as? StoreError)?.isRejectedBatch == true }
        }
        #expect(try store.changes(since: 0).changes.isEmpty)
        try store.apply([good])
        var otherKind = good
        otherKind.kind = .posting
        #expect { try store.apply([otherKind]) } throws: { String(describing: $0).contains("is held as a application") }
        var otherParent = good
        otherParent.parent = RecordID(high: 5, low: 5)
        var bystander = Self.change("company", "Other", ms: 9)
        bystander.record = RecordID(high: 6, low: 6)
        #expect { try store.apply([bystander, otherParent]) } throws: {
            String(describing: $0).contains("another parent")
        }
        #expect(try store.record(bystander.record) == nil, "nothing of the refused batch stays")
    }

    @Test func changesSinceAVersionAndClockAdvance() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1, now: 1_000))
        try store.apply([Self.change("company", "Acme", ms: 50_000, site: 2)])  // a peer an age ahead
        let (_, version) = try store.changes(since: 0)
        let note = try store.create(.note, fields: ["text": "hi"])
        let (later, _) = try store.changes(since: version)
        #expect(Set(later.map(\.record)) == [note])
        #expect(later.allSatisfy { $0.stamp.hlc > HybridTimestamp(milliseconds: 50_000, counter: 0) }, "local stamps come after what was received")
    }

    @Test func deletedParentsHideChildrenButKeepThem() throws {
        let store = try Store.inMemory()
        let app = try store.create(.application, fields: ["company": "Acme"])
        let event = try store.create(.event, parent: app, position: "V", fields: ["type": "applied"])
        try store.setAlive(app, false)
        #expect(try store.children(of: app).isEmpty)
        #expect(try store.record(event)?.isAlive == true)
        try store.setAlive(app, true)
        #expect(try store.children(of: app).map(\.id) == [event])
    }
}
