/// A request that did not get a good reply: no connection, or an error reply.
public struct TransportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No reply: the connection failed or dropped (`message` says how).
    public static func unreachable(_ message: String) -> TransportFailure {
        TransportFailure(status: nil, code: nil, message: message, retryAfter: nil)
    }

    /// An error reply.
    public static func reply(status: Int, code: String?, message: String, retryAfter: Double? = nil) -> TransportFailure {
        TransportFailure(status: status, code: code, message: message, retryAfter: retryAfter)
    }

    /// The HTTP status, nil when there was no reply.
    public let status: Int?
    /// The protocol's error code (`must-reset`), when the reply had one.
    public let code: String?
    /// What went wrong.
    public let message: String
    /// The server's `Retry-After`, in seconds.
    public let retryAfter: Double?

    /// True for failures that may pass by themselves: no connection, 408, 429, 5xx.
    public var isTransient: Bool {
        guard let status else { return true }
        return status == 408 || status == 429 || status >= 500
    }

    /// True when the reply's code is `name`.
    public func has(_ code: ErrorCode) -> Bool { self.code == code.rawValue }

    public var description: String {
        guard let status else { return message }
        return "\(status)\(code.map { " \($0)" } ?? ""): \(message)"
    }
}
