import FolioCore
import FolioSync
import HTTPTypes
import Hummingbird

/// An error reply of the sync protocol: a code from `ErrorCode` (which fixes the status), a
/// message for people, and extra headers (`Retry-After`). Its body is
/// `{"error": {"code", "message"}}`. Messages never contain passwords or tokens.
public struct ServerError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The protocol's code.
    public let code: ErrorCode
    /// What went wrong.
    public let message: String
    /// Headers to add to the reply.
    public var headers: HTTPFields

    /// An error with its code and message.
    public init(_ code: ErrorCode, _ message: String, headers: HTTPFields = [:]) {
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: code.status) }

    public var description: String { "\(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let text = ErrorBody(code: code, message: message).json.encoded()
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A wire decoding problem as a reply.
    public init(_ error: WireError) {
        self.init(error.code, error.message)
    }

    static func notFound(_ what: String = "no such route") -> ServerError { ServerError(.notFound, what) }
    static let unauthorized = ServerError(.unauthorized, "a valid device token is required (Authorization: Bearer TOKEN)")
    static let noSuchSpace = ServerError(.notFound, "no such space")
}
