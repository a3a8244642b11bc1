import FolioCore
import FolioCRDT
import FolioServer
import FolioSync
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// A wall clock tests set and move.
final class TestClock: Sendable {
    private let value: Atomic<UInt64>

    init(_ milliseconds: UInt64 = TestServer.now) {
        value = Atomic(milliseconds)
    }

    var now: UInt64 { value.load(ordering: .relaxed) }

    func advance(by milliseconds: UInt64) {
        value.add(milliseconds, ordering: .relaxed)
    }
}

/// A server over an in-memory store with a fixed clock and cheap bcrypt, driven through
/// Hummingbird's router test client.
struct TestServer {
    /// 2023-11-14T22:13:20Z.
    static let now: UInt64 = 1_700_000_000_000

    let server: SyncServer
    let clock: TestClock

    init(storage: (any SyncStorage)? = nil, clock: TestClock = TestClock(), configure: (inout ServerConfiguration) -> Void = { _ in }) throws {
        var configuration = ServerConfiguration()
        configuration.bcryptCost = 4
        configuration.now = { clock.now }
        configure(&configuration)
        self.clock = clock
        server = SyncServer(configuration: configuration, storage: try storage ?? SQLiteSyncStorage.inMemory())
    }

    func run<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await buildApplication(server).test(.router, body)
    }
}

/// A registered device: its token and its user's space.
struct Device: Sendable {
    var token: String
    var user: String
    var space: String

    var auth: HTTPFields { [.authorization: "Bearer \(token)"] }
}

extension TestClientProtocol {
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: JSONValue? = nil,
              headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        let body = json.map { ByteBuffer(string: $0.encoded()) }
        if body != nil, fields[.contentType] == nil { fields[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: fields, body: body)
    }

    func register(_ email: String = "ada@example.com", password: String = "correct horse", device: String = "laptop") async throws -> Device {
        let response = try await send(.post, "/v1/auth/register", json: AuthRequest(email: email, password: password, device: device).json)
        #expect(response.status == .created, "\(response.text)")
        let auth = try AuthResponse(json: response.json())
        return Device(token: auth.token, user: auth.user, space: auth.space)
    }

    func push(_ device: Device, _ changes: [Change], site: SiteID = TestData.siteA, batch: String = TestData.batchID(),
              space: String? = nil) async throws -> TestResponse {
        try await send(.post, "/v1/spaces/\(space ?? device.space)/push", token: device.token,
                       json: PushRequest(site: site, batch: batch, changes: changes).json)
    }

    func pull(_ device: Device, since: String = "0", limit: Int? = nil, space: String? = nil) async throws -> TestResponse {
        let query = "since=\(since)" + (limit.map { "&limit=\($0)" } ?? "")
        return try await send(.get, "/v1/spaces/\(space ?? device.space)/pull?\(query)", token: device.token)
    }

    /// Pulls pages until `more` is false; every change received, in order, and the last cursor.
    func pullAll(_ device: Device, since: String = "0", limit: Int = 1000) async throws -> (changes: [Change], cursor: String) {
        var cursor = since, changes: [Change] = []
        while true {
            let response = try await pull(device, since: cursor, limit: limit)
            #expect(response.status == .ok, "\(response.text)")
            let page = try PullResponse(json: response.json())
            changes += page.changes
            cursor = page.cursor
            if !page.more { return (changes, cursor) }
        }
    }
}

extension TestResponse {
    /// The body's bytes, gunzipped when the reply says gzip.
    var bytes: [UInt8] {
        let raw = Array(body.readableBytesView)
        if headers[.contentEncoding] == "gzip" { return (try? Gzip.decompress(raw, limit: 1 << 28)) ?? [] }
        return raw
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func json() throws -> JSONValue {
        try JSONParser.parse(text, path: "reply").0
    }

    /// The error code of an error reply, or nil.
    var errorCode: String? {
        (try? ErrorBody(json: json()))?.code
    }
}

/// Ids, sites and changes for tests.
enum TestData {
    static let siteA = SiteID(rawValue: 0xA)
    static let siteB = SiteID(rawValue: 0xB)

    static func batchID() -> String {
        UUID().uuidString.lowercased()
    }

    static func record(_ n: UInt64) -> RecordID {
        RecordID(high: 0x0190_f3a4_5b6c_7000 | n, low: 0x8000_0000_0000_0000 | n)
    }

    static func hlc(_ offset: UInt64 = 0) -> HybridTimestamp {
        HybridTimestamp(milliseconds: TestServer.now - 1000 + offset, counter: 0)
    }

    static func change(_ n: UInt64, _ field: String = "company", _ value: JSONValue = "Acme", kind: RecordKind = .application,
                       at offset: UInt64 = 0, site: SiteID = siteA, parent: RecordID? = nil) -> Change {
        Change(record: record(n), kind: kind, parent: parent, field: field, value: value,
               stamp: FieldStamp(hlc: hlc(offset), site: site))
    }
}

extension StringProtocol {
    /// A cursor's position (the counter value before its `.GENERATION`).
    var position: String { String(prefix { $0 != "." }) }
}
