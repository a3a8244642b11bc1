import Hummingbird
import FolioSync
import FolioCRDT
import FolioCore
import FolioServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// sync-protocol/openapi.yaml describes exactly the routes the server registers.
@Suite struct OpenAPIRoutesTests {
    static let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sync-protocol/openapi.yaml")

    /// The (method, path) pairs under `paths:`: a path is a line indented two spaces that
    /// starts with `/`; a method a line indented four spaces naming an HTTP method.
    static func documentedRoutes() throws -> Set<String> {
        let text = try String(contentsOf: spec, encoding: .utf8)
        var routes: Set<String> = [], path: String?, inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inPaths = line.hasPrefix("paths:"); path = nil; continue }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).prefix { $0 != ":" })
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let word = line.dropFirst(4).prefix { $0 != ":" }
                if ["get", "post", "put", "patch", "delete", "head", "options"].contains(word) {
                    routes.insert("\(word.uppercased()) \(path)")
                }
            }
        }
        return routes
    }

    @Test func everyRegisteredRouteIsDocumentedAndViceVersa() throws {
        let registered = Set(ServerRoute.all.map(\.description))
        let documented = try Self.documentedRoutes()
        #expect(!documented.isEmpty)
        #expect(registered.subtracting(documented).isEmpty, "not in openapi.yaml: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "not served: \(documented.subtracting(registered).sorted())")
    }

    @Test func everyRouteOfTheTableIsServedByTheRouter() async throws {
        // A route the router did not register would answer 404 not-found "no such route"
        // (or 405): every one of ServerRoute.all must reach a handler instead.
        try await TestServer { $0.eventStreamLifetime = .milliseconds(1) }.run { client in
            for route in ServerRoute.all {
                let path = route.path.replacingOccurrences(of: "{space}", with: "some-space")
                let response = try await client.send(route.method, path)
                #expect(response.errorCode != "method-not-allowed", "\(route)")
                #expect(!(response.errorCode == "not-found" && response.text.contains("no such route")), "\(route)")
            }
        }
    }
}
