import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over a plain socket to 127.0.0.1 only.
///
/// The request target is sent byte for byte, so a test can send `/../folio.yaml`
/// without a client library normalising it away.
enum RawHTTP {
    struct Response: CustomStringConvertible {
        var status: Int
        var headers: [String: String]
        var body: String

        var description: String { "HTTP \(status)\n\(body.prefix(2000))" }
    }

    /// Sends `GET target` and reads the whole response (the server closes the connection).
    static func get(port: Int, _ target: String, timeout: Double = 5) throws -> Response {
        let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept-Encoding: identity\r\n\r\n"
        let raw = try exchange(port: port, request: Data(request.utf8), timeout: timeout)
        return try parse(raw)
    }

    /// A TCP port nobody listens on right now: bind port 0 on 127.0.0.1 and ask which one it got.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(socketStream), 0)
        guard fd >= 0 else { throw CLITestError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw CLITestError("bind() failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw CLITestError("getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static var socketStream: Int {
        #if canImport(Glibc) || canImport(Musl)
        Int(SOCK_STREAM.rawValue)
        #else
        Int(SOCK_STREAM)
        #endif
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)  // 127.0.0.1
        return address
    }

    private static func exchange(port: Int, request: Data, timeout: Double) throws -> Data {
        let fd = socket(AF_INET, Int32(socketStream), 0)
        guard fd >= 0 else { throw CLITestError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CLITestError("cannot connect to 127.0.0.1:\(port): errno \(errno)") }
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { throw CLITestError("send() failed: errno \(errno)") }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { response.append(contentsOf: buffer[0..<count]); continue }
            if count == 0 { break }
            throw CLITestError("no complete answer from 127.0.0.1:\(port) within \(timeout) s (errno \(errno)); got \(response.count) bytes")
        }
        return response
    }

    private static func parse(_ raw: Data) throws -> Response {
        guard let headerEnd = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw CLITestError("not an HTTP response: \(String(decoding: raw.prefix(200), as: UTF8.self))")
        }
        let head = String(decoding: raw[..<headerEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw CLITestError("bad status line in: \(head)")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[headerEnd.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let end = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) ?? rest.endIndex
            result.append(rest[start..<end])
            rest = rest[min(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return result
    }
}
