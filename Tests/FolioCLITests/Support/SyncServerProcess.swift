import Foundation
import Testing

/// The built `folio-server` ($FOLIO_SERVER_BIN) running on 127.0.0.1 on a free port, with its
/// database in a temporary folder; it can be killed (-9) and started again on the same port
/// and database.
final class SyncServerProcess: @unchecked Sendable {
    /// Set when the sync end-to-end tests can run.
    static var binary: String? {
        ProcessInfo.processInfo.environment["FOLIO_SERVER_BIN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    let folder: URL
    let port: Int
    private var process: Subprocess?
    var url: String { "http://127.0.0.1:\(port)" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-sync-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try RawHTTP.freePort()
        try start()
    }

    /// Starts the server and waits until `/health` answers.
    func start() throws {
        guard let binary = Self.binary else { throw CLITestError("FOLIO_SERVER_BIN is not set") }
        let process = try Subprocess(executable: URL(fileURLWithPath: binary), arguments: [
            "serve", "--host", "127.0.0.1", "--port", String(port), "--db", folder.appendingPathComponent("server.sqlite").path,
            "--log-level", "warning",
        ])
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let health = try? RawHTTP.get(port: port, "/health", timeout: 1), health.status == 200 { return }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        throw CLITestError("folio-server did not answer /health on port \(port): \(process.stderr.snapshot)")
    }

    /// `kill -9`: no chance to finish anything.
    func kill9() {
        guard let process, process.isRunning else { return }
        kill(process.pid, SIGKILL)
        while process.isRunning { usleep(10_000) }
    }

    /// The database files (main, WAL, shared memory) as they are now; the server must be stopped.
    func copyDatabase(to name: String) throws {
        let backup = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: backup)
        try FileManager.default.createDirectory(at: backup, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] {
            let file = folder.appendingPathComponent("server.sqlite" + suffix)
            if FileManager.default.fileExists(atPath: file.path) {
                try FileManager.default.copyItem(at: file, to: backup.appendingPathComponent("server.sqlite" + suffix))
            }
        }
    }

    /// Puts back a copy made by `copyDatabase(to:)`: the server "restored from an older
    /// backup". The server must be stopped.
    func restoreDatabase(from name: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            let file = folder.appendingPathComponent("server.sqlite" + suffix)
            try? FileManager.default.removeItem(at: file)
            let saved = folder.appendingPathComponent(name).appendingPathComponent("server.sqlite" + suffix)
            if FileManager.default.fileExists(atPath: saved.path) { try FileManager.default.copyItem(at: saved, to: file) }
        }
    }

    func stop() {
        process?.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

/// One device: its own replica, credentials file and home, driving the built `folio`.
struct SyncDevice {
    let cli: ReplicaCLI
    let name: String
    var credentials: String { cli.path("credentials.json") }

    init(_ name: String) throws {
        cli = try ReplicaCLI()
        self.name = name
    }

    /// Runs `folio ARGUMENTS --store ...` with this device's credentials and the password.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        try cli.run(arguments, environment: self.environment.merging(environment) { $1 })
    }

    var environment: [String: String] {
        ["FOLIO_CREDENTIALS": credentials, "FOLIO_PASSWORD": "correct horse battery", "XDG_CONFIG_HOME": cli.path("config")]
    }

    /// Starts `folio ARGUMENTS` without waiting; its output goes to files `NAME.out` and
    /// `NAME.err` in the device's folder.
    func start(_ arguments: [String], logs name: String) throws -> Process {
        let process = try cli.start(arguments, environment: environment)
        FileManager.default.createFile(atPath: cli.path(name + ".out"), contents: nil)
        FileManager.default.createFile(atPath: cli.path(name + ".err"), contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.path(name + ".out")))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.path(name + ".err")))
        try process.run()
        return process
    }

    /// A log written by a started process.
    func log(_ name: String) -> String {
        (try? String(contentsOfFile: cli.path(name), encoding: .utf8)) ?? ""
    }

    /// Runs and requires success.
    @discardableResult
    func ok(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        let result = try run(arguments, environment: environment)
        if result.status != 0 { throw CLITestError("\(name): \(result)") }
        return result
    }

    /// What must be equal on every device after a sync.
    func exports(resumes: [String]) throws -> String {
        try resumes.map { try ok(["resume", "export", $0]).stdout }.joined(separator: "\n---\n")
            + "\n---\n" + ok(["app", "list", "--json"]).stdout
    }

    func remove() { cli.remove() }
}
