import Foundation
import Testing

/// Runs `folio` against one replica file, with an environment of the test's choosing
/// (`EDITOR`, `FOLIO_STORE`), synchronously: replica commands are short.
struct ReplicaCLI {
    let folder: URL
    var store: String { folder.appendingPathComponent("replica.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-replica-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Runs `folio ARGUMENTS --store STORE` (or without --store when `useStoreOption` is
    /// false), in `directory` when given.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], useStoreOption: Bool = true,
             in directory: URL? = nil) throws -> RunResult {
        let process = try start(arguments, environment: environment, useStoreOption: useStoreOption)
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(arguments: arguments, status: process.terminationStatus,
                         stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A configured, not yet started process.
    func start(_ arguments: [String], environment: [String: String] = [:], useStoreOption: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = try Folio.binary()
        process.arguments = arguments + (useStoreOption ? ["--store", store] : [])
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "FOLIO_STORE")
        env["HOME"] = folder.path
        env["XDG_DATA_HOME"] = folder.appendingPathComponent("xdg").path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Writes an executable shell script and returns its path (for `EDITOR`).
    func script(_ name: String, _ body: String) throws -> String {
        let path = self.path(name)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The sample resume the store tests use.
    static var sampleResume: URL {
        Folio.packageRoot.appendingPathComponent("Tests/FolioStoreTests/Fixtures/resume.json")
    }
}
