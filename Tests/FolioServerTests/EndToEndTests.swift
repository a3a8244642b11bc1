import FolioCore
import FolioCRDT
import FolioSync
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// The built `folio-server` over real HTTP on 127.0.0.1: register, push in a loop, `kill -9`
/// it mid-run, restart it on the same database, and find every acknowledged change.
@Suite(.serialized) struct EndToEndTests {
    static func temporaryDatabase() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-server-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("server.sqlite")
    }

    static func send(_ port: Int, _ method: HTTPRequest.Method, _ uri: String, token: String? = nil,
                     json: JSONValue? = nil) async throws -> (status: Int, body: JSONValue?) {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            var headers: HTTPFields = [:]
            if let token { headers[.authorization] = "Bearer \(token)" }
            if json != nil { headers[.contentType] = "application/json" }
            let body = ByteBuffer(string: json?.encoded() ?? "")
            let response = try await client.execute(TestClient.Request(uri, method: method, authority: "127.0.0.1", headers: headers, body: body))
            let text = response.body.map { String(buffer: $0) } ?? ""
            return (Int(response.status.code), try? JSONParser.parse(text, path: "reply").0)
        }
    }

    @Test func everyAcknowledgedChangeSurvivesKill9() async throws {
        let database = try Self.temporaryDatabase()
        let first = try ServerProcess(database: database)
        let registered = try await Self.send(first.port, .post, "/v1/auth/register",
                                            json: AuthRequest(email: "ada@example.com", password: "correct horse", device: "e2e").json)
        #expect(registered.status == 201)
        let auth = try AuthResponse(json: try #require(registered.body))
        let acknowledged = Mutex<[Change]>([])
        let unacknowledged = Mutex<PushRequest?>(nil)
        let port = first.port
        let pusher = Task {
            for round in 0..<100_000 {
                let changes = (0..<20).map { index in
                    Change(record: TestData.record(UInt64(round * 20 + index)), kind: .application, parent: nil,
                           field: "company", value: .string("Company \(round)-\(index)"),
                           stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000), counter: UInt16(index)),
                                             site: TestData.siteA))
                }
                let request = PushRequest(site: TestData.siteA, batch: TestData.batchID(), changes: changes)
                unacknowledged.withLock { $0 = request }
                guard let reply = try? await Self.send(port, .post, "/v1/spaces/\(auth.space)/push", token: auth.token, json: request.json),
                      reply.status == 200 else { return round }
                acknowledged.withLock { $0 += changes }
                unacknowledged.withLock { $0 = nil }
            }
            return -1
        }
        // Let it push for a while, then kill the server mid-run.
        while acknowledged.withLock({ $0.count }) < 400 { try await Task.sleep(for: .milliseconds(20)) }
        first.kill9()
        let rounds = await pusher.value
        #expect(rounds > 0, "pushes stopped when the server died")

        let second = try ServerProcess(database: database)
        let me = try await Self.send(second.port, .get, "/v1/me", token: auth.token)
        #expect(me.status == 200, "the token survived the restart")
        // The batch in flight when the server died: retrying it (same batch id) is safe.
        if let pending = unacknowledged.withLock({ $0 }) {
            let retry = try await Self.send(second.port, .post, "/v1/spaces/\(auth.space)/push", token: auth.token, json: pending.json)
            #expect(retry.status == 200)
            acknowledged.withLock { $0 += pending.changes }
        }
        var held: Set<Change> = [], cursor = "0"
        while true {
            let page = try await Self.send(second.port, .get, "/v1/spaces/\(auth.space)/pull?since=\(cursor)&limit=5000", token: auth.token)
            let pull = try PullResponse(json: try #require(page.body))
            held.formUnion(pull.changes)
            cursor = pull.cursor
            if !pull.more { break }
        }
        let expected = acknowledged.withLock { $0 }
        let lost = expected.filter { !held.contains($0) }
        #expect(lost.isEmpty, "\(lost.count) of \(expected.count) acknowledged changes lost")
        #expect(held.count == expected.count)
        #expect(second.terminate() == 0, "SIGTERM shuts down gracefully: \(second.log)")
    }

    @Test func sigtermEndsOpenEventStreamsAndExitsCleanly() async throws {
        let server = try ServerProcess(database: try Self.temporaryDatabase())
        let registered = try await Self.send(server.port, .post, "/v1/auth/register",
                                            json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
        let auth = try AuthResponse(json: try #require(registered.body))
        let port = server.port
        let stream = Task {
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                try await client.execute(TestClient.Request("/v1/spaces/\(auth.space)/events", method: .get, authority: "127.0.0.1",
                                                            headers: [.authorization: "Bearer \(auth.token)"]))
            }
        }
        try await Task.sleep(for: .milliseconds(500))
        let started = Date()
        #expect(server.terminate() == 0, "\(server.log)")
        #expect(Date().timeIntervalSince(started) < 10, "an open event stream does not hold up shutdown")
        let response = try await stream.value
        #expect(response.status == .ok)
        #expect(response.body.map { String(buffer: $0) }?.hasPrefix(": connected") == true)
    }

    @Test func adminCommandsManageUsers() async throws {
        let database = try Self.temporaryDatabase()
        func admin(_ arguments: [String], password: String? = nil) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = try ServerProcess.binary()
            process.arguments = arguments + ["--db", database.path]
            var environment = ProcessInfo.processInfo.environment
            environment["FOLIO_PASSWORD"] = password
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let added = try admin(["user", "add", "ada@example.com"], password: "correct horse")
        #expect(added.0 == 0 && added.1.contains("added ada@example.com"), "\(added.1)")
        #expect(try admin(["user", "add", "ada@example.com"], password: "correct horse").0 != 0)
        let listed = try admin(["user", "list", "--json"])
        let users = try JSONParser.parse(listed.1, path: "list").0.arrayValue ?? []
        #expect(users.count == 1 && users[0].objectValue?["email"] == "ada@example.com" && users[0].objectValue?["disabled"] == false)
        #expect(!listed.1.contains("$2"), "no password hash in listings")
        #expect(try admin(["user", "disable", "ada@example.com"]).0 == 0)
        #expect(try admin(["user", "list"]).1.contains("disabled"))
        #expect(try admin(["user", "disable", "nobody@example.com"]).0 != 0)

        let server = try ServerProcess(database: database)
        let refused = try await Self.send(server.port, .post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
        #expect(refused.status == 401)
        #expect(try admin(["user", "disable", "--enable", "ada@example.com"]).0 == 0)
        let login = try await Self.send(server.port, .post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
        #expect(login.status == 200)
        #expect(server.terminate() == 0)
    }
}
