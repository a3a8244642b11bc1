import FolioCore
import FolioCRDT
import FolioSync
import Foundation

/// Part 1: a space holding `changes` changes, and a new device pulling all of them.
enum InitialPull {
    static func run(port: Int, changes total: Int) throws {
        let seeder = HTTPConnection(port: port)
        let space = try register(seeder, email: "seed@example.com")
        let site = SiteID(rawValue: 0x5EED)
        var hlc = HybridTimestamp(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000) - 3_600_000, counter: 0).rawValue
        var all: [Change] = []
        for n in 0..<(total + fields.count - 1) / fields.count {
            for field in fields where all.count < total {
                hlc += 1
                all.append(Change(record: record(n), kind: .application, parent: nil, field: field,
                                  value: .string("\(field) of application \(n), a value of a realistic length"),
                                  stamp: FieldStamp(hlc: HybridTimestamp(rawValue: hlc), site: site)))
            }
        }
        let (_, seeding) = try measure {
            for start in stride(from: 0, to: all.count, by: SyncProtocol.maximumBatch) {
                let batch = Array(all[start..<min(all.count, start + SyncProtocol.maximumBatch)])
                let reply = try seeder.request("POST", "/v1/spaces/\(space)/push",
                                               body: PushRequest(site: site, batch: UUID().uuidString.lowercased(), changes: batch).json.encoded())
                guard reply.status == 200 else { throw HTTPConnection.Failure(description: "seed push: \(reply.status) \(reply.text)") }
            }
        }
        print(String(format: "seeded %d changes in %d pushes of up to %d: %.2f s (%.0f changes/s)", all.count,
                     (all.count + SyncProtocol.maximumBatch - 1) / SyncProtocol.maximumBatch, SyncProtocol.maximumBatch,
                     seeding / 1000, Double(all.count) / seeding * 1000))
        for gzip in [false, true] {
            let device = HTTPConnection(port: port)
            device.token = seeder.token
            device.acceptGzip = gzip
            try pullEverything(device, space: space, expected: all.count, gzip: gzip)
        }
    }

    static func pullEverything(_ device: HTTPConnection, space: String, expected: Int, gzip: Bool) throws {
        var state = ReplicaState(), cursor = "0", pages = 0, http = 0.0, decode = 0.0, apply = 0.0, bytes = 0
        let (_, total) = try measure {
            while true {
                let (reply, t1) = try measure { try device.request("GET", "/v1/spaces/\(space)/pull?since=\(cursor)&limit=\(SyncProtocol.maximumPullLimit)") }
                guard reply.status == 200 else { throw HTTPConnection.Failure(description: "pull: \(reply.status) \(reply.text)") }
                let (page, t2) = try measure { try PullResponse(json: reply.json()) }
                let (_, t3) = try measure { try state.apply(page.changes) }
                http += t1; decode += t2; apply += t3; pages += 1; bytes += reply.body.count
                cursor = page.cursor
                if !page.more { break }
            }
        }
        let held = state.changes.count
        print(String(format: "(1) new device pulls %d changes%@: caught up in %.2f s (target < 3 s: %.2fx of the target) — "
                     + "%d pages of %d, HTTP %.2f s, JSON decode %.2f s, merge into a FolioCRDT replica %.2f s; %@",
                     held, gzip ? " with gzip" : "", total / 1000, total / 3000, pages, SyncProtocol.maximumPullLimit,
                     http / 1000, decode / 1000, apply / 1000, held == expected ? "all \(expected) held" : "MISSING \(expected - held)"))
        _ = bytes
    }
}
