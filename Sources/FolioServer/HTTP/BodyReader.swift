import FolioCore
import FolioSync
import HTTPTypes
import Hummingbird

/// Reads a request body within the protocol's limits: a `Content-Length` over the limit is
/// refused before reading, a body that grows past it while read too, and a gzip body
/// (`Content-Encoding: gzip`) is inflated with the same limit on its decompressed size.
struct BodyReader {
    let limit: Int

    /// The body's bytes, decompressed.
    func bytes(_ request: Request) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge
        }
        let body = request.body
        let buffer: ByteBuffer
        do { buffer = try await body.collect(upTo: limit) } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        }
        let raw = Array(buffer.readableBytesView)
        switch request.headers[.contentEncoding]?.lowercased() {
        case nil, "identity": return raw
        case "gzip":
            do { return try Gzip.decompress(raw, limit: limit) } catch {
                if error.description.contains("more than") { throw tooLarge }
                throw ServerError(.badRequest, "the gzip body could not be read: \(error)")
            }
        case let other?:
            throw ServerError(.unsupportedEncoding, "Content-Encoding \(other) is not supported (use gzip or none)")
        }
    }

    /// The body as JSON.
    func json(_ request: Request) async throws -> JSONValue {
        let data = try await bytes(request)
        guard !data.isEmpty else { throw ServerError(.badRequest, "the body is empty; a JSON object is expected") }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ServerError(.badRequest, "the body is not UTF-8 text")
        }
        do { return try JSONParser.parse(bytes: data, path: "body") } catch {
            throw ServerError(.badRequest, "\(error)")
        }
    }

    private var tooLarge: ServerError {
        ServerError(.payloadTooLarge, "the body is larger than \(limit) bytes (after decompression)")
    }
}
