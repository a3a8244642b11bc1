import Hummingbird
import FolioCRDT
import FolioCore
import FolioServer
import FolioSync
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Runs every file of sync-protocol/vectors/ against the server (format:
/// sync-protocol/vectors/README.md): each step's status, error code and reply fields, then
/// the final state.
@Suite struct VectorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sync-protocol/vectors")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func thereAreVectorsForEveryCaseTheSpecNames() {
        #expect(Self.files.count >= 10)
    }

    @Test(arguments: files)
    func vector(_ file: String) async throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        let vector = try JSONParser.parse(text, path: file).0
        let object = try #require(vector.objectValue)
        guard case .number(let now)? = object["server_now_ms"] else { Issue.record("\(file): server_now_ms"); return }
        let clock = TestClock(UInt64(now))
        try await TestServer(clock: clock).run { client in
            let device = try await client.register()
            var cursors: [String: String] = [:]
            for (index, step) in (object["steps"]?.arrayValue ?? []).enumerated() {
                try await Self.run(step, device, client, &cursors, "\(file) step \(index + 1)")
            }
            let state = try await client.pullAll(device, limit: 5000).changes.map { $0.json.encoded() }
            let expected = (object["final_state"]?.arrayValue ?? []).map { $0.encoded() }
            #expect(Set(state) == Set(expected), "\(file): final state")
            #expect(state.count == expected.count, "\(file): final state has one entry per field")
        }
    }

    /// Runs one step. Vectors write cursors as their position (the server's generation is
    /// random): `cursors` maps each position to the cursor the server handed out with it, a
    /// `since` naming one is sent as that cursor, and reply cursors compare by position.
    static func run(_ step: JSONValue, _ device: Device, _ client: any TestClientProtocol,
                    _ cursors: inout [String: String], _ label: String) async throws {
        let step = try #require(step.objectValue)
        let expect = try #require(step["expect"]?.objectValue)
        let response: TestResponse
        switch step["action"]?.stringValue {
        case "push":
            response = try await client.send(.post, "/v1/spaces/\(device.space)/push", token: device.token, json: step["request"])
        case "pull":
            let query = try #require(step["query"]?.objectValue)
            let since = query["since"]?.stringValue ?? "0"
            var uri = "/v1/spaces/\(device.space)/pull?since=\(cursors[since] ?? since)"
            if case .number(let limit)? = query["limit"] { uri += "&limit=\(Int(limit))" }
            response = try await client.send(.get, uri, token: device.token)
        default:
            Issue.record("\(label): unknown action")
            return
        }
        if case .number(let status)? = expect["status"] { #expect(Int(response.status.code) == Int(status), "\(label): \(response.text)") }
        if let code = expect["error"]?.stringValue { #expect(response.errorCode == code, "\(label): \(response.text)") }
        guard let body = expect["body"]?.objectValue else { return }
        var reply = try #require(try response.json().objectValue, "\(label)")
        if let cursor = reply["cursor"]?.stringValue {
            cursors[cursor.position] = cursor
            reply["cursor"] = .string(cursor.position)
        }
        for (key, value) in body {
            #expect(reply[key]?.encoded() == value.encoded(), "\(label): \(key)")
        }
    }
}
