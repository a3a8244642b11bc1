import FolioCore
import FolioCRDT
import Logging
import Prometheus
import FolioSync
import HTTPTypes
import Hummingbird

extension SyncServer {
    func addAuthRoutes(to router: Router<ServerContext>) {
        router.post(RouterPath(ServerRoute.register.path)) { request, context in try await self.register(request, context) }
        router.post(RouterPath(ServerRoute.login.path)) { request, context in try await self.login(request, context) }
        router.post(RouterPath(ServerRoute.logout.path)) { request, _ in try await self.logout(request) }
        router.get(RouterPath(ServerRoute.me.path)) { request, _ in try await self.me(request) }
    }

    func register(_ request: Request, _ context: ServerContext) async throws -> Response {
        let auth = try await authRequest(request)
        try Self.checkEmail(auth.email)
        guard auth.password.count >= 8 else { throw ServerError(.badRequest, "the password must have at least 8 characters") }
        guard auth.password.utf8.count <= 72 else { throw ServerError(.badRequest, "the password must have at most 72 bytes (bcrypt's limit)") }
        let hash = try await hashPassword(auth.password)
        let account: Account
        do { account = try await storage.createUser(email: auth.email, passwordHash: hash, now: configuration.now()) } catch let error as StorageError where error == .emailTaken {
            throw ServerError(.emailTaken, "this email is registered already; log in instead")
        }
        context.logger.info("registered a user", metadata: ["user": "\(account.id)"])
        return try await issueToken(for: account, device: auth.device, status: .created, request)
    }

    func login(_ request: Request, _ context: ServerContext) async throws -> Response {
        let auth = try await authRequest(request)
        if let wait = await limiter.retryAfter(email: auth.email, address: context.clientAddress) {
            metrics.failedLogins.increment()
            throw ServerError(.rateLimited, "too many failed logins; retry in \(wait) s", headers: [.retryAfter: String(wait)])
        }
        let account = try await storage.user(email: auth.email)
        let valid = try await verifyPassword(auth.password, hash: account?.passwordHash ?? decoyHash)
        guard let account, valid, !account.disabled else {
            await limiter.failed(email: auth.email, address: context.clientAddress)
            metrics.failedLogins.increment()
            context.logger.notice("failed login")
            throw ServerError(.badCredentials, "wrong email or password")
        }
        await limiter.succeeded(email: auth.email)
        return try await issueToken(for: account, device: auth.device, status: .ok, request)
    }

    func logout(_ request: Request) async throws -> Response {
        let caller = try await caller(request)
        try await storage.revokeToken(hash: caller.tokenHash)
        return Response(status: .noContent)
    }

    func me(_ request: Request) async throws -> Response {
        let caller = try await caller(request)
        let spaces = try await storage.memberships(user: caller.user)
        let body = MeResponse(user: caller.user, email: caller.email,
                              spaces: spaces.map { MeResponse.Space(id: $0.space, role: $0.role.rawValue) },
                              serverHLC: clock.tick().description)
        return reply.json(body.json, for: request)
    }

    private func authRequest(_ request: Request) async throws -> AuthRequest {
        let json = try await body.json(request)
        do { return try AuthRequest(json: json) } catch { throw ServerError(error) }
    }

    private func issueToken(for account: Account, device: String?, status: HTTPResponse.Status, _ request: Request) async throws -> Response {
        let token = DeviceToken.make()
        try await storage.addToken(hash: DeviceToken.hash(token), user: account.id, device: device, now: configuration.now())
        let body = AuthResponse(token: token, user: account.id, space: account.space, serverHLC: clock.tick().description)
        return reply.json(body.json, status: status, for: request)
    }

    /// A plausible address: one `@` with text on both sides, no spaces, at most 254 characters.
    static func checkEmail(_ email: String) throws {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              email.count <= 254, !email.contains(where: { $0.isWhitespace }) else {
            throw ServerError(.badRequest, "\"\(email.prefix(100))\" is not an email address")
        }
    }

}
