import FolioCore
import FolioCRDT
import Testing
@testable import FolioSync

/// The sync session as a pure state machine: every event and action path, without sockets.
@Suite struct SyncSessionTests {
    static let site = SiteID(rawValue: 0xA1)
    static let serverHLC = HybridTimestamp(milliseconds: 1_700_000_100_000, counter: 7)
    static let batchID = "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6"

    static func change(_ n: UInt64, site: SiteID = site) -> Change {
        Change(record: RecordID(high: 0x0190_0000_0000_7000 | n, low: 0x8000_0000_0000_0000 | n), kind: .note, parent: nil,
               field: "text", value: .string("note \(n)"), stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: 1_700_000_000_000, counter: UInt16(n)), site: site))
    }

    static func session(pushed: UInt64 = 0, cursor: String = "0", pending: SyncSession.PendingBatch? = nil,
                        configure: (inout SyncSession.Configuration) -> Void = { _ in }) -> SyncSession {
        var configuration = SyncSession.Configuration()
        configure(&configuration)
        return SyncSession(start: .init(site: site, cursor: cursor, pushedVersion: pushed, pendingBatch: pending),
                           configuration: configuration, newBatchID: { batchID })
    }

    static func pushReply(duplicate: Bool = false, acked: Int = 1) -> PushResponse {
        PushResponse(acked: acked, cursor: "9", serverHLC: serverHLC.description, duplicate: duplicate)
    }

    static func page(_ changes: [Change], cursor: String, more: Bool = false) -> PullResponse {
        PullResponse(changes: changes, cursor: cursor, more: more, serverHLC: serverHLC.description)
    }

    @Test func nothingToPushPullsAndFinishes() {
        var session = Self.session()
        #expect(session.begin() == [.collect(since: 0)])
        #expect(session.handle(.collected(changes: [], version: 0)) == [.pull(since: "0", limit: 1000)])
        let remote = Self.change(1, site: SiteID(rawValue: 0xB2))
        let actions = session.handle(.pulled(Self.page([remote], cursor: "4")))
        guard case .finish(let summary)? = actions.last else { Issue.record("no finish: \(actions)"); return }
        #expect(Array(actions.dropLast()) == [.advanceClock(Self.serverHLC), .apply(changes: [remote], cursor: "4")])
        #expect(summary.pulledChanges == 1 && summary.pulledRecords == 1 && summary.cursor == "4" && summary.pushedChanges == 0)
    }

    @Test func localChangesArePushedUnderASavedBatchThenMarkedThenPulled() {
        var session = Self.session(pushed: 3, cursor: "12")
        #expect(session.begin() == [.collect(since: 3)])
        let changes = [Self.change(1), Self.change(2)]
        let request = PushRequest(site: Self.site, batch: Self.batchID, changes: changes)
        #expect(session.handle(.collected(changes: changes, version: 5))
            == [.savePending(.init(id: Self.batchID, version: 5)), .push(request)])
        #expect(session.handle(.pushed(Self.pushReply(acked: 2)))
            == [.advanceClock(Self.serverHLC), .markPushed(version: 5), .pull(since: "12", limit: 1000)])
        let actions = session.handle(.pulled(Self.page(changes, cursor: "14")))
        guard case .finish(let summary)? = actions.last else { Issue.record("no finish"); return }
        #expect(summary.pushedChanges == 2)
        #expect(summary.pulledChanges == 0, "our own changes coming back are not counted as pulled")
    }

    @Test func emptyCollectionStillMarksTheVersionPushed() {
        var session = Self.session(pushed: 3)
        _ = session.begin()
        #expect(session.handle(.collected(changes: [], version: 8)) == [.markPushed(version: 8), .pull(since: "0", limit: 1000)])
    }

    @Test func pagesArePulledUntilNoMore() {
        var session = Self.session(configure: { $0.pullLimit = 2 })
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        let first = [Self.change(1, site: SiteID(rawValue: 9)), Self.change(2, site: SiteID(rawValue: 9))]
        #expect(session.handle(.pulled(Self.page(first, cursor: "2", more: true)))
            == [.advanceClock(Self.serverHLC), .apply(changes: first, cursor: "2"), .pull(since: "2", limit: 2)])
        let actions = session.handle(.pulled(Self.page([Self.change(3, site: SiteID(rawValue: 9))], cursor: "3")))
        guard case .finish(let summary)? = actions.last else { Issue.record("no finish"); return }
        #expect(summary.pulledChanges == 3 && summary.pulledRecords == 3 && summary.cursor == "3")
    }

    @Test func aFailedPushIsRetriedAfterAGrowingPauseUnderTheSameBatchID() {
        var session = Self.session()
        _ = session.begin()
        let changes = [Self.change(1)]
        let push = session.handle(.collected(changes: changes, version: 1)).last!
        #expect(session.handle(.failed(.unreachable("refused"))) == [.wait(seconds: 0.5)])
        #expect(session.handle(.waited) == [push])
        #expect(session.handle(.failed(.reply(status: 503, code: "unavailable", message: "stopping"))) == [.wait(seconds: 1)])
        #expect(session.handle(.waited) == [push])
        #expect(session.handle(.failed(.unreachable("reset by peer"))) == [.wait(seconds: 2)])
        #expect(session.handle(.waited) == [push])
        #expect(session.handle(.pushed(Self.pushReply(duplicate: true))).contains(.markPushed(version: 1)))
    }

    @Test func aFailedPullIsRetriedFromTheSameCursor() {
        var session = Self.session(cursor: "7")
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        #expect(session.handle(.failed(.reply(status: 500, code: "internal", message: "oops"))) == [.wait(seconds: 0.5)])
        #expect(session.handle(.waited) == [.pull(since: "7", limit: 1000)])
    }

    @Test func rateLimitingWaitsAsLongAsTheServerSays() {
        var session = Self.session()
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        #expect(session.handle(.failed(.reply(status: 429, code: "rate-limited", message: "slow down", retryAfter: 7))) == [.wait(seconds: 7)])
    }

    @Test func givesUpAfterTheLastAttemptWithAnUnreachableMessage() {
        var session = Self.session(configure: { $0.maximumAttempts = 3 })
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        _ = session.handle(.failed(.unreachable("refused")))
        _ = session.handle(.waited)
        _ = session.handle(.failed(.unreachable("refused")))
        _ = session.handle(.waited)
        guard case .fail(let failure)? = session.handle(.failed(.unreachable("refused"))).first else { Issue.record("no failure"); return }
        #expect(failure.isUnreachable)
        #expect(failure.description.contains("cannot reach the sync server"))
    }

    @Test func retryingForeverNeverGivesUp() {
        var session = Self.session(configure: { $0.maximumAttempts = nil; $0.longestDelay = 5 })
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        var last: [SyncAction] = []
        for _ in 0..<50 {
            last = session.handle(.failed(.unreachable("refused")))
            _ = session.handle(.waited)
        }
        #expect(last == [.wait(seconds: 5)])
    }

    @Test func mustResetStartsOverOnceThenFails() {
        var session = Self.session(pushed: 9, cursor: "40")
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 9))
        let mustReset = TransportFailure.reply(status: 409, code: "must-reset", message: "unknown cursor")
        #expect(session.handle(.failed(mustReset)) == [.reset, .collect(since: 0)])
        let everything = [Self.change(1), Self.change(2)]
        #expect(session.handle(.collected(changes: everything, version: 10)).last
            == .push(PushRequest(site: Self.site, batch: Self.batchID, changes: everything)))
        #expect(session.handle(.pushed(Self.pushReply())).last == .pull(since: "0", limit: 1000))
        guard case .fail? = session.handle(.failed(mustReset)).first else { Issue.record("a second reset looped"); return }
    }

    @Test func aResetIsReportedInTheSummary() {
        var session = Self.session(cursor: "40")
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        _ = session.handle(.failed(.reply(status: 409, code: "must-reset", message: "gone")))
        _ = session.handle(.collected(changes: [], version: 0))
        guard case .finish(let summary)? = session.handle(.pulled(Self.page([], cursor: "0"))).last else { Issue.record("no finish"); return }
        #expect(summary.didReset)
        #expect(summary.description.contains("must-reset"))
    }

    @Test(arguments: [
        (401, "unauthorized", "run folio login"),
        (404, "not-found", "not a member"),
        (403, "forbidden", "may read the space but not change it"),
        (422, "clock-skew", "clock is ahead"),
        (422, "invalid-change", "refused the sync: 422 invalid-change"),
        (413, "payload-too-large", "413 payload-too-large"),
        (409, "conflicting-change", "409 conflicting-change"),
    ])
    func permanentFailuresStopWithWhatToDo(status: Int, code: String, words: String) {
        var session = Self.session()
        _ = session.begin()
        _ = session.handle(.collected(changes: [Self.change(1)], version: 1))
        let actions = session.handle(.failed(.reply(status: status, code: code, message: "detail")))
        guard case .fail(let failure)? = actions.first, actions.count == 1 else { Issue.record("\(actions)"); return }
        #expect(failure.description.contains(words), "\(failure)")
        #expect(failure.needsLogin == (status == 401))
    }

    @Test func aBatchSentBeforeACrashIsResentUnderItsIDAndMarksOnlyItsVersion() {
        var session = Self.session(pushed: 2, pending: .init(id: "0190f3a4-0000-7000-8000-000000000001", version: 4))
        #expect(session.begin() == [.collect(since: 2)])
        let changes = [Self.change(1), Self.change(2)]
        #expect(session.handle(.collected(changes: changes, version: 7))
            == [.push(PushRequest(site: Self.site, batch: "0190f3a4-0000-7000-8000-000000000001", changes: changes))],
            "no new batch is saved: the pending one is resent")
        #expect(session.handle(.pushed(Self.pushReply(duplicate: true))).contains(.markPushed(version: 4)))
    }

    @Test func largeBatchesAreSplitIntoPartsWithDerivedIDs() {
        var session = Self.session(configure: { $0.batchLimit = 2 })
        _ = session.begin()
        let changes = (1...5).map { Self.change($0) }
        let first = session.handle(.collected(changes: changes, version: 3))
        #expect(first.first == .savePending(.init(id: Self.batchID, version: 3)))
        var ids: [String] = []
        var next = first.last!
        while case .push(let request) = next {
            ids.append(request.batch)
            #expect(request.changes.count <= 2)
            next = session.handle(.pushed(Self.pushReply())).last!
        }
        #expect(ids == [Self.batchID, BatchPlan.partID(Self.batchID, 1), BatchPlan.partID(Self.batchID, 2)])
        #expect(Set(ids).count == 3)
        #expect(next == .pull(since: "0", limit: 1000))
    }

    @Test func aResumedSplitBatchWithADuplicatePartIsSentAgainUnderANewID() {
        var session = Self.session(pending: .init(id: "0190f3a4-0000-7000-8000-000000000001", version: 4),
                                   configure: { $0.batchLimit = 1 })
        _ = session.begin()
        _ = session.handle(.collected(changes: [Self.change(1), Self.change(2)], version: 6))
        _ = session.handle(.pushed(Self.pushReply(duplicate: true)))
        #expect(session.handle(.pushed(Self.pushReply())) == [.advanceClock(Self.serverHLC), .collect(since: 0)])
        let again = session.handle(.collected(changes: [Self.change(1), Self.change(2)], version: 6))
        #expect(again.first == .savePending(.init(id: Self.batchID, version: 6)))
    }

    @Test func aBadServerClockOrAStuckPageFails() {
        var session = Self.session()
        _ = session.begin()
        _ = session.handle(.collected(changes: [], version: 0))
        guard case .fail(let failure)? = session.handle(.pulled(PullResponse(changes: [], cursor: "0", more: false, serverHLC: "soon"))).first else {
            Issue.record("accepted a bad server_hlc"); return
        }
        #expect(failure.description.contains("server_hlc"))
        var stuck = Self.session(cursor: "5")
        _ = stuck.begin()
        _ = stuck.handle(.collected(changes: [], version: 0))
        guard case .fail? = stuck.handle(.pulled(Self.page([], cursor: "5", more: true))).first else { Issue.record("looped"); return }
    }

    @Test func anUnexpectedEventFails() {
        var session = Self.session()
        _ = session.begin()
        guard case .fail(let failure)? = session.handle(.pulled(Self.page([], cursor: "1"))).first else { Issue.record("accepted"); return }
        #expect(failure.description.contains("unexpected"))
        #expect(session.begin().count == 1)
    }
}
