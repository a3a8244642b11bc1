import Hummingbird
import NIOCore

/// The request context of folio-server: Hummingbird's core context plus the client's
/// address (for login rate limiting).
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, or "unknown".
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies are read by `BodyReader` with the server's own limit.
    public var maxUploadSize: Int { Int.max }
}
