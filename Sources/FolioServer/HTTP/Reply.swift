import FolioCore
import Foundation
import HTTPTypes
import Hummingbird

/// Builds the server's JSON replies, gzip-compressed when the request accepts gzip and the
/// body is at least `threshold` bytes (`Content-Encoding: gzip`, `Vary: Accept-Encoding`).
struct Reply {
    let threshold: Int

    /// A reply with JSON text.
    func json(_ text: String, status: HTTPResponse.Status = .ok, for request: Request) -> Response {
        json(ByteBuffer(string: text), status: status, for: request)
    }

    /// A reply with JSON text already in a buffer.
    func json(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok, for request: Request) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if buffer.readableBytes >= threshold, Self.acceptsGzip(request.headers[.acceptEncoding]),
           let packed = Gzip.compress(Array(buffer.readableBytesView), level: 1) {
            headers[.contentEncoding] = "gzip"
            headers[.vary] = "Accept-Encoding"
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: packed)))
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// A reply with a JSON value.
    func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, for request: Request) -> Response {
        json(value.encoded(), status: status, for: request)
    }

    /// True when an Accept-Encoding header lists gzip (or `*`) without `q=0`.
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard pieces.first == "gzip" || pieces.first == "*" else { return false }
            return !pieces.dropFirst().contains { $0.hasPrefix("q=") && Double($0.dropFirst(2)) == 0 }
        }
    }
}
