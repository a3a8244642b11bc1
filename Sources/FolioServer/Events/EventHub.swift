import Foundation

/// Tells connected devices that a space has new changes: each `GET .../events` subscribes
/// and gets the space's cursor after every push that changed something. On shutdown every
/// stream ends, so graceful shutdown is not held up by open event streams.
///
/// A lock, not an actor: a push publishes without a hop to another executor (under load
/// every hop waits for a thread; the lock is held only to copy or change the table).
public final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [String: [UUID: AsyncStream<String>.Continuation]] = [:]
    private var closed = false

    /// An empty hub.
    public init() {}

    /// A stream of the space's cursors after changes; ends on `close()`.
    public func subscribe(space: String) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        let added = lock.withLock {
            guard !closed else { return false }
            subscribers[space, default: [:]][id] = continuation
            return true
        }
        guard added else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.remove(space: space, id: id) }
        return stream
    }

    /// Tells the space's subscribers its new cursor.
    public func publish(space: String, cursor: String) {
        let continuations = lock.withLock { subscribers[space].map { Array($0.values) } ?? [] }
        for continuation in continuations { continuation.yield(cursor) }
    }

    /// How many streams are open.
    public var count: Int { lock.withLock { subscribers.values.reduce(0) { $0 + $1.count } } }

    /// Ends every stream and refuses new ones.
    public func close() {
        let continuations = lock.withLock {
            closed = true
            defer { subscribers = [:] }
            return subscribers.values.flatMap(\.values)
        }
        for continuation in continuations { continuation.finish() }
    }

    private func remove(space: String, id: UUID) {
        lock.withLock {
            subscribers[space]?[id] = nil
            if subscribers[space]?.isEmpty == true { subscribers[space] = nil }
        }
    }
}
