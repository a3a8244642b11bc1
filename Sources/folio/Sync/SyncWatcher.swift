import ArgumentParser
import Dispatch
import FolioStore
import FolioSync
import Foundation

/// `folio sync --watch`: syncs now, then whenever the replica's version moves (checked every
/// second) or the server's event stream says another device pushed; reconnects to the
/// stream when it drops. SIGINT or SIGTERM stops it between two steps.
struct SyncWatcher {
    let sync: SyncOnce
    let store: Store

    func run() async throws {
        let stop = WatchSignal()
        let serverChanged = WatchSignal()
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { stop.set() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let listener = Task { await listen(serverChanged: serverChanged, stop: stop) }
        defer { listener.cancel() }
        Terminal.printError("Watching \(sync.client.server.absoluteString) (Ctrl-C stops).")
        var seen: UInt64?
        while !stop.isSet {
            let version = try Replica.run { try store.version() }
            if seen != version || serverChanged.take() {
                let summary = try await syncUnlessStopped(stop)
                guard let summary else { break }
                FileHandle.standardOutput.write(Data("\(Self.timestamp()) \(summary)\n".utf8))
                seen = try Replica.run { try store.version() }
                // Edits made while that sync ran are newer than what it pushed: go again.
                if try Replica.run({ try store.hasUnpushedChanges() }) { serverChanged.set() }
            }
            try? await Task.sleep(for: .milliseconds(250))
            for _ in 0..<3 where !stop.isSet && !serverChanged.isSet { try? await Task.sleep(for: .milliseconds(250)) }
        }
        Terminal.printError("Stopped watching.")
    }

    /// One sync, abandoned (nil) when a stop signal comes while it waits to retry.
    private func syncUnlessStopped(_ stop: WatchSignal) async throws -> SyncSummary? {
        let task = Task { try await sync.run(retryForever: true) }
        let canceller = Task {
            while !stop.isSet, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(100)) }
            if stop.isSet { task.cancel() }
        }
        defer { canceller.cancel() }
        do { return try await task.value } catch {
            if stop.isSet { return nil }
            throw error
        }
    }

    /// Keeps a connection to the event stream; marks `serverChanged` on each `changes`
    /// event and after each reconnection (events may have been missed meanwhile).
    private func listen(serverChanged: WatchSignal, stop: WatchSignal) async {
        var delay = 0.5
        while !Task.isCancelled, !stop.isSet {
            let stream = EventStream(client: sync.client)
            for await event in stream.events {
                delay = 0.5
                if event.name == "changes" { serverChanged.set() }
                if Task.isCancelled { break }
            }
            stream.close()
            if stream.replyStatus == 401 { stop.set(); Terminal.printError("error: \(SyncFailure.unauthorized)"); return }
            try? await Task.sleep(for: .seconds(delay))
            delay = min(delay * 2, 5)
            serverChanged.set()
        }
    }

    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}

/// A flag set from any thread (a signal handler, the event listener).
final class WatchSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    /// Reads and clears it.
    func take() -> Bool { lock.withLock { defer { value = false }; return value } }
}
