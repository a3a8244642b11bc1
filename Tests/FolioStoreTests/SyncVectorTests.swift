import FolioCore
import FolioCRDT
import FolioStore
import Foundation
import Testing

/// The protocol's test vectors (sync-protocol/vectors/*.json, run by the server's tests
/// too) against the client's merge: each push step's changes go into a replica (FolioStore)
/// and into FolioCRDT's `ReplicaState`; a step the server refuses must be refused whole
/// here too, and the final state must be the vector's, field by field.
@Suite struct SyncVectorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sync-protocol/vectors")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func theVectorsArePresent() {
        #expect(Self.files.count >= 10, "no vectors in \(Self.folder.path)")
    }

    /// A push request's changes, or nil when the request itself is malformed (unknown
    /// fields, a bad change): the server refuses those whole.
    static func changes(of request: JSONValue?) -> [Change]? {
        guard let object = request?.objectValue, Set(object.keys).isSubset(of: ["site", "batch_id", "changes"]),
              let items = object["changes"]?.arrayValue else { return nil }
        var changes: [Change] = []
        for item in items {
            guard let change = try? Change(json: item) else { return nil }
            changes.append(change)
        }
        return changes
    }

    /// A state as "id/field" -> change, for comparing.
    static func keyed(_ changes: [Change]) -> [String: Change] {
        Dictionary(changes.map { ("\($0.record)/\($0.field)", $0) }, uniquingKeysWith: { $1 })
    }

    @Test(arguments: files)
    func vector(_ file: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        let vector = try #require(try JSONParser.parse(text, path: file).0.objectValue)
        guard case .number(let now)? = vector["server_now_ms"] else { Issue.record("\(file): no server_now_ms"); return }
        var configuration = Store.Configuration()
        configuration.now = { UInt64(now) }
        configuration.maximumDrift = 60_000
        let store = try Store.inMemory(configuration: configuration)
        var crdt = ReplicaState()
        var held = Set<RecordID>()
        for (index, step) in (vector["steps"]?.arrayValue ?? []).enumerated() {
            guard let step = step.objectValue, step["action"]?.stringValue == "push" else { continue }
            guard case .number(let status)? = step["expect"]?.objectValue?["status"] else { continue }
            var accepted = false
            if let changes = Self.changes(of: step["request"]), (try? store.apply(changes)) != nil {
                accepted = true
                _ = try crdt.apply(changes)
                held.formUnion(changes.map(\.record))
            }
            #expect(accepted == (status == 200), "\(file) step \(index): the server answers \(Int(status))")
        }
        let expected = Self.keyed(try (vector["final_state"]?.arrayValue ?? []).map { try Change(json: $0) })
        let stored = Self.keyed(try held.compactMap { try store.record($0) }.flatMap(\.changes))
        #expect(stored.keys.sorted() == expected.keys.sorted(), "\(file): fields held")
        for (key, change) in expected {
            #expect(stored[key]?.value == change.value && stored[key]?.stamp == change.stamp, "\(file): \(key)")
        }
        #expect(Self.keyed(crdt.changes) == stored, "\(file): FolioCRDT agrees")
    }
}
