import FolioCore
import FolioCRDT
import FolioSync
import Foundation

/// One device of the concurrent run: an in-memory FolioCRDT replica state and clock, its own
/// keep-alive connection, pushing a batch of edits to shared records every tick and pulling
/// the others' changes after each push.
final class SimulatedDevice: @unchecked Sendable {
    let index: Int
    let site: SiteID
    let connection: HTTPConnection
    let space: String
    var clock = HybridClock(now: { UInt64(Date().timeIntervalSince1970 * 1000) })
    var state = ReplicaState()
    var cursor = SyncProtocol.initialCursor
    var pushed: [Change] = []
    var pushLatencies = Latencies()
    var pullLatencies = Latencies()
    var pulledChanges = 0
    var failures: [String] = []
    private var random: SplitMix64

    init(index: Int, port: Int, token: String, space: String) {
        self.index = index
        self.site = SiteID(rawValue: 0x5100_0000_0000_0000 | UInt64(index))
        self.connection = HTTPConnection(port: port)
        self.connection.token = token
        self.space = space
        self.random = SplitMix64(seed: UInt64(index) &* 7919)
    }

    /// Ten edits of random fields of the shared records.
    func edits(tick: Int, records: [RecordID], fields: [String]) -> [Change] {
        (0..<10).map { k in
            let record = records[Int(random.next() % UInt64(records.count))]
            let field = fields[Int(random.next() % UInt64(fields.count))]
            return Change(record: record, kind: .application, parent: nil, field: field,
                          value: .string("device \(index) tick \(tick) edit \(k)"), stamp: FieldStamp(hlc: clock.tick(), site: site))
        }
    }

    /// Applies locally, pushes, then (when `pull`) pulls until caught up.
    func step(tick: Int, records: [RecordID], fields: [String], pull: Bool) {
        let changes = edits(tick: tick, records: records, fields: fields)
        do {
            try state.apply(changes)
            let body = PushRequest(site: site, batch: UUID().uuidString.lowercased(), changes: changes).json.encoded()
            let (reply, elapsed) = try measure { try connection.request("POST", "/v1/spaces/\(space)/push", body: body) }
            pushLatencies.add(elapsed)
            guard reply.status == 200 else { throw HTTPConnection.Failure(description: "push: \(reply.status) \(reply.text)") }
            pushed += changes
            try advanceClock(PushResponse(json: reply.json()).serverHLC)
            if pull { try pullUntilCaughtUp() }
        } catch {
            failures.append("\(error)")
        }
    }

    func pullUntilCaughtUp(record: Bool = true) throws {
        while true {
            let (reply, elapsed) = try measure { try connection.request("GET", "/v1/spaces/\(space)/pull?since=\(cursor)&limit=1000") }
            if record { pullLatencies.add(elapsed) }
            guard reply.status == 200 else { throw HTTPConnection.Failure(description: "pull: \(reply.status) \(reply.text)") }
            let page = try PullResponse(bytes: reply.body)
            try state.apply(page.changes)
            for change in page.changes { try? clock.receive(change.stamp.hlc) }
            try advanceClock(page.serverHLC)
            pulledChanges += page.changes.count
            cursor = page.cursor
            if !page.more { return }
        }
    }

    private func advanceClock(_ text: String) throws {
        guard let stamp = HybridTimestamp(parsing: text) else { throw HTTPConnection.Failure(description: "bad server_hlc \(text)") }
        try? clock.receive(stamp)
    }
}
