import Hummingbird
import Foundation
import FolioCore
import FolioCRDT
import FolioServer
import FolioSync
import HTTPTypes
import HummingbirdTesting
import Testing

/// The happy path of every route.
@Suite struct RouteTests {
    @Test func registerGivesATokenAndAnOwnSpace() async throws {
        try await TestServer().run { client in
            let response = try await client.send(.post, "/v1/auth/register", json: ["email": "ada@example.com", "password": "correct horse"])
            #expect(response.status == .created)
            let auth = try AuthResponse(json: response.json())
            #expect(auth.token.hasPrefix("fst_") && auth.token.count == 68)
            #expect(HybridTimestamp(parsing: auth.serverHLC) != nil)
            let me = try MeResponse(json: try await client.send(.get, "/v1/me", token: auth.token).json())
            #expect(me.email == "ada@example.com" && me.user == auth.user)
            #expect(me.spaces == [MeResponse.Space(id: auth.space, role: "owner")])
        }
    }

    @Test func loginGivesANewWorkingToken() async throws {
        try await TestServer().run { client in
            let first = try await client.register()
            let response = try await client.send(.post, "/v1/auth/login",
                                                 json: AuthRequest(email: "ADA@example.com", password: "correct horse", device: "phone").json)
            #expect(response.status == .ok)
            let auth = try AuthResponse(json: response.json())
            #expect(auth.token != first.token && auth.space == first.space && auth.user == first.user)
            #expect(try await client.send(.get, "/v1/me", token: auth.token).status == .ok)
        }
    }

    @Test func logoutRevokesOnlyTheCallingToken() async throws {
        try await TestServer().run { client in
            let laptop = try await client.register()
            let phone = try AuthResponse(json: try await client.send(.post, "/v1/auth/login",
                                                                     json: AuthRequest(email: "ada@example.com", password: "correct horse").json).json())
            let response = try await client.send(.post, "/v1/auth/logout", token: laptop.token)
            #expect(response.status == .noContent)
            #expect(try await client.send(.get, "/v1/me", token: laptop.token).errorCode == "unauthorized")
            #expect(try await client.send(.get, "/v1/me", token: phone.token).status == .ok)
        }
    }

    @Test func pushThenPullReturnsTheChanges() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            let changes = [TestData.change(1), TestData.change(1, "role", "Engineer"), TestData.change(1, "@cl", 1)]
            let response = try await client.push(device, changes)
            #expect(response.status == .ok)
            let pushed = try PushResponse(json: response.json())
            #expect(pushed.acked == 3 && pushed.cursor.position == "3" && !pushed.duplicate)
            let pulled = try PullResponse(json: try await client.pull(device).json())
            #expect(pulled.changes == changes && pulled.cursor.position == "3" && !pulled.more)
            #expect(HybridTimestamp(parsing: pulled.serverHLC)! > TestData.hlc())
        }
    }

    @Test func healthReadyAndMetricsAnswer() async throws {
        try await TestServer().run { client in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok && health.text == "ok\n")
            #expect(try await client.send(.get, "/ready").status == .ok)
            let device = try await client.register()
            _ = try await client.push(device, [TestData.change(1)])
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("folio_push_batches_total 1"))
            #expect(metrics.text.contains("folio_fields_applied_total 1"))
        }
    }

    @Test func readyAnswers503WhileShuttingDown() async throws {
        let test = try TestServer()
        try await test.run { client in
            await test.server.beginShutdown()
            let response = try await client.send(.get, "/ready")
            #expect(response.status == .serviceUnavailable && response.errorCode == "unavailable")
        }
    }

    @Test func everyReplyCarriesARequestID() async throws {
        try await TestServer().run { client in
            let response = try await client.send(.get, "/nowhere")
            // Hummingbird writes its 128-bit id in hex without leading zeros: up to 32 digits.
            let id = try #require(response.headers[HTTPField.Name("Request-Id")!])
            #expect((16...32).contains(id.count) && id.allSatisfy(\.isHexDigit), "\(id)")
        }
    }
}
