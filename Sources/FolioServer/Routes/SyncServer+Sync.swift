import FolioCore
import FolioCRDT
import FolioSync
import HTTPTypes
import Hummingbird
import Logging
import Prometheus

extension SyncServer {
    func addSyncRoutes(to router: Router<ServerContext>) {
        router.post(RouterPath(ServerRoute.push.path)) { request, context in try await self.push(request, context) }
        router.get(RouterPath(ServerRoute.pull.path)) { request, context in try await self.pull(request, context) }
        router.get(RouterPath(ServerRoute.events.path)) { request, context in try await self.events(request, context) }
    }

    func push(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (space, role) = try await role(of: try await caller(request), context)
        guard role != .viewer else { throw ServerError(.forbidden, "a viewer of this space cannot push") }
        let pushed = try await pushRequest(request)
        if let refused = pushed.changes.first(where: { !role.mayWrite($0.kind) }) {
            throw ServerError(.forbidden, "a \(role.rawValue) of this space cannot write \(refused.kind) records")
        }
        try validate(pushed.changes)
        let outcome: PushOutcome
        do {
            outcome = try await storage.push(PushBatch(space: space, site: pushed.site, batch: pushed.batch, changes: pushed.changes))
        } catch let error as StorageError {
            throw Self.translate(error)
        }
        clock.receive(pushed.changes.lazy.map(\.stamp.hlc))
        record(outcome, space: space, context)
        if outcome.applied > 0, !outcome.duplicate { hub.publish(space: space, cursor: outcome.cursor.description) }
        let body = PushResponse(acked: outcome.acked, cursor: outcome.cursor.description, serverHLC: clock.tick().description,
                                duplicate: outcome.duplicate)
        return reply.json(body.json, for: request)
    }

    /// Decodes a push body; a batch over the limit is refused before its changes are read.
    private func pushRequest(_ request: Request) async throws -> PushRequest {
        let json = try await body.json(request)
        if let count = json.objectValue?["changes"]?.arrayValue?.count, count > configuration.maximumBatch {
            throw ServerError(.batchTooLarge, "the batch has \(count) changes; at most \(configuration.maximumBatch) are accepted: split it")
        }
        do { return try PushRequest(json: json) } catch { throw ServerError(error) }
    }

    /// Checks what a batch can get wrong on its own: each change (kind, field name, value of
    /// `@cl`/`@pos`), the batch's agreement with itself on identities, and clock skew.
    func validate(_ changes: [Change]) throws {
        do { try ReplicaState().validate(changes) } catch {
            if error.isUnknownKind { throw ServerError(.unknownKind, "\(error); nothing was applied") }
            if error.description.hasPrefix("conflicting") { throw ServerError(.conflictingChange, "\(error); nothing was applied") }
            throw ServerError(.invalidChange, "\(error); nothing was applied")
        }
        if let ahead = clock.tooFarAhead(changes.lazy.map(\.stamp.hlc)) {
            let now = clock.tick()
            throw ServerError(.clockSkew, "a change is stamped \(ahead) (\(ahead.milliseconds - now.milliseconds) ms ahead of the server's clock \(now)); "
                                + "at most \(clock.maximumDrift) ms is accepted: fix the device's clock; nothing was applied",
                              headers: [HTTPField.Name("Folio-Server-HLC")!: now.description])
        }
    }

    static func translate(_ error: StorageError) -> ServerError {
        switch error.reason {
        case .noSuchSpace: .noSuchSpace
        case .conflictingChange(let message): ServerError(.conflictingChange, message + "; nothing was applied")
        case .unknownCursor: ServerError(.mustReset, error.description)
        case .emailTaken: ServerError(.emailTaken, error.description)
        }
    }

    private func record(_ outcome: PushOutcome, space: String, _ context: ServerContext) {
        if outcome.duplicate { metrics.duplicatePushes.increment() } else { metrics.pushes.increment() }
        metrics.appliedFields.increment(by: Int64(outcome.duplicate ? 0 : outcome.applied))
        context.logger.debug("push", metadata: ["space": "\(space)", "acked": "\(outcome.acked)",
                                               "applied": "\(outcome.applied)", "duplicate": "\(outcome.duplicate)"])
    }

    func pull(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (space, _) = try await role(of: try await caller(request), context)
        let query = request.uri.queryParameters
        let since = try Self.cursor(query["since"].map(String.init))
        let limit = try Self.limit(query["limit"].map(String.init))
        let page: PullPage
        do { page = try await storage.pull(space: space, after: since, limit: limit) } catch let error as StorageError {
            throw Self.translate(error)
        }
        metrics.pulledFields.increment(by: Int64(page.fields.count))
        return reply.json(Self.pullBody(page, serverHLC: clock.tick()), for: request)
    }

    /// A pull reply's body: the fields' stored JSON texts joined as they are.
    static func pullBody(_ page: PullPage, serverHLC: HybridTimestamp) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(page.fields.reduce(128) { $0 + $1.json.utf8.count + 1 })
        buffer.writeStaticString("{\"changes\":[")
        for (index, field) in page.fields.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeString(field.json)
        }
        buffer.writeString("],\"cursor\":\"\(page.cursor)\",\"more\":\(page.more),\"server_hlc\":\"\(serverHLC)\"}")
        return buffer
    }

    /// A cursor: "0" or one this server handed out ("POSITION.GENERATION"). Anything else,
    /// a bare counter value of servers before generations included, must reset.
    static func cursor(_ text: String?) throws -> SyncCursor {
        guard let text else { return .start }
        guard let cursor = SyncCursor(parsing: text) else {
            throw ServerError(.mustReset, "\"\(text.prefix(40))\" is not a cursor this server handed out: drop it and pull from \"0\"")
        }
        return cursor
    }

    /// A page size: 1 ... SyncProtocol.maximumPullLimit, default SyncProtocol.defaultPullLimit.
    static func limit(_ text: String?) throws -> Int {
        guard let text else { return SyncProtocol.defaultPullLimit }
        guard let value = Int(text), value >= 1, value <= SyncProtocol.maximumPullLimit else {
            throw ServerError(.badRequest, "limit must be a whole number from 1 to \(SyncProtocol.maximumPullLimit), not \"\(text.prefix(40))\"")
        }
        return value
    }
}
