import Foundation
import Testing

extension SyncEndToEnd {
    /// The server killed (-9) and restarted while devices sync, restored from a backup, and
    /// `folio sync --watch`.
    @Suite struct SyncFaultE2ETests {
        /// Waits until `condition` holds, up to `seconds`.
        static func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try condition() { return true }
                usleep(200_000)
            }
            return try condition()
        }

        @Test func killingTheServerDuringASyncLoopLosesNothing() throws {
            let (server, devices) = try SyncEndToEnd.SyncE2ETests.setUp(2)
            defer { server.stop(); devices.forEach { $0.remove() } }
            var companies: [String] = []
            for round in 0..<6 {
                for (index, device) in devices.enumerated() {
                    let company = "Company \(round)-\(index)"
                    try device.ok(["app", "add", "--company", company, "--role", "Engineer", "--date", "2024-05-01"])
                    companies.append(company)
                }
                let syncs = try devices.map { try $0.start(["sync"], logs: "sync-\(round)") }
                usleep(UInt32(30_000 * round))
                server.kill9()
                // Even rounds: back at once, while the clients retry. Odd rounds: after they gave up.
                if round % 2 == 0 { try server.start() }
                for sync in syncs { sync.waitUntilExit() }
                if round % 2 == 1 { try server.start() }
            }
            for device in devices + devices { try device.ok(["sync"]) }
            let expected = try devices[0].exports(resumes: [])
            #expect(try devices[1].exports(resumes: []) == expected)
            for company in companies { #expect(expected.contains(company), "\(company) was lost") }
            #expect(try devices[0].ok(["app", "list"]).stdoutLines.count == companies.count + 1)
        }

        @Test func watchSyncsOnServerEventsAndLocalChangesAndStopsOnInterrupt() throws {
            let (server, devices) = try SyncEndToEnd.SyncE2ETests.setUp(2)
            defer { server.stop(); devices.forEach { $0.remove() } }
            let (a, b) = (devices[0], devices[1])
            let watcher = try b.start(["sync", "--watch"], logs: "watch")
            defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }
            try a.ok(["app", "add", "--company", "Pushed by A", "--role", "Engineer"])
            try a.ok(["sync"])
            #expect(try Self.eventually(20) { try b.ok(["app", "list"]).stdout.contains("Pushed by A") },
                    "the watcher pulled after the server's event: \(b.log("watch.out")) \(b.log("watch.err"))")
            try b.ok(["app", "add", "--company", "Written on B", "--role", "SRE"])
            #expect(try Self.eventually(20) { try a.ok(["sync"]); return try a.ok(["app", "list"]).stdout.contains("Written on B") },
                    "the watcher pushed the local change: \(b.log("watch.out")) \(b.log("watch.err"))")
            kill(watcher.processIdentifier, SIGINT)
            #expect(Self.eventually(10) { !watcher.isRunning })
            #expect(watcher.terminationStatus == 0)
            #expect(b.log("watch.err").contains("Stopped watching"), "\(b.log("watch.err"))")
            #expect(b.log("watch.out").contains("pulled"))
        }

        @Test func aServerRestoredFromAnOlderBackupIsRefilledAfterMustReset() throws {
            let (server, devices) = try SyncEndToEnd.SyncE2ETests.setUp(2)
            defer { server.stop(); devices.forEach { $0.remove() } }
            let (a, b) = (devices[0], devices[1])
            try a.ok(["app", "add", "--company", "Before the backup", "--role", "Engineer"])
            try a.ok(["sync"])
            server.kill9()
            try server.copyDatabase(to: "backup")
            try server.start()
            try a.ok(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
            try b.ok(["app", "add", "--company", "After the backup", "--role", "SRE"])
            for device in [a, b, a] { try device.ok(["sync"]) }
            // The server loses everything after the backup.
            server.kill9()
            try server.restoreDatabase(from: "backup")
            try server.start()
            let reset = try a.ok(["sync"])
            #expect(reset.stdout.contains("must-reset") && reset.stdout.contains("pushed all its records again"), "\(reset)")
            // b's cursor is below the counter a's re-push reached, but its generation is the
            // lost history's: b resets too, and pushes what the server lost of its own.
            let bReset = try b.ok(["sync"])
            #expect(bReset.stdout.contains("must-reset"), "\(bReset)")
            try a.ok(["sync"])
            let expected = try a.exports(resumes: ["main"])
            #expect(try b.exports(resumes: ["main"]) == expected)
            #expect(expected.contains("Before the backup") && expected.contains("After the backup"))
            let late = try SyncDevice("late")
            defer { late.remove() }
            try late.ok(["login", "--server", server.url, "--email", "ada@example.com"])
            try late.ok(["sync"])
            #expect(try late.exports(resumes: ["main"]) == expected, "the server holds everything again")
        }

        /// The gap a bare counter cursor left open: after a restore, other writes move the
        /// server's counter past an old device's cursor; the device must still be told to
        /// reset, or it silently misses the changes between and never pushes again what the
        /// server lost of its own.
        @Test func aDeviceWhoseCursorTheRestoredServerPassedStillResets() throws {
            let (server, devices) = try SyncEndToEnd.SyncE2ETests.setUp(2)
            defer { server.stop(); devices.forEach { $0.remove() } }
            let (a, b) = (devices[0], devices[1])
            try a.ok(["app", "add", "--company", "Before the backup", "--role", "Engineer"])
            for device in [a, b] { try device.ok(["sync"]) }
            server.kill9()
            try server.copyDatabase(to: "backup")
            try server.start()
            try b.ok(["app", "add", "--company", "Lost with the server", "--role", "SRE"])
            try b.ok(["sync"])
            server.kill9()
            try server.restoreDatabase(from: "backup")
            try server.start()
            // a's cursor is from before the backup, still good; its writes pass b's cursor.
            for index in 0..<6 { try a.ok(["app", "add", "--company", "After the restore \(index)", "--role", "Engineer"]) }
            let aSync = try a.ok(["sync"])
            #expect(!aSync.stdout.contains("must-reset"), "\(aSync)")
            let bSync = try b.ok(["sync"])
            #expect(bSync.stdout.contains("must-reset"), "b's cursor is of the lost history: \(bSync)")
            try a.ok(["sync"])
            let expected = try a.exports(resumes: [])
            #expect(try b.exports(resumes: []) == expected)
            for company in ["Before the backup", "Lost with the server"] + (0..<6).map({ "After the restore \($0)" }) {
                #expect(expected.contains(company), "\(company) is missing")
            }
        }
    }
}
