import FolioSync
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOPosix
import Prometheus
import Synchronization

/// The sync server's parts, shared by every route: storage, clock, event hub, login
/// limiter, metrics, and whether it is shutting down. Routes are in `SyncServer+*.swift`.
public final class SyncServer: Sendable {
    /// The configuration in use.
    public let configuration: ServerConfiguration
    /// Where accounts and changes live.
    public let storage: any SyncStorage
    /// The server's HLC.
    public let clock: ServerClock
    /// Connected event streams.
    public let hub = EventHub()
    /// The Prometheus registry served at /metrics.
    public let metrics: ServerMetrics
    let limiter: LoginRateLimiter
    let reply: Reply
    let body: BodyReader
    /// Verified against when the email is unknown, so a failed login takes as long either way.
    let decoyHash: String
    private let stopping = Atomic<Bool>(false)

    /// A server over `storage`.
    public init(configuration: ServerConfiguration, storage: any SyncStorage, metrics: ServerMetrics = ServerMetrics()) {
        self.configuration = configuration
        self.storage = storage
        self.metrics = metrics
        self.clock = ServerClock(maximumDrift: configuration.maximumDrift, now: configuration.now)
        self.limiter = LoginRateLimiter(maximumFailures: configuration.loginFailures, window: configuration.loginWindow,
                                        now: configuration.now)
        self.reply = Reply(threshold: configuration.compressionThreshold)
        self.body = BodyReader(limit: configuration.maximumBody)
        self.decoyHash = Bcrypt.hash("not a password of anyone", cost: configuration.bcryptCost)
    }

    /// True once graceful shutdown began (`/ready` answers 503).
    public var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Marks the server as stopping and ends every event stream, so in-flight requests finish
    /// and the listener can close.
    public func beginShutdown() async {
        stopping.store(true, ordering: .relaxed)
        hub.close()
    }

    /// The router with every route of `ServerRoute.all` and the middleware.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: ErrorMiddleware(routes: ServerRoute.all))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: MetricsMiddleware())
        addAuthRoutes(to: router)
        addSyncRoutes(to: router)
        addOperationRoutes(to: router)
        return router
    }

    /// Runs bcrypt off the request threads.
    func hashPassword(_ password: String) async throws -> String {
        let cost = configuration.bcryptCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
