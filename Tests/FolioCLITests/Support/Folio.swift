import Foundation
import Testing

/// Runs the built `folio` executable as a subprocess, the way a person would.
///
/// The binary is found, in order: `$FOLIO_BIN` (the Makefile sets it), the `folio` built
/// beside this test bundle (so `swift test --scratch-path X` tests the binary it just
/// built), and `<package root>/.build/debug/folio`.
enum Folio {
    /// The package root, from this file's location (`Tests/FolioCLITests/Support/Folio.swift`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example site the repository ships.
    static let exampleSite = packageRoot.appendingPathComponent("Sites/example")

    /// The places the binary is looked for, with a word on each, in order.
    static var candidates: [(URL, String)] {
        var result: [(URL, String)] = []
        if let path = ProcessInfo.processInfo.environment["FOLIO_BIN"], !path.isEmpty {
            result.append((URL(fileURLWithPath: path), "$FOLIO_BIN"))
            return result
        }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = testBinary.deletingLastPathComponent()
        // On macOS the test binary sits inside folioPackageTests.xctest/Contents/MacOS.
        while folder.path.contains(".xctest") { folder = folder.deletingLastPathComponent() }
        result.append((folder.appendingPathComponent("folio"), "beside the test bundle"))
        result.append((packageRoot.appendingPathComponent(".build/debug/folio"), "the default build folder"))
        return result
    }

    /// The `folio` executable, or a failure that says how to provide one.
    static func binary() throws -> URL {
        for (url, _) in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
            return url
        }
        let tried = candidates.map { "\($0.0.path) (\($0.1))" }.joined(separator: ", ")
        throw CLITestError("""
            cannot find the folio binary; tried \(tried). Build it with `swift build` \
            (or `make build`), or point FOLIO_BIN at it: FOLIO_BIN=/path/to/folio swift test
            """)
    }

    /// Runs `folio ARGUMENTS` to completion (killed after `timeout` seconds).
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 60) async throws -> RunResult {
        let process = try Subprocess(executable: binary(), arguments: arguments, directory: directory)
        let timedOut = OneShot<Bool>()
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(timeout))
            if process.isRunning {
                timedOut.fulfill(true)
                process.stop()
            }
        }
        let status = await process.exitStatus()
        watchdog.cancel()
        let result = RunResult(arguments: arguments, status: status,
                               stdout: await process.stdout.text(), stderr: await process.stderr.text())
        if timedOut.peek() == true {
            throw CLITestError("folio \(arguments.joined(separator: " ")) did not finish in \(timeout) s\n\(result)")
        }
        return result
    }
}

/// What one `folio` run printed and how it ended.
struct RunResult: CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String {
        "folio \(arguments.joined(separator: " ")) exited \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---"
    }
}

/// A failure in the test's own setup, with a message worth reading.
struct CLITestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
