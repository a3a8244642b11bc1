import FolioCore
import FolioCRDT
import Foundation
@testable import FolioSync

/// A sync server in memory with the protocol's rules (merge by the FolioCRDT rule, a
/// counter per winning field, (site, batch) dedupe, pages by cursor), and faults to order:
/// drop the request before it is handled, or drop the reply after.
final class MemoryServer: SyncTransport, @unchecked Sendable {
    enum Fault { case dropRequest, dropReply, mustReset }

    private let lock = NSLock()
    private var records: [RecordID: RecordState] = [:]
    private var counters: [String: (record: RecordID, field: String, counter: Int)] = [:]
    private var counter = 0
    private var batches: [String: PushResponse] = [:]
    /// "site/batch" of each batch applied, and of each answered as a duplicate.
    private(set) var appliedBatches: [String] = []
    private(set) var duplicateBatches: [String] = []
    private(set) var requests = 0
    private var faults: [Int: Fault] = [:]
    let clock = HybridTimestamp(milliseconds: 1_700_000_100_000, counter: 0)

    /// Orders a fault for the request with this number (0 is the first).
    func fault(_ fault: Fault, atRequest number: Int) { lock.withLock { faults[number] = fault } }

    /// Every record's state, for comparing with replicas.
    var state: [RecordID: RecordState] { lock.withLock { records } }

    func push(_ request: PushRequest) async throws(TransportFailure) -> PushResponse {
        let fault = lock.withLock { () -> Fault? in defer { requests += 1 }; return faults[requests] }
        if fault == .dropRequest { throw .unreachable("dropped before the server saw it") }
        let reply = lock.withLock { handlePush(request) }
        if fault == .dropReply { throw .unreachable("dropped after the server applied it") }
        return reply
    }

    func pull(since cursor: String, limit: Int) async throws(TransportFailure) -> PullResponse {
        let fault = lock.withLock { () -> Fault? in defer { requests += 1 }; return faults[requests] }
        if fault == .dropRequest { throw .unreachable("dropped before the server saw it") }
        if fault == .mustReset { throw .reply(status: 409, code: "must-reset", message: "start over") }
        guard let since = Int(cursor), since <= lock.withLock({ counter }) else {
            throw .reply(status: 409, code: "must-reset", message: "unknown cursor")
        }
        let reply = lock.withLock { handlePull(since: since, limit: limit) }
        if fault == .dropReply { throw .unreachable("dropped after the server answered") }
        return reply
    }

    private func handlePush(_ request: PushRequest) -> PushResponse {
        let key = "\(request.site)/\(request.batch)"
        if let first = batches[key] {
            duplicateBatches.append(key)
            return PushResponse(acked: first.acked, cursor: first.cursor, serverHLC: clock.description, duplicate: true)
        }
        for change in request.changes {
            var record = records[change.record] ?? RecordState(id: change.record, kind: change.kind, parent: change.parent)
            if record.apply(change) {
                counter += 1
                counters["\(change.record)/\(change.field)"] = (change.record, change.field, counter)
            }
            records[change.record] = record
        }
        appliedBatches.append(key)
        let reply = PushResponse(acked: request.changes.count, cursor: String(counter), serverHLC: clock.description, duplicate: false)
        batches[key] = reply
        return reply
    }

    private func handlePull(since: Int, limit: Int) -> PullResponse {
        let after = counters.values.filter { $0.counter > since }.sorted { $0.counter < $1.counter }
        let page = after.prefix(limit)
        let changes = page.compactMap { entry in records[entry.record]!.changes.first { $0.field == entry.field } }
        let cursor = page.last.map { String($0.counter) } ?? String(since)
        return PullResponse(changes: changes, cursor: cursor, more: after.count > limit, serverHLC: clock.description)
    }
}
