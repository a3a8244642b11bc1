import FolioCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The sync protocol over HTTP/1.1 (Foundation's URLSession): JSON bodies, gzip-compressed
/// when at least `SyncProtocol.compressionThreshold` bytes, gzip replies accepted (and
/// decompressed by URLSession), errors read from the protocol's error body.
/// ```
/// let client = HTTPSyncClient(server: URL(string: "http://127.0.0.1:8080")!, space: space, token: token)
/// let page = try await client.pull(since: "0", limit: 1000)
/// ```
public struct HTTPSyncClient: SyncTransport, @unchecked Sendable {
    /// The server's base URL.
    public let server: URL
    /// The space pushed to and pulled from.
    public let space: String
    /// The device token, when logged in.
    public let token: String?
    private let session: URLSession

    /// A client; `timeout` bounds each request, in seconds.
    public init(server: URL, space: String = "", token: String? = nil, timeout: Double = 30) {
        self.server = server
        self.space = space
        self.token = token
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
    }

    /// `POST /v1/auth/register`.
    public func register(_ request: AuthRequest) async throws(TransportFailure) -> AuthResponse {
        try decode(try await send("POST", "/v1/auth/register", body: request.json, authorized: false), AuthResponse.init(json:))
    }

    /// `POST /v1/auth/login`.
    public func login(_ request: AuthRequest) async throws(TransportFailure) -> AuthResponse {
        try decode(try await send("POST", "/v1/auth/login", body: request.json, authorized: false), AuthResponse.init(json:))
    }

    /// `POST /v1/auth/logout`: revokes this client's token.
    public func logout() async throws(TransportFailure) {
        _ = try await send("POST", "/v1/auth/logout", body: nil, authorized: true)
    }

    public func push(_ request: PushRequest) async throws(TransportFailure) -> PushResponse {
        try decode(try await send("POST", "/v1/spaces/\(space)/push", body: request.json, authorized: true), PushResponse.init(json:))
    }

    public func pull(since cursor: String, limit: Int) async throws(TransportFailure) -> PullResponse {
        let since = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
        let (data, http) = try await exchange("GET", "/v1/spaces/\(space)/pull?since=\(since)&limit=\(limit)", body: nil, authorized: true)
        guard (200..<300).contains(http.statusCode) else { throw Self.failure(try Self.parse(data, status: http.statusCode), http) }
        do { return try PullResponse(bytes: Array(data)) } catch {
            throw TransportFailure.reply(status: http.statusCode, code: nil, message: "the reply does not have the protocol's shape: \(error)")
        }
    }

    /// The request for the space's event stream (`GET /v1/spaces/{space}/events`).
    public var eventsRequest: URLRequest {
        var request = makeRequest("GET", "/v1/spaces/\(space)/events", authorized: true)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        request.timeoutInterval = 24 * 3600
        return request
    }

    private func makeRequest(_ method: String, _ path: String, authorized: Bool) -> URLRequest {
        let base = server.absoluteString.hasSuffix("/") ? String(server.absoluteString.dropLast()) : server.absoluteString
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
        if authorized, let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        return request
    }

    /// Sends a request; returns the reply's JSON (nil for an empty body) or throws the error reply.
    private func send(_ method: String, _ path: String, body: JSONValue?, authorized: Bool) async throws(TransportFailure) -> JSONValue? {
        let (data, http) = try await exchange(method, path, body: body, authorized: authorized)
        let json = try Self.parse(data, status: http.statusCode)
        guard (200..<300).contains(http.statusCode) else { throw Self.failure(json, http) }
        return json
    }

    /// Sends a request; returns the reply's body and head, whatever the status.
    private func exchange(_ method: String, _ path: String, body: JSONValue?, authorized: Bool) async throws(TransportFailure) -> (Data, HTTPURLResponse) {
        var request = makeRequest(method, path, authorized: authorized)
        if let body {
            let bytes = Array(body.encoded().utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if bytes.count >= SyncProtocol.compressionThreshold, let packed = Gzip.compress(bytes) {
                request.setValue("gzip", forHTTPHeaderField: "Content-Encoding")
                request.httpBody = Data(packed)
            } else {
                request.httpBody = Data(bytes)
            }
        }
        let data: Data, response: URLResponse
        do { (data, response) = try await session.data(for: request) } catch {
            throw TransportFailure.unreachable(Self.describe(error, server: server))
        }
        guard let http = response as? HTTPURLResponse else { throw TransportFailure.unreachable("no HTTP reply") }
        return (data, http)
    }

    private static func parse(_ data: Data, status: Int) throws(TransportFailure) -> JSONValue? {
        guard !data.isEmpty else { return nil }
        do { return try JSONParser.parse(bytes: Array(data), path: "reply") } catch {
            if status >= 400 { return nil }
            throw TransportFailure.reply(status: status, code: nil, message: "the reply is not JSON: \(error)")
        }
    }

    private static func failure(_ json: JSONValue?, _ http: HTTPURLResponse) -> TransportFailure {
        let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
        if let json, let body = try? ErrorBody(json: json) {
            return .reply(status: http.statusCode, code: body.code, message: body.message, retryAfter: retryAfter)
        }
        return .reply(status: http.statusCode, code: nil, message: HTTPURLResponse.localizedString(forStatusCode: http.statusCode),
                      retryAfter: retryAfter)
    }

    private func decode<T>(_ json: JSONValue?, _ make: (JSONValue) throws(WireError) -> T) throws(TransportFailure) -> T {
        guard let json else { throw TransportFailure.reply(status: 200, code: nil, message: "the reply is empty") }
        do { return try make(json) } catch {
            throw TransportFailure.reply(status: 200, code: nil, message: "the reply does not have the protocol's shape: \(error)")
        }
    }

    /// A connection error in a few words (URLSession's own text on Linux is long).
    static func describe(_ error: any Error, server: URL) -> String {
        let text = (error as NSError).userInfo[NSLocalizedDescriptionKey] as? String ?? error.localizedDescription
        return "\(server.absoluteString): \(text)"
    }
}
