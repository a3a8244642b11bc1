import Hummingbird
import Foundation
import FolioCRDT
import FolioCore
import FolioServer
import FolioSync
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /v1/spaces/{space}/events`: server-sent events after pushes that changed something.
@Suite struct EventsTests {
    @Test func connectedDevicesHearOfChangesAndKeepalives() async throws {
        // The stream is ended by the test (beginShutdown), not by a timer, so a slow machine
        // cannot close it before the pushes.
        let test = try TestServer { $0.keepaliveInterval = .milliseconds(50); $0.eventStreamLifetime = .seconds(600) }
        try await test.run { client in
            let device = try await client.register()
            async let stream = client.send(.get, "/v1/spaces/\(device.space)/events", token: device.token)
            // Wait until the stream is subscribed.
            while test.server.hub.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            _ = try await client.push(device, [TestData.change(1)])
            _ = try await client.push(device, [TestData.change(1)])  // changes nothing: no event
            try await Task.sleep(for: .milliseconds(300))
            _ = try await client.push(device, [TestData.change(2), TestData.change(3)])
            try await Task.sleep(for: .milliseconds(300))
            await test.server.beginShutdown()
            let response = try await stream
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let text = response.text
            #expect(text.hasPrefix(": connected\n\n"))
            // A waiting device only needs the latest cursor, so events may be coalesced; the
            // last one is the space's latest, and the push that changed nothing sent none.
            let cursors = text.components(separatedBy: "event: changes\ndata: {\"cursor\":\"").dropFirst().map { $0.prefix { $0 != "\"" }.position }
            #expect(cursors.last == "3", "\(text)")
            #expect(cursors.allSatisfy { $0 == "1" || $0 == "3" } && cursors.filter { $0 == "1" }.count <= 1, "\(text)")
            #expect(text.contains(": keepalive\n\n"))
        }
    }

    @Test func shutdownEndsOpenStreams() async throws {
        let test = try TestServer { $0.eventStreamLifetime = .seconds(600) }
        try await test.run { client in
            let device = try await client.register()
            async let stream = client.send(.get, "/v1/spaces/\(device.space)/events", token: device.token)
            while test.server.hub.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
            await test.server.beginShutdown()
            let response = try await stream
            #expect(response.status == .ok && response.text == ": connected\n\n")
            #expect(test.server.hub.count == 0)
        }
    }
}
