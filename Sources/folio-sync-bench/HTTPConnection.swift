import FolioCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 keep-alive connection to 127.0.0.1, one per simulated device, so the
/// benchmark measures the server and not a client library. Replies must carry Content-Length
/// (folio-server's JSON replies do).
final class HTTPConnection {
    struct Reply {
        var status: Int
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> JSONValue { try JSONParser.parse(bytes: body, path: "reply") }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let port: Int
    private var socketFD: Int32 = -1
    private var buffer: [UInt8] = []
    /// Where `recv` reads into (kept: zeroing 256 KiB per read costs more than the read).
    private var chunk = [UInt8](repeating: 0, count: 256 * 1024)
    var token: String?
    /// Ask for gzip-compressed replies.
    var acceptGzip = false

    init(port: Int) {
        self.port = port
    }

    deinit {
        if socketFD >= 0 { close(socketFD) }
    }

    func request(_ method: String, _ path: String, body: String? = nil) throws -> Reply {
        if socketFD < 0 { try connect() }
        let payload = Array((body ?? "").utf8)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(payload.count)\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        if body != nil { head += "Content-Type: application/json\r\n" }
        if acceptGzip { head += "Accept-Encoding: gzip\r\n" }
        try send(Array((head + "\r\n").utf8) + payload)
        return try readReply()
    }

    private func connect() throws {
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket() failed") }
        var noDelay: Int32 = 1
        setsockopt(socketFD, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port) failed") }
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send failed") }
            offset += sent
        }
    }

    private func fill() throws {
        let count = chunk.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "connection closed") }
        buffer.append(contentsOf: chunk[0..<count])
    }

    private func readReply() throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = buffer.firstRange(of: separator)?.lowerBound
            if headerEnd == nil { try fill() }
        }
        let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self).split(separator: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var length = 0, gzip = false
        for line in head.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0].lowercased() == "content-length" { length = Int(parts[1]) ?? 0 }
            if parts[0].lowercased() == "content-encoding" { gzip = parts[1] == "gzip" }
        }
        let start = headerEnd! + 4
        while buffer.count < start + length { try fill() }
        var body = Array(buffer[start..<start + length])
        buffer.removeFirst(start + length)
        if gzip { body = try Gzip.decompress(body, limit: 1 << 30) }
        return Reply(status: status, body: body)
    }
}
