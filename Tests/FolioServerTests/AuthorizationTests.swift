import Hummingbird
import Foundation
import FolioCore
import FolioCRDT
import FolioServer
import FolioSync
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every route that needs a token refuses no token, a bad token, a revoked token and a
/// disabled user's token with 401 unauthorized; every space route answers 404 for a space
/// the caller is not a member of, and for one that does not exist.
@Suite struct AuthorizationTests {
    /// The routes that need a token, with a request for each (space routes take the space).
    struct Guarded: Sendable {
        var name: String
        var method: HTTPRequest.Method
        var template: String
        var body: JSONValue?

        func path(_ space: String) -> String { template.replacingOccurrences(of: "{space}", with: space) }
    }

    static let guarded: [Guarded] = [
        Guarded(name: "logout", method: .post, template: "/v1/auth/logout"),
        Guarded(name: "me", method: .get, template: "/v1/me"),
        Guarded(name: "push", method: .post, template: "/v1/spaces/{space}/push",
                body: PushRequest(site: TestData.siteA, batch: TestData.batchID(), changes: [TestData.change(1)]).json),
        Guarded(name: "pull", method: .get, template: "/v1/spaces/{space}/pull?since=0"),
        Guarded(name: "events", method: .get, template: "/v1/spaces/{space}/events"),
    ]

    static let spaceRoutes = guarded.filter { ["push", "pull", "events"].contains($0.name) }

    @Test(arguments: guarded.map(\.name))
    func noTokenIsUnauthorized(_ name: String) async throws {
        let route = Self.guarded.first { $0.name == name }!
        try await TestServer().run { client in
            let device = try await client.register()
            let response = try await client.send(route.method, route.path(device.space), json: route.body)
            #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(name): \(response.text)")
        }
    }

    @Test(arguments: guarded.map(\.name))
    func badTokensAreUnauthorized(_ name: String) async throws {
        let route = Self.guarded.first { $0.name == name }!
        try await TestServer().run { client in
            let device = try await client.register()
            for header in ["Bearer fst_0000", "Bearer ", "Basic YWRhOnB3", device.token] {
                let response = try await client.send(route.method, route.path(device.space), json: route.body, headers: [.authorization: header])
                #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(name) with \(header.prefix(12)): \(response.text)")
            }
        }
    }

    @Test(arguments: guarded.map(\.name))
    func revokedTokenIsUnauthorized(_ name: String) async throws {
        let route = Self.guarded.first { $0.name == name }!
        try await TestServer().run { client in
            let device = try await client.register()
            #expect(try await client.send(.post, "/v1/auth/logout", token: device.token).status == .noContent)
            let response = try await client.send(route.method, route.path(device.space), token: device.token, json: route.body)
            #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(name): \(response.text)")
        }
    }

    @Test(arguments: guarded.map(\.name))
    func expiredTokenIsUnauthorized(_ name: String) async throws {
        let route = Self.guarded.first { $0.name == name }!
        let lifetime: UInt64 = 24 * 60 * 60 * 1000
        let test = try TestServer { $0.tokenLifetime = lifetime }
        try await test.run { client in
            let device = try await client.register()
            test.clock.advance(by: lifetime)
            #expect(try await client.send(.get, "/v1/me", token: device.token).status == .ok, "valid to the last millisecond")
            test.clock.advance(by: 1)
            let response = try await client.send(route.method, route.path(device.space), token: device.token, json: route.body)
            #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(name): \(response.text)")
            #expect(response.text.contains("expired"))
            // Logging in again gives a token that works.
            let login = try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
            #expect(login.status == .ok)
        }
    }

    @Test(arguments: guarded.map(\.name))
    func disabledUsersTokenIsUnauthorized(_ name: String) async throws {
        let route = Self.guarded.first { $0.name == name }!
        let test = try TestServer()
        try await test.run { client in
            let device = try await client.register()
            #expect(try await test.server.storage.setDisabled(email: "ada@example.com", true))
            let response = try await client.send(route.method, route.path(device.space), token: device.token, json: route.body)
            #expect(response.status == .unauthorized && response.errorCode == "unauthorized", "\(name): \(response.text)")
            let login = try await client.send(.post, "/v1/auth/login", json: AuthRequest(email: "ada@example.com", password: "correct horse").json)
            #expect(login.errorCode == "bad-credentials")
        }
    }

    @Test(arguments: spaceRoutes.map(\.name))
    func anotherUsersSpaceIsNotFound(_ name: String) async throws {
        let route = Self.spaceRoutes.first { $0.name == name }!
        try await TestServer().run { client in
            let ada = try await client.register()
            let bob = try await client.register("bob@example.com")
            for space in [bob.space, "00000000-0000-0000-0000-000000000000"] {
                let response = try await client.send(route.method, route.path(space), token: ada.token, json: route.body)
                #expect(response.status == .notFound && response.errorCode == "not-found", "\(name): \(response.text)")
            }
            // And nothing reached Bob's space.
            #expect(try await client.pullAll(bob).changes.isEmpty)
        }
    }

    @Test func viewerMayPullButNotPushAndCoachOnlyWritesNotes() async throws {
        let test = try TestServer()
        try await test.run { client in
            let ada = try await client.register()
            let viewer = try await client.register("vic@example.com")
            let coach = try await client.register("cora@example.com")
            try await test.server.storage.setMember(space: ada.space, user: viewer.user, role: .viewer)
            try await test.server.storage.setMember(space: ada.space, user: coach.user, role: .coach)
            #expect(try await client.push(ada, [TestData.change(1)]).status == .ok)
            let viewerPull = try await client.pull(viewer, space: ada.space)
            #expect(try PullResponse(json: viewerPull.json()).changes.count == 1)
            #expect(try await client.push(viewer, [TestData.change(2)], space: ada.space).errorCode == "forbidden")
            #expect(try await client.push(coach, [TestData.change(3)], space: ada.space).errorCode == "forbidden")
            let note = TestData.change(4, "text", "Good interview", kind: .note)
            #expect(try await client.push(coach, [note], space: ada.space).status == .ok)
            let me = try MeResponse(json: try await client.send(.get, "/v1/me", token: coach.token).json())
            #expect(Set(me.spaces.map(\.role)) == ["owner", "coach"])
        }
    }
}
