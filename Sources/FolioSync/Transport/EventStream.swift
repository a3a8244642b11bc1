import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A live connection to the space's event stream: `events` yields each Server-Sent Event
/// and ends when the connection ends (the server went away, or `close()`).
public final class EventStream: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// The events, as they come.
    public let events: AsyncStream<ServerSentEvent>
    private let continuation: AsyncStream<ServerSentEvent>.Continuation
    private let lock = NSLock()
    private var parser = EventStreamParser()
    private var session: URLSession?
    private var status: Int?

    /// Opens the stream of `client`'s space.
    public init(client: HTTPSyncClient) {
        (events, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self)
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 24 * 3600
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        self.session = session
        session.dataTask(with: client.eventsRequest).resume()
    }

    /// Closes the connection; `events` ends.
    public func close() {
        session?.invalidateAndCancel()
        continuation.finish()
    }

    /// The HTTP status of the reply, once it came.
    public var replyStatus: Int? { lock.withLock { status } }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                           completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let code = (response as? HTTPURLResponse)?.statusCode ?? 0
        lock.withLock { status = code }
        completionHandler(code == 200 ? .allow : .cancel)
        if code != 200 { continuation.finish() }
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let events = lock.withLock { parser.feed(data) }
        for event in events { continuation.yield(event) }
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        continuation.finish()
    }
}
