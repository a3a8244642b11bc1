import FolioCore
import Testing

@Suite struct GzipTests {
    let text = Array(String(repeating: "Folio syncs resumes between devices. ", count: 2000).utf8)

    @Test func roundTrips() throws {
        let packed = try #require(Gzip.compress(text))
        #expect(packed.count < text.count / 10)
        #expect(packed.starts(with: [0x1F, 0x8B]))
        #expect(try Gzip.decompress(packed, limit: text.count) == text)
    }

    @Test func refusesOutputPastTheLimit() throws {
        let packed = try #require(Gzip.compress(text))
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(packed, limit: text.count - 1) }
    }

    @Test func refusesTruncatedAndForeignData() throws {
        let packed = try #require(Gzip.compress(text))
        #expect { try Gzip.decompress(Array(packed.dropLast(20)), limit: 1 << 20) } throws: {
            ($0 as? Gzip.Failure)?.description == "the gzip data is truncated"
        }
        #expect { try Gzip.decompress(Array("{\"plain\": true}".utf8), limit: 1 << 20) } throws: {
            ($0 as? Gzip.Failure)?.description == "the data is not valid gzip"
        }
    }

    @Test func emptyInputRoundTrips() throws {
        let packed = try #require(Gzip.compress([]))
        #expect(try Gzip.decompress(packed, limit: 0) == [])
    }
}
