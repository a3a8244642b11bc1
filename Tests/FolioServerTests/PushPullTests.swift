import Hummingbird
import Foundation
import FolioCore
import FolioCRDT
import FolioServer
import FolioSync
import HTTPTypes
import HummingbirdTesting
import Testing

/// Push and pull beyond the happy path: retries, paging, merging, compression.
@Suite struct PushPullTests {
    @Test func aRepeatedBatchIsANoOpThatAnswersLikeTheFirstTime() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            let batch = TestData.batchID()
            let first = try PushResponse(json: try await client.push(device, [TestData.change(1), TestData.change(2)], batch: batch).json())
            _ = try await client.push(device, [TestData.change(3)], site: TestData.siteB)
            let again = try PushResponse(json: try await client.push(device, [TestData.change(1), TestData.change(2)], batch: batch).json())
            #expect(!first.duplicate && again.duplicate)
            #expect(again.acked == first.acked && again.cursor == first.cursor)
            let (changes, cursor) = try await client.pullAll(device)
            #expect(changes.count == 3 && cursor.position == "3")
            // The same batch id from another site is another batch.
            let other = try PushResponse(json: try await client.push(device, [TestData.change(4)], site: TestData.siteB, batch: batch).json())
            #expect(!other.duplicate && other.cursor.position == "4")
        }
    }

    @Test func pagingNeverSkipsWhilePushesInterleave() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            var expected: [String: Change] = [:]
            var received: [String: Change] = [:]
            var cursor = "0"
            for round in 0..<20 {
                // Each round writes three new fields and rewrites one old one.
                var changes = (0..<3).map { TestData.change(UInt64(round * 3 + $0), at: UInt64(round)) }
                if round > 0 { changes.append(TestData.change(UInt64(round - 1), "company", .string("v\(round)"), at: UInt64(round) + 500)) }
                #expect(try await client.push(device, changes).status == .ok)
                for change in changes { expected["\(change.record)/\(change.field)"] = change }
                // Pull one small page per round, so pages and pushes interleave.
                let page = try PullResponse(json: try await client.pull(device, since: cursor, limit: 2).json())
                for change in page.changes { received["\(change.record)/\(change.field)"] = change }
                cursor = page.cursor
            }
            let rest = try await client.pullAll(device, since: cursor, limit: 2)
            for change in rest.changes { received["\(change.record)/\(change.field)"] = change }
            #expect(received == expected)
        }
    }

    @Test func concurrentEditsKeepTheWinnerWhateverTheOrder() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            let newer = TestData.change(1, "company", "Newer", at: 10, site: TestData.siteA)
            let older = TestData.change(1, "company", "Older", at: 5, site: TestData.siteB)
            #expect(try await client.push(device, [newer]).status == .ok)
            let late = try PushResponse(json: try await client.push(device, [older], site: TestData.siteB).json())
            #expect(late.acked == 1 && late.cursor.position == "1", "the losing write is acknowledged but takes no counter value")
            #expect(try await client.pullAll(device).changes == [newer])
        }
    }

    @Test func gzipRequestBodiesAreAccepted() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            let changes = (0..<50).map { TestData.change(UInt64($0)) }
            let body = PushRequest(site: TestData.siteA, batch: TestData.batchID(), changes: changes).json.encoded()
            let response = try await client.execute(
                uri: "/v1/spaces/\(device.space)/push", method: .post,
                headers: [.authorization: "Bearer \(device.token)", .contentEncoding: "gzip", .contentType: "application/json"],
                body: ByteBuffer(bytes: Gzip.compress(Array(body.utf8))!))
            #expect(response.status == .ok, "\(response.text)")
            #expect(try await client.pullAll(device).changes.count == 50)
            let corrupt = try await client.execute(uri: "/v1/spaces/\(device.space)/push", method: .post,
                                                   headers: [.authorization: "Bearer \(device.token)", .contentEncoding: "gzip"],
                                                   body: ByteBuffer(string: "not gzip at all"))
            #expect(corrupt.errorCode == "bad-request")
        }
    }

    @Test func repliesAreGzippedWhenAcceptedAndLargeEnough() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            _ = try await client.push(device, (0..<50).map { TestData.change(UInt64($0)) })
            let uri = "/v1/spaces/\(device.space)/pull?since=0"
            let packed = try await client.send(.get, uri, token: device.token, headers: [.acceptEncoding: "gzip, deflate"])
            #expect(packed.headers[.contentEncoding] == "gzip")
            #expect(packed.body.readableBytes < packed.bytes.count)
            #expect(try PullResponse(json: packed.json()).changes.count == 50)
            let plain = try await client.send(.get, uri, token: device.token)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(try PullResponse(json: plain.json()).changes == PullResponse(json: packed.json()).changes)
            let refused = try await client.send(.get, uri, token: device.token, headers: [.acceptEncoding: "gzip;q=0"])
            #expect(refused.headers[.contentEncoding] == nil)
            let small = try await client.send(.get, "/v1/me", token: device.token, headers: [.acceptEncoding: "gzip"])
            #expect(small.headers[.contentEncoding] == nil, "replies under the threshold are sent as they are")
        }
    }

    @Test func pullLimitDefaultsAndPagesAreOrderedByCounter() async throws {
        try await TestServer().run { client in
            let device = try await client.register()
            _ = try await client.push(device, (0..<1200).map { TestData.change(UInt64($0)) })
            let first = try PullResponse(json: try await client.pull(device).json())
            #expect(first.changes.count == SyncProtocol.defaultPullLimit && first.more && first.cursor.position == "1000")
            let second = try PullResponse(json: try await client.pull(device, since: first.cursor).json())
            #expect(second.changes.count == 200 && !second.more && second.cursor.position == "1200")
            let empty = try PullResponse(json: try await client.pull(device, since: second.cursor).json())
            #expect(empty.changes.isEmpty && !empty.more && empty.cursor.position == "1200")
        }
    }
}
