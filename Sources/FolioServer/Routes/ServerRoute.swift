import HTTPTypes

/// One route of the server: a method and a path template in OpenAPI's form
/// (`/v1/spaces/{space}/push`). `ServerRoute.all` is what the router registers, and what
/// the test compares with sync-protocol/openapi.yaml.
public struct ServerRoute: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path template.
    public let path: String

    /// A route from its parts.
    public init(_ method: HTTPRequest.Method, _ path: String) {
        self.method = method
        self.path = path
    }

    public static let register = ServerRoute(.post, "/v1/auth/register")
    public static let login = ServerRoute(.post, "/v1/auth/login")
    public static let logout = ServerRoute(.post, "/v1/auth/logout")
    public static let me = ServerRoute(.get, "/v1/me")
    public static let push = ServerRoute(.post, "/v1/spaces/{space}/push")
    public static let pull = ServerRoute(.get, "/v1/spaces/{space}/pull")
    public static let events = ServerRoute(.get, "/v1/spaces/{space}/events")
    public static let health = ServerRoute(.get, "/health")
    public static let ready = ServerRoute(.get, "/ready")
    public static let metrics = ServerRoute(.get, "/metrics")

    /// Every route, in the order of sync-protocol/README.md.
    public static let all: [ServerRoute] = [.register, .login, .logout, .me, .push, .pull, .events, .health, .ready, .metrics]

    /// True when `path` fits the template (a `{name}` segment matches any one segment).
    public func matches(path candidate: String) -> Bool {
        let template = path.split(separator: "/", omittingEmptySubsequences: false)
        let parts = candidate.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == parts.count else { return false }
        return zip(template, parts).allSatisfy { pattern, part in
            (pattern.hasPrefix("{") && !part.isEmpty) || pattern == part
        }
    }

    public var description: String { "\(method.rawValue) \(path)" }
}
