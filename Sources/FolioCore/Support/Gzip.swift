import CFolioZlib

/// gzip (RFC 1952) with zlib: the `.gz` files written beside site outputs, and the
/// compressed bodies of the sync protocol.
/// ```
/// let packed = Gzip.compress(Array("hello".utf8))!
/// let back = try Gzip.decompress(packed, limit: 1 << 20)
/// ```
public enum Gzip {
    /// Why a body could not be decompressed.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// Compresses `data` at `level` (1 fastest ... 9 smallest; 6, zlib's default, is within
    /// a few percent of 9's size at a fraction of its time). Returns nil only if zlib fails.
    public static func compress(_ data: [UInt8], level: Int32 = 6) -> [UInt8]? {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of zlib's.
        let initResult = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else { return nil }
        defer { deflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(data.count))) + 32)
        var input = data
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses one gzip stream. Throws when the data is not gzip, is truncated or
    /// corrupt, or would decompress to more than `limit` bytes (a small body that inflates
    /// to gigabytes is refused without inflating it all).
    public static func decompress(_ data: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = data
        var status: Int32 = Z_OK
        try input.withUnsafeMutableBufferPointer { (inBuffer) throws(Failure) in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while status != Z_STREAM_END {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw Failure(description: status == Z_BUF_ERROR ? "the gzip data is truncated" : "the data is not valid gzip")
                }
                guard output.count + produced <= limit else {
                    throw Failure(description: "the data decompresses to more than \(limit) bytes")
                }
                output.append(contentsOf: chunk[0..<produced])
            }
        }
        return output
    }
}
