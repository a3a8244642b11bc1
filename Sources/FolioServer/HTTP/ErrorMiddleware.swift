import FolioSync
import HTTPTypes
import Hummingbird
import Logging

/// Turns every failure into the protocol's JSON error body: a `ServerError` as it is, a
/// Hummingbird `HTTPError` by its status (404 for unknown routes; 405 when the path exists
/// with other methods), anything else as `500 internal` (logged, never shown). Every reply
/// carries `Request-Id`, the id in the server's log lines for the request.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: [ServerRoute]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await respond(request, context: context, next: next)
        if let id = context.logger[metadataKey: "hb.request.id"] { response.headers[Self.requestID] = id.description }
        return response
    }

    static var requestID: HTTPField.Name { HTTPField.Name("Request-Id")! }

    private func respond(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try translate(error, request).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try ServerError(.internalError, "the server failed; nothing was applied, retry later")
                .response(from: request, context: context)
        }
    }

    func translate(_ error: HTTPError, _ request: Request) -> ServerError {
        switch error.status {
        case .notFound:
            let allowed = routes.filter { $0.matches(path: request.uri.path) }.map(\.method.rawValue)
            if allowed.isEmpty { return .notFound("no such route: \(request.method) \(request.uri.path)") }
            let unique = Array(Set(allowed)).sorted()
            return ServerError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path) (allowed: \(unique.joined(separator: ", ")))",
                               headers: [.allow: unique.joined(separator: ", ")])
        case .contentTooLarge:
            return ServerError(.payloadTooLarge, "the body is larger than \(SyncProtocol.maximumBody) bytes")
        default:
            let code = ErrorCode.all.first { $0.status == Int(error.status.code) } ?? .internalError
            return ServerError(code, error.body ?? error.status.reasonPhrase)
        }
    }
}
