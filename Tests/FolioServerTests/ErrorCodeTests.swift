import Hummingbird
import Foundation
import FolioCore
import FolioCRDT
import FolioServer
import FolioSync
import HTTPTypes
import HummingbirdTesting
import Testing

/// Each error code of the protocol, provoked, with its status and a JSON error body; and
/// nothing applied where a push was refused.
@Suite struct ErrorCodeTests {
    func expectError(_ response: TestResponse, _ code: ErrorCode, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Int(response.status.code) == code.status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.errorCode == code.rawValue, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
    }

    @Test func badRequestForBodiesThatAreNotTheExpectedJSON() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            for body in ["", "{", "[]", "{\"email\": 3, \"password\": \"x\"}", "{\"password\": \"longenough\"}"] {
                let response = try await client.execute(uri: "/v1/auth/register", method: .post, body: ByteBuffer(string: body))
                expectError(response, .badRequest)
            }
            expectError(try await client.send(.post, "/v1/auth/register", json: ["email": "not-an-email", "password": "longenough"]), .badRequest)
            expectError(try await client.send(.post, "/v1/auth/register", json: ["email": "c@example.com", "password": "short"]), .badRequest)
            let push = try await client.send(.post, "/v1/spaces/\(device.space)/push", token: device.token,
                                             json: ["site": "nothex", "batch_id": .string(TestData.batchID()), "changes": []])
            expectError(push, .badRequest)
            expectError(try await client.pull(device, limit: 5001), .badRequest)
            expectError(try await client.pull(device, limit: 0), .badRequest)
        }
    }

    @Test func unknownFieldIsRefused() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            expectError(try await client.send(.post, "/v1/auth/login", json: ["email": "ada@example.com", "password": "correct horse", "remember": true]), .unknownField)
            let push = try await client.send(.post, "/v1/spaces/\(device.space)/push", token: device.token,
                                             json: ["site": "000000000000000a", "batch_id": .string(TestData.batchID()), "changes": [], "force": true])
            expectError(push, .unknownField)
        }
    }

    @Test func invalidChangeRefusesTheWholeBatch() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            var bad = TestData.change(2, "@cl", 0)
            expectError(try await client.push(device, [TestData.change(1), bad]), .invalidChange)
            bad = TestData.change(2, "@secret", 1)
            expectError(try await client.push(device, [TestData.change(1), bad]), .invalidChange)
            var json = PushRequest(site: TestData.siteA, batch: TestData.batchID(), changes: [TestData.change(1)]).json
            json = ["site": json.objectValue!["site"]!, "batch_id": json.objectValue!["batch_id"]!,
                    "changes": [TestData.change(1).json, ["id": "nope"]]]
            expectError(try await client.send(.post, "/v1/spaces/\(device.space)/push", token: device.token, json: json), .invalidChange)
            #expect(try await client.pullAll(device).changes.isEmpty)
        }
    }

    @Test func unknownKindRefusesTheWholeBatch() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            expectError(try await client.push(device, [TestData.change(1), TestData.change(2, kind: RecordKind("hologram"))]), .unknownKind)
            #expect(try await client.pullAll(device).changes.isEmpty)
        }
    }

    @Test func conflictingChangeWithTheServerOrWithinTheBatch() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            #expect(try await client.push(device, [TestData.change(1)]).status == .ok)
            expectError(try await client.push(device, [TestData.change(2), TestData.change(1, "text", "x", kind: .note)]), .conflictingChange)
            expectError(try await client.push(device, [TestData.change(3), TestData.change(3, parent: TestData.record(9))]), .conflictingChange)
            #expect(try await client.pullAll(device).changes == [TestData.change(1)])
        }
    }

    @Test func clockSkewRefusesStampsTooFarAhead() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            let ahead = Change(record: TestData.record(1), kind: .application, parent: nil, field: "company", value: "Acme",
                               stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: TestServer.now + SyncProtocol.maximumDrift + 1, counter: 0),
                                                 site: TestData.siteA))
            let response = try await client.push(device, [TestData.change(2), ahead])
            expectError(response, .clockSkew)
            let serverHLC = try #require(response.headers[HTTPField.Name("Folio-Server-HLC")!].flatMap(HybridTimestamp.init(parsing:)))
            #expect(serverHLC.milliseconds == TestServer.now)
            #expect(try await client.pullAll(device).changes.isEmpty)
            var edge = ahead
            edge.stamp.hlc = HybridTimestamp(milliseconds: TestServer.now + SyncProtocol.maximumDrift, counter: 7)
            #expect(try await client.push(device, [edge]).status == .ok)
            let pulled = try PullResponse(json: try await client.pull(device).json())
            #expect(HybridTimestamp(parsing: pulled.serverHLC)! > edge.stamp.hlc, "the server's clock took in the accepted stamp")
        }
    }

    @Test func badCredentialsAndEmailTaken() async throws {
        try await TestServer().run { client in
            _ = try await client.register()
            expectError(try await client.send(.post, "/v1/auth/register", json: AuthRequest(email: "Ada@Example.com", password: "another one").json), .emailTaken)
            expectError(try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "wrong password").json), .badCredentials)
            expectError(try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "nobody@example.com", password: "correct horse").json), .badCredentials)
        }
    }

    @Test func notFoundAndMethodNotAllowedForRoutes() async throws {
        try await TestServer().run { client in
            expectError(try await client.send(.get, "/v2/anything"), .notFound)
            expectError(try await client.send(.get, "/"), .notFound)
            let wrongMethod = try await client.send(.get, "/v1/auth/login")
            expectError(wrongMethod, .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "POST")
            expectError(try await client.send(.delete, "/v1/spaces/x/pull"), .methodNotAllowed)
        }
    }

    @Test func mustResetForCursorsNotHandedOut() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            let pushed = try PushResponse(json: try await client.push(device, [TestData.change(1)]).json())
            let generation = String(pushed.cursor.drop { $0 != "." })
            #expect(pushed.cursor.position == "1" && generation.count == 17, "\(pushed.cursor)")
            expectError(try await client.pull(device, since: "2" + generation), .mustReset)
            expectError(try await client.pull(device, since: "abc"), .mustReset)
            expectError(try await client.pull(device, since: "01" + generation), .mustReset)
            expectError(try await client.pull(device, since: "1.0123456789abcdef"), .mustReset)
            expectError(try await client.pull(device, since: "1"), .mustReset)  // a bare counter (servers before generations)
            #expect(try await client.pull(device, since: pushed.cursor).status == .ok)
            #expect(try await client.pull(device, since: "0").status == .ok)
        }
    }

    @Test func payloadTooLargeByContentLengthAndAfterDecompression() async throws {
        try await TestServer { $0.maximumBody = 4096 }.run { client in
            let device = try await client.register()
            let big = (0..<60).map { TestData.change(UInt64($0), "summary", .string(String(repeating: "x", count: 100))) }
            expectError(try await client.push(device, big), .payloadTooLarge)
            let body = PushRequest(site: TestData.siteA, batch: TestData.batchID(), changes: big).json.encoded()
            let packed = Gzip.compress(Array(body.utf8))!
            #expect(packed.count < 4096)
            let response = try await client.execute(uri: "/v1/spaces/\(device.space)/push", method: .post,
                                                    headers: [.authorization: "Bearer \(device.token)", .contentEncoding: "gzip"],
                                                    body: ByteBuffer(bytes: packed))
            expectError(response, .payloadTooLarge)
            #expect(try await client.pullAll(device).changes.isEmpty)
        }
    }

    @Test func batchTooLarge() async throws {
        try await TestServer { $0.maximumBatch = 10 }.run { client in
            let device = try await client.register()
            let changes = (0..<11).map { TestData.change(UInt64($0)) }
            expectError(try await client.push(device, changes), .batchTooLarge)
            #expect(try await client.push(device, Array(changes.prefix(10))).status == .ok)
        }
    }

    @Test func unsupportedEncoding() async throws {
        try await TestServer().run { client in
            let response = try await client.execute(uri: "/v1/auth/login", method: .post, headers: [.contentEncoding: "br"],
                                                    body: ByteBuffer(string: "{}"))
            expectError(response, .unsupportedEncoding)
        }
    }

    @Test func rateLimitedAfterRepeatedFailuresPerEmailAndPerAddress() async throws {
        let clock = TestClock()
        try await TestServer(clock: clock) { $0.loginFailures = 3; $0.loginWindow = 60_000 }.run { client in
            _ = try await client.register()
            let wrong = AuthRequest(email: "ada@example.com", password: "wrong password").json
            for _ in 0..<3 { expectError(try await client.send(.post, "/v1/auth/login", json: wrong), .badCredentials) }
            let limited = try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
            expectError(limited, .rateLimited)
            #expect(limited.headers[.retryAfter] == "60")
            // The address is limited too: another email from it is refused.
            expectError(try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "bob@example.com", password: "whatever1").json), .rateLimited)
            clock.advance(by: 60_001)
            #expect(try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "correct horse").json).status == .ok)
        }
    }

    @Test func internalErrorHidesTheCause() async throws {
        try await TestServer(storage: FailingStorage()).run { client in
            let response = try await client.send(.post, "/v1/auth/register", json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
            expectError(response, .internalError)
            #expect(!response.text.contains("disk"))
            expectError(try await client.send(.get, "/ready"), .unavailable)
        }
    }

    @Test func everyCodeIsCoveredHere() {
        // The codes this suite provokes; a new code must get a test here.
        let provoked: Set<String> = ["bad-request", "unknown-field", "invalid-change", "unknown-kind", "conflicting-change",
                                     "clock-skew", "unauthorized", "bad-credentials", "not-found", "method-not-allowed",
                                     "forbidden", "email-taken", "must-reset", "payload-too-large", "batch-too-large",
                                     "unsupported-encoding", "rate-limited", "internal", "unavailable"]
        #expect(Set(ErrorCode.all.map(\.rawValue)) == provoked)
    }
}

/// A store whose database always fails.
struct FailingStorage: SyncStorage {
    struct DiskFailure: Error {}
    func createUser(email: String, passwordHash: String, now: UInt64) async throws -> Account { throw DiskFailure() }
    func user(email: String) async throws -> Account? { throw DiskFailure() }
    func users() async throws -> [Account] { throw DiskFailure() }
    func setDisabled(email: String, _ disabled: Bool) async throws -> Bool { throw DiskFailure() }
    func addToken(hash: String, user: String, device: String?, now: UInt64) async throws { throw DiskFailure() }
    func caller(tokenHash: String, issuedSince: UInt64) async throws -> Caller? { throw DiskFailure() }
    func revokeToken(hash: String) async throws { throw DiskFailure() }
    func memberships(user: String) async throws -> [Membership] { throw DiskFailure() }
    func setMember(space: String, user: String, role: Role) async throws { throw DiskFailure() }
    func push(_ batch: PushBatch) async throws -> PushOutcome { throw DiskFailure() }
    func pull(space: String, after cursor: SyncCursor, limit: Int) async throws -> PullPage { throw DiskFailure() }
    func cursor(space: String) async throws -> UInt64 { throw DiskFailure() }
    func ping() async throws { throw DiskFailure() }
}
