import FolioCore

/// The error codes of the sync protocol (sync-protocol/README.md, "Errors"). Every error
/// reply is `{"error": {"code": CODE, "message": TEXT}}` with the status listed here.
public struct ErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The code as written on the wire.
    public let rawValue: String
    /// The HTTP status a server answers with.
    public let status: Int

    /// A code by name and status.
    public init(_ rawValue: String, status: Int) {
        self.rawValue = rawValue
        self.status = status
    }

    /// The body is not JSON, or not the JSON the route expects (wrong type, missing field).
    public static let badRequest = ErrorCode("bad-request", status: 400)
    /// The body has a field the route does not know.
    public static let unknownField = ErrorCode("unknown-field", status: 400)
    /// A change in the batch is malformed (bad id, stamp, field or value); nothing applied.
    public static let invalidChange = ErrorCode("invalid-change", status: 422)
    /// A change's record kind is not one the server knows; nothing applied.
    public static let unknownKind = ErrorCode("unknown-kind", status: 422)
    /// A change contradicts what the space holds (another kind or parent for a record).
    public static let conflictingChange = ErrorCode("conflicting-change", status: 409)
    /// A stamp is too far in the server's future; nothing applied. The reply carries the
    /// server's clock: advance yours and retry.
    public static let clockSkew = ErrorCode("clock-skew", status: 422)
    /// No token, or a token that is unknown, revoked, or of a disabled user.
    public static let unauthorized = ErrorCode("unauthorized", status: 401)
    /// Wrong email or password.
    public static let badCredentials = ErrorCode("bad-credentials", status: 401)
    /// No such route, or a space the caller is not a member of (never 403: a space's
    /// existence is not revealed).
    public static let notFound = ErrorCode("not-found", status: 404)
    /// The path exists but not with this method (the `Allow` header lists the methods).
    public static let methodNotAllowed = ErrorCode("method-not-allowed", status: 405)
    /// The caller is a member of the space but its role does not allow the write.
    public static let forbidden = ErrorCode("forbidden", status: 403)
    /// The email is already registered.
    public static let emailTaken = ErrorCode("email-taken", status: 409)
    /// The cursor is not one this server handed out for the space (or the space was
    /// reset): drop the local cursor and pull from the start.
    public static let mustReset = ErrorCode("must-reset", status: 409)
    /// The body is larger than the server accepts.
    public static let payloadTooLarge = ErrorCode("payload-too-large", status: 413)
    /// The batch has more changes than the server accepts.
    public static let batchTooLarge = ErrorCode("batch-too-large", status: 413)
    /// The body's Content-Encoding is not identity or gzip.
    public static let unsupportedEncoding = ErrorCode("unsupported-encoding", status: 415)
    /// Too many attempts (login); retry after the `Retry-After` seconds.
    public static let rateLimited = ErrorCode("rate-limited", status: 429)
    /// The server failed; the request had no effect and may be retried.
    public static let internalError = ErrorCode("internal", status: 500)
    /// The server is starting or stopping; retry.
    public static let unavailable = ErrorCode("unavailable", status: 503)

    /// Every code of this protocol version.
    public static let all: [ErrorCode] = [
        .badRequest, .unknownField, .invalidChange, .unknownKind, .conflictingChange, .clockSkew,
        .unauthorized, .badCredentials, .notFound, .methodNotAllowed, .forbidden, .emailTaken, .mustReset,
        .payloadTooLarge, .batchTooLarge, .unsupportedEncoding, .rateLimited, .internalError, .unavailable,
    ]

    /// The code named `rawValue`, if this version knows it.
    public init?(named rawValue: String) {
        guard let code = Self.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = code
    }

    public var description: String { rawValue }
}

/// An error reply: `{"error": {"code": "...", "message": "..."}}`.
public struct ErrorBody: Sendable, Hashable {
    /// The code as sent (a client may meet codes of a newer server).
    public var code: String
    /// What went wrong, for people.
    public var message: String

    /// An error body from its parts.
    public init(code: ErrorCode, message: String) {
        self.code = code.rawValue
        self.message = message
    }

    /// The reply's JSON.
    public var json: JSONValue {
        ["error": ["code": .string(code), "message": .string(message)]]
    }

    /// Reads an error reply.
    public init(json: JSONValue) throws(WireError) {
        let outer = try WireObject(json, at: "")
        let inner = try WireObject(try outer.required("error"), at: "error")
        code = try inner.string("code")
        message = try inner.string("message")
    }
}

/// A body that does not have the shape the protocol says: where and what.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code a server answers with (`bad-request`, `unknown-field` or `invalid-change`).
    public let code: ErrorCode
    /// What is wrong and where (`changes[3].hlc: must be 16 hex digits`).
    public let message: String

    /// An error with its code.
    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
