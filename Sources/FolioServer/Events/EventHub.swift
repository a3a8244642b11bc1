import Foundation

/// Tells connected devices that a space has new changes: each `GET .../events` subscribes
/// and gets the space's cursor after every push that changed something. On shutdown every
/// stream ends, so graceful shutdown is not held up by open event streams.
public actor EventHub {
    private var subscribers: [String: [UUID: AsyncStream<String>.Continuation]] = [:]
    private var closed = false

    /// An empty hub.
    public init() {}

    /// A stream of the space's cursors after changes; ends on `close()`.
    public func subscribe(space: String) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(1))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[space, default: [:]][id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(space: space, id: id) } }
        return stream
    }

    /// Tells the space's subscribers its new cursor.
    public func publish(space: String, cursor: String) {
        for continuation in subscribers[space, default: [:]].values { continuation.yield(cursor) }
    }

    /// How many streams are open.
    public var count: Int { subscribers.values.reduce(0) { $0 + $1.count } }

    /// Ends every stream and refuses new ones.
    public func close() {
        closed = true
        for continuation in subscribers.values.flatMap(\.values) { continuation.finish() }
        subscribers = [:]
    }

    private func remove(space: String, id: UUID) {
        subscribers[space]?[id] = nil
        if subscribers[space]?.isEmpty == true { subscribers[space] = nil }
    }
}
