import Foundation
import Testing

/// Sync end to end: `folio` replicas syncing through the built `folio-server` on 127.0.0.1.
/// Its suites run one test at a time (each starts a server and several `folio` processes).
/// Skipped (with the reason) when FOLIO_SERVER_BIN is not set; `make test` sets it.
@Suite(.serialized, .enabled(if: SyncServerProcess.binary != nil, "FOLIO_SERVER_BIN is not set: build folio-server and point FOLIO_SERVER_BIN at it (make test does)"))
enum SyncEndToEnd {}

extension SyncEndToEnd {
    /// Offline edits on several devices, conflicts, a late device, and the errors a person meets.
    @Suite struct SyncE2ETests {
        /// A server and `count` devices, the first registered, the others logged in.
        static func setUp(_ count: Int) throws -> (SyncServerProcess, [SyncDevice]) {
            let server = try SyncServerProcess()
            let devices = try (0..<count).map { try SyncDevice("device \($0)") }
            try devices[0].ok(["register", "--server", server.url, "--email", "ada@example.com", "--device", "laptop"])
            for device in devices.dropFirst() {
                try device.ok(["login", "--server", server.url, "--email", "ada@example.com", "--device", device.name])
            }
            return (server, devices)
        }

        static func appID(_ device: SyncDevice, company: String) throws -> String {
            let list = try device.ok(["app", "list"])
            return try #require(list.stdoutLines.first { $0.contains(company) }?.split(separator: " ").first.map(String.init))
        }

