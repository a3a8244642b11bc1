import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `folio-server` executable run as a process on 127.0.0.1.
///
/// The binary is found, in order: `$FOLIO_SERVER_BIN` (the Makefile sets it), the
/// `folio-server` built beside this test bundle, and `<package root>/.build/debug/folio-server`.
final class ServerProcess: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["FOLIO_SERVER_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        let candidates = [folder.appendingPathComponent("folio-server"), packageRoot.appendingPathComponent(".build/debug/folio-server")]
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw ServerProcessError("cannot find folio-server (tried \(candidates.map(\.path))): build it with "
                                 + "`swift build --product folio-server` or set FOLIO_SERVER_BIN")
    }

    let process = Process()
    let output: URL
    /// The port it listens on.
    private(set) var port = 0

    /// Starts `folio-server serve --port 0 --db DB` and waits until it prints its port.
    init(database: URL, arguments: [String] = []) throws {
        output = database.deletingLastPathComponent().appendingPathComponent("server-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.executableURL = try Self.binary()
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--db", database.path, "--log-level", "warning"] + arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        port = try waitForPort()
    }

    private func waitForPort() throws -> Int {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits), port > 0 { return port }
            }
            guard process.isRunning else { throw ServerProcessError("folio-server exited: \(text)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw ServerProcessError("folio-server did not start in 30 s")
    }

    /// What it printed.
    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// `kill -9`.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then its exit status (graceful shutdown).
    func terminate() -> Int32 {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
