import FolioSync
import HTTPTypes
import Hummingbird
import Prometheus

extension SyncServer {
    func addOperationRoutes(to router: Router<ServerContext>) {
        router.get(RouterPath(ServerRoute.health.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get(RouterPath(ServerRoute.ready.path)) { _, _ in try await self.ready() }
        router.get(RouterPath(ServerRoute.metrics.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: self.metrics.registry.emitToBuffer())))
        }
    }

    /// 200 when the database answers and the server is not stopping; 503 otherwise.
    func ready() async throws -> Response {
        guard !isStopping else { throw ServerError(.unavailable, "the server is shutting down") }
        do { try await storage.ping() } catch { throw ServerError(.unavailable, "the database does not answer") }
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "ready\n")))
    }
}
