import FolioSync
import HTTPTypes
import Hummingbird
import Prometheus

extension SyncServer {
    /// `GET /v1/spaces/{space}/events`: a server-sent event stream. `event: changes` with
    /// `data: {"cursor":"N"}` after each push to the space that changed something, a
    /// `: keepalive` comment every `keepaliveInterval`; closed after `eventStreamLifetime`
    /// or when the server stops (clients reconnect, then pull).
    func events(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (space, _) = try await role(of: try await caller(request), context)
        let updates = hub.subscribe(space: space)
        let keepalive = configuration.keepaliveInterval, lifetime = configuration.eventStreamLifetime
        let gauge = metrics.eventStreams
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            gauge.increment()
            defer { gauge.decrement() }
            let (messages, out) = AsyncStream.makeStream(of: String.self)
            let tasks = [
                Task {
                    for await cursor in updates { out.yield("event: changes\ndata: {\"cursor\":\"\(cursor)\"}\n\n") }
                    out.finish()
                },
                Task {
                    while (try? await Task.sleep(for: keepalive)) != nil { out.yield(": keepalive\n\n") }
                },
                Task {
                    if (try? await Task.sleep(for: lifetime)) != nil { out.finish() }
                },
            ]
            defer { tasks.forEach { $0.cancel() } }
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            for await message in messages { try await writer.write(ByteBuffer(string: message)) }
            try await writer.finish(nil)
        })
    }
}
