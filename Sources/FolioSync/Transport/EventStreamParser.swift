/// One Server-Sent Event: its `event:` name (default `message`) and its `data:` lines.
public struct ServerSentEvent: Sendable, Hashable {
    /// The event's name.
    public var name: String
    /// The data lines, joined with newlines.
    public var data: String

    /// An event from its parts.
    public init(name: String, data: String) {
        self.name = name
        self.data = data
    }
}

/// Reads a `text/event-stream` as it arrives, in chunks cut anywhere: complete events come
/// out, comments (`: keepalive`) are dropped, a partial line waits for the next chunk.
public struct EventStreamParser: Sendable {
    private var buffer: [UInt8] = []
    private var name = ""
    private var data: [String] = []

    /// An empty parser.
    public init() {}

    /// The events completed by `chunk`.
    public mutating func feed(_ chunk: some Sequence<UInt8>) -> [ServerSentEvent] {
        buffer.append(contentsOf: chunk)
        var events: [ServerSentEvent] = []
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer[..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let text = String(decoding: line, as: UTF8.self)
            buffer.removeSubrange(...newline)
            if let event = take(text) { events.append(event) }
        }
        return events
    }

    private mutating func take(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer { name = ""; data = [] }
            guard !data.isEmpty || !name.isEmpty else { return nil }
            return ServerSentEvent(name: name.isEmpty ? "message" : name, data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }
        let field: Substring, value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            let rest = line[line.index(after: colon)...]
            value = rest.hasPrefix(" ") ? rest.dropFirst() : rest
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "event": name = String(value)
        case "data": data.append(String(value))
        default: break
        }
        return nil
    }
}
