import Hummingbird
import NIOCore
import NIOPosix
import Logging
import ServiceLifecycle
import UnixSignals

/// The Hummingbird application of `server`, listening on the configured host and port.
public func buildApplication(_ server: SyncServer, logger: Logger = Logger(label: "folio-server"),
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    Application(
        router: server.router(),
        configuration: .init(address: .hostname(server.configuration.host, port: server.configuration.port),
                             serverName: "folio-server"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
        logger: logger
    )
}

/// Runs `server` until SIGTERM or SIGINT, then shuts down gracefully: `/ready` turns 503,
/// event streams end, in-flight requests finish, and the listener closes.
public func runServer(_ server: SyncServer, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
    let app = buildApplication(server, logger: logger, onServerRunning: onServerRunning)
    // Services stop in reverse order: the watcher first, so event streams end before the
    // HTTP server waits for its in-flight requests.
    let group = ServiceGroup(configuration: .init(
        services: [app, ShutdownWatcher(server: server)],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    try await group.run()
}

/// Waits for graceful shutdown, then tells the server it is stopping.
struct ShutdownWatcher: Service {
    let server: SyncServer

    func run() async throws {
        try? await gracefulShutdown()
        await server.beginShutdown()
    }
}

/// Makes Swift concurrency run its tasks on the server's event loop threads
/// (`MultiThreadedEventLoopGroup.singleton`, which the HTTP server uses) instead of a pool of
/// its own, so a request is read, handled and answered without handing it between threads:
/// on a loaded machine every hand-off waits for a core. Handlers must not block for long
/// (bcrypt runs on `NIOThreadPool`, database work is short). Call it once, from the main
/// thread, before any task starts; false when the platform does not allow it.
@discardableResult
public func runTasksOnEventLoops() -> Bool {
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
