@preconcurrency import Dispatch
import GRDB

/// Moves the WAL into the database file in the background, so pushes never wait for it.
///
/// SQLite checkpoints automatically in the connection that commits, which then syncs the
/// file to disk while every other push waits behind it (hundreds of milliseconds on a slow
/// disk). Here the writer only checkpoints when the WAL passes `fallbackPages`, and a
/// connection of its own runs a PASSIVE checkpoint (which never blocks writers) every
/// `interval`.
final class Checkpointer: Sendable {
    /// WAL pages after which the writer checkpoints anyway (about 400 MB): a safety net
    /// only, since the writer's checkpoint runs inside a push (and small pushes run on an
    /// event loop thread, see `SQLiteSyncStorage`): at 40 MB, a burst of large pushes
    /// made the next pushes copy the WAL back, stalling requests for 300 ms.
    static let fallbackPages = 100_000

    private let connection: DatabaseQueue
    private let timer: any DispatchSourceTimer

    init(path: String, interval: DispatchTimeInterval = .milliseconds(250)) throws {
        var config = Configuration()
        config.busyMode = .timeout(1)
        connection = try DatabaseQueue(path: path, configuration: config)
        let connection = connection
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "folio-server.checkpoint", qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }
}