        @Test func offlineEditsOnThreeDevicesConvergeToIdenticalExports() throws {
            let (server, devices) = try Self.setUp(3)
            defer { server.stop(); devices.forEach { $0.remove() } }
            let (a, b, c) = (devices[0], devices[1], devices[2])
            try a.ok(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
            try a.ok(["app", "add", "--company", "Acme", "--role", "Staff Engineer", "--date", "2024-05-01"])
            let first = try a.ok(["sync"])
            #expect(first.stdout.hasPrefix("Pushed ") && first.stdout.contains("pulled 0 changes"), "\(first)")
            for device in [b, c] {
                let pulled = try device.ok(["sync"])
                #expect(pulled.stdout.hasPrefix("Pushed 0 changes") && !pulled.stdout.contains("pulled 0 changes"), "\(pulled)")
            }
            // Offline: each device edits on its own.
            try a.ok(["resume", "set", "main", "work[0].position", "Principal Engineer"])
            try b.ok(["app", "move", try Self.appID(b, company: "Acme"), "interview", "--date", "2024-05-10"])
            try b.ok(["resume", "set", "main", "basics.label", "Engineer and writer"])
            try c.ok(["app", "add", "--company", "Globex", "--role", "SRE", "--date", "2024-06-01"])
            try c.ok(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "variant"])
            for device in devices + [a, b] { try device.ok(["sync"]) }
            let expected = try a.exports(resumes: ["main", "variant"])
            #expect(expected.contains("Principal Engineer") && expected.contains("Engineer and writer"))
            #expect(expected.contains("Globex") && expected.contains("\"status\": \"interview\""))
            for device in [b, c] { #expect(try device.exports(resumes: ["main", "variant"]) == expected, "\(device.name)") }
            // Nothing echoes: a further round moves nothing.
            for device in devices {
                #expect(try device.ok(["sync"]).stdout == "Pushed 0 changes, pulled 0 changes.\n", "\(device.name)")
            }
        }

        @Test func concurrentEditsOfTheSameFieldResolveTheSameWayEverywhere() throws {
            let (server, devices) = try Self.setUp(3)
            defer { server.stop(); devices.forEach { $0.remove() } }
            try devices[0].ok(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
            for device in devices { try device.ok(["sync"]) }
            for (index, device) in devices.enumerated() {
                try device.ok(["resume", "set", "main", "basics.name", "Name from device \(index)"])
            }
            for device in devices + devices { try device.ok(["sync"]) }
            let names = try devices.map { try $0.ok(["resume", "export", "main"]).stdout }
            #expect(Set(names).count == 1)
            #expect(names[0].contains("Name from device"))
        }

        @Test func aDeviceAddedLaterReceivesEverything() throws {
            let (server, devices) = try Self.setUp(2)
            defer { server.stop(); devices.forEach { $0.remove() } }
            try devices[0].ok(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
            for company in ["Acme", "Globex", "Initech"] {
                try devices[1].ok(["app", "add", "--company", company, "--role", "Engineer", "--date", "2024-05-01"])
            }
            for device in devices + devices { try device.ok(["sync"]) }
            let late = try SyncDevice("late")
            defer { late.remove() }
            #expect(try late.ok(["status"]).stdout.contains("not logged in"))
            try late.ok(["login", "--server", server.url, "--email", "ada@example.com"])
            let pulled = try late.ok(["sync"])
            #expect(pulled.stdout.hasPrefix("Pushed 0 changes"), "\(pulled)")
            #expect(try late.exports(resumes: ["main"]) == devices[0].exports(resumes: ["main"]))
        }

        @Test func statusLogoutAndTheErrorsAPersonMeets() throws {
            let (server, devices) = try Self.setUp(1)
            defer { server.stop(); devices.forEach { $0.remove() } }
            let a = devices[0]
            try a.ok(["app", "add", "--company", "Acme", "--role", "Engineer"])
            let before = try a.ok(["status", "--json"]).stdout
            #expect(before.contains("\"last_sync\": null") && before.contains("\"email\": \"ada@example.com\""), "\(before)")
            #expect(!before.contains("changes_to_push\": 0"), "\(before)")
            try a.ok(["sync"])
            let after = try a.ok(["status"]).stdout
            #expect(after.contains("to push      0 changes") && after.contains(server.url) && !after.contains("last sync    never"), "\(after)")
            let mode = try FileManager.default.attributesOfItem(atPath: a.credentials)[.posixPermissions] as? Int
            #expect(mode == 0o600)

            let twice = try a.run(["register", "--server", server.url, "--email", "ada@example.com"])
            #expect(twice.status == 1 && twice.stderr.contains("already registered"), "\(twice)")
            let wrong = try a.run(["login", "--server", server.url, "--email", "ada@example.com"], environment: ["FOLIO_PASSWORD": "wrong password"])
            #expect(wrong.status == 1 && wrong.stderr.contains("wrong email or password"), "\(wrong)")

            // A token revoked elsewhere (a copy of the credentials kept from before the logout).
            let saved = try Data(contentsOf: URL(fileURLWithPath: a.credentials))
            let logout = try a.ok(["logout"])
            #expect(logout.stdout.contains("Logged out"))
            let notLoggedIn = try a.run(["sync"])
            #expect(notLoggedIn.status == 1 && notLoggedIn.stderr.contains("not logged in"), "\(notLoggedIn)")
            try saved.write(to: URL(fileURLWithPath: a.credentials))
            let revoked = try a.run(["sync"])
            #expect(revoked.status == 1 && revoked.stderr.contains("run folio login"), "\(revoked)")

            try a.ok(["login", "--server", server.url, "--email", "ada@example.com"])
            try a.ok(["app", "add", "--company", "Globex", "--role", "SRE"])
            server.kill9()
            let down = try a.run(["sync"])
            #expect(down.status == 1 && down.stderr.contains("cannot reach the sync server") && down.stderr.contains("nothing was lost"), "\(down)")
            let nowhere = try a.run(["login", "--server", "http://127.0.0.1:\(try RawHTTP.freePort())", "--email", "ada@example.com"])
            #expect(nowhere.status == 1 && nowhere.stderr.contains("cannot reach the sync server"), "\(nowhere)")
            try server.start()
            #expect(try a.ok(["sync"]).stdout.hasPrefix("Pushed "), "the change made while the server was down went once it was back")
            #expect(try a.ok(["status", "--json"]).stdout.contains("\"changes_to_push\": 0"))
        }
    }
}
