import Foundation

/// A running child process whose output is collected as it comes.
///
/// Output is read on plain threads, so a chatty child never blocks on a full pipe and a
/// test can look at what a long-running child (`folio serve`) has printed so far.
final class Subprocess: @unchecked Sendable {
    let stdout = OutputCollector()
    let stderr = OutputCollector()
    private let process: Process
    private let exit = OneShot<Int32>()

    init(executable: URL, arguments: [String], directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        // Keep runs hermetic: no themes from the caller's environment, no timing output.
        environment["FOLIO_THEMES"] = nil
        environment["FOLIO_TIMINGS"] = nil
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let exit = self.exit
        process.terminationHandler = { exit.fulfill($0.terminationStatus) }
        self.process = process
        try process.run()
        stdout.start(reading: out.fileHandleForReading)
        stderr.start(reading: err.fileHandleForReading)
    }

    var isRunning: Bool { process.isRunning }
    var pid: Int32 { process.processIdentifier }

    /// Waits for the process to end and its output to be read; returns its exit status.
    func exitStatus() async -> Int32 {
        let status = await exit.value()
        await stdout.finished()
        await stderr.finished()
        return status
    }

    /// Sends SIGTERM, waits up to `grace` seconds, then SIGKILL; blocks until it is gone.
    /// Usable from `defer`, where nothing can be awaited.
    func stop(grace: Double = 10) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

extension Subprocess {
    /// The decompressed bytes of a `.gz` file, by the system's `gzip -dc`.
    static func gunzip(_ file: URL) async throws -> Data {
        guard let gzip = ["/usr/bin/gzip", "/bin/gzip"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw CLITestError("no gzip program to check .gz files with")
        }
        let process = try Subprocess(executable: URL(fileURLWithPath: gzip), arguments: ["-dc", file.path])
        let status = await process.exitStatus()
        guard status == 0 else { throw CLITestError("gzip -dc \(file.path) failed: \(process.stderr.snapshot)") }
        return await process.stdout.bytes()
    }
}

/// Collects what a child writes to one pipe.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = OneShot<Void>()

    func start(reading handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.fulfill(())
        }
        thread.start()
    }

    /// Everything read so far.
    var snapshot: String {
        lock.withLock { String(decoding: data, as: UTF8.self) }
    }

    /// Waits until the pipe is closed, then returns everything read.
    func text() async -> String {
        await done.value()
        return snapshot
    }

    /// Waits until the pipe is closed, then returns everything read as bytes.
    func bytes() async -> Data {
        await done.value()
        return lock.withLock { data }
    }

    func finished() async {
        await done.value()
    }
}

/// A value that is set once and can be awaited by anyone, before or after it is set.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Value?
    private var waiters: [CheckedContinuation<Value, Never>] = []

    func fulfill(_ value: Value) {
        let toResume: [CheckedContinuation<Value, Never>] = lock.withLock {
            guard result == nil else { return [] }
            result = value
            defer { waiters = [] }
            return waiters
        }
        for waiter in toResume { waiter.resume(returning: value) }
    }

    func peek() -> Value? {
        lock.withLock { result }
    }

    func value() async -> Value {
        await withCheckedContinuation { continuation in
            let ready: Value? = lock.withLock {
                if let result { return result }
                waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
