import FolioSync
import Foundation
import HTTPTypes
import Hummingbird

extension SyncServer {
    /// The caller of a request with a valid `Authorization: Bearer TOKEN`; 401 otherwise
    /// (no token, unknown, revoked, expired, or a disabled user's).
    func caller(_ request: Request) async throws -> Caller {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw ServerError.unauthorized
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        let now = configuration.now()
        let issuedSince = configuration.tokenLifetime.map { now > $0 ? now - $0 : 0 } ?? 0
        guard !token.isEmpty, let caller = try await storage.caller(tokenHash: DeviceToken.hash(token), issuedSince: issuedSince) else {
            throw ServerError(.unauthorized, "the device token is unknown, revoked, expired, or its user is disabled; log in again")
        }
        return caller
    }

    /// The caller's role in the space named by the route's `{space}`; 404 when the caller is
    /// not a member (whether or not the space exists).
    func role(of caller: Caller, _ context: ServerContext) async throws -> (space: String, role: Role) {
        let space = context.parameters.get("space") ?? ""
        guard let membership = try await storage.memberships(user: caller.user).first(where: { $0.space == space }) else {
            throw ServerError.noSuchSpace
        }
        return (space, membership.role)
    }
}

