import FolioCore
import FolioCRDT
import Testing
@testable import FolioSync

/// The runner carrying out sessions against an in-memory server, with connections dropped
/// and replicas crashed at every step: replicas still converge with nothing lost, and each
/// batch is applied by the server once.
@Suite struct SyncRunnerTests {
    static func runner(_ replica: MemoryReplica, _ server: MemoryServer, ids: IDs = IDs(),
                       configure: (inout SyncSession.Configuration) -> Void = { _ in }) -> SyncRunner<MemoryReplica, MemoryServer> {
        var configuration = SyncSession.Configuration()
        configuration.pullLimit = 3
        configure(&configuration)
        return SyncRunner(replica: replica, transport: server, configuration: configuration, sleep: { _ in },
                          newBatchID: { ids.next() })
    }

    /// Batch ids 00000000-0000-4000-8000-00000000000N.
    final class IDs: @unchecked Sendable {
        private var count = 0
        func next() -> String {
            count += 1
            let hex = String(count, radix: 16)
            return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
        }
    }

    static func seed(_ replica: MemoryReplica, notes: Int, tag: String) {
        replica.edit { r in
            for n in 0..<notes { r.create(.note, fields: ["text": .string("\(tag) \(n)")]) }
        }
    }

    /// Syncs until a run succeeds (each failed run is a crash or a lost connection).
    static func syncUntilDone(_ replica: MemoryReplica, _ server: MemoryServer, ids: IDs = IDs(), tries: Int = 20) async throws {
        for _ in 0..<tries {
            do { _ = try await runner(replica, server, ids: ids).run(); return } catch {}
        }
        Issue.record("sync never succeeded")
    }

    @Test func twoReplicasConvergeThroughTheServer() async throws {
        let server = MemoryServer()
        let a = MemoryReplica(site: 0xA), b = MemoryReplica(site: 0xB)
        Self.seed(a, notes: 5, tag: "a")
        Self.seed(b, notes: 4, tag: "b")
        let first = try await Self.runner(a, server).run()
        #expect(first.pushedChanges == 10 && first.pulledChanges == 0)
        let second = try await Self.runner(b, server).run()
        #expect(second.pushedChanges == 8 && second.pulledChanges == 10 && second.pulledRecords == 5)
        _ = try await Self.runner(a, server).run()
        #expect(a.state == b.state)
        #expect(a.state == server.state)
        #expect(a.state.count == 9)
    }

    @Test(arguments: 0..<8)
    func aDroppedRequestAtAnyStepResumesWithoutLossOrDuplicate(step: Int) async throws {
        for fault in [MemoryServer.Fault.dropRequest, .dropReply] {
            let server = MemoryServer()
            let a = MemoryReplica(site: 0xA), b = MemoryReplica(site: 0xB)
            Self.seed(a, notes: 7, tag: "a")
            Self.seed(b, notes: 6, tag: "b")
            try await Self.syncUntilDone(a, server)
            server.fault(fault, atRequest: server.requests + step)
            try await Self.syncUntilDone(b, server)
            try await Self.syncUntilDone(a, server)
            #expect(a.state == b.state && a.state == server.state && a.state.count == 13, "\(fault) at \(step)")
            #expect(Set(server.appliedBatches).count == server.appliedBatches.count, "a batch was applied twice")
        }
    }

    @Test func aLostPushReplyIsRetriedAndAnsweredAsADuplicate() async throws {
        let server = MemoryServer()
        let a = MemoryReplica(site: 0xA)
        Self.seed(a, notes: 2, tag: "a")
        server.fault(.dropReply, atRequest: 0)
        _ = try await Self.runner(a, server).run()
        #expect(server.appliedBatches.count == 1)
        #expect(server.duplicateBatches == server.appliedBatches)
        #expect(a.pending == nil && a.pushedVersion == a.replica.version)
    }

    @Test(arguments: [MemoryReplica.Step.collect, .savePending, .markPushed, .apply, .advanceClock])
    func aCrashAtAnyStepResumesWithoutLossOrDuplicate(step: MemoryReplica.Step) async throws {
        let server = MemoryServer()
        let a = MemoryReplica(site: 0xA), b = MemoryReplica(site: 0xB)
        Self.seed(a, notes: 5, tag: "a")
        Self.seed(b, notes: 5, tag: "b")
        try await Self.syncUntilDone(a, server)
        b.crash(at: step, skipping: step == .apply ? 1 : 0)
        await #expect(throws: SyncFailure.self) { _ = try await Self.runner(b, server).run() }
        try await Self.syncUntilDone(b, server)
        try await Self.syncUntilDone(a, server)
        #expect(a.state == b.state && b.state == server.state && a.state.count == 10)
        #expect(Set(server.appliedBatches).count == server.appliedBatches.count)
    }

    @Test func aCrashBetweenPushAndAckResendsTheSameBatchID() async throws {
        let server = MemoryServer()
        let a = MemoryReplica(site: 0xA)
        Self.seed(a, notes: 3, tag: "a")
        a.crash(at: .markPushed)
        let ids = IDs()
        await #expect(throws: SyncFailure.self) { _ = try await Self.runner(a, server, ids: ids).run() }
        #expect(a.pending.map { "\(a.replica.site)/\($0.id)" } == server.appliedBatches.first)
        _ = try await Self.runner(a, server, ids: ids).run()
        #expect(server.appliedBatches.count == 1)
        #expect(server.duplicateBatches == server.appliedBatches, "the retry after the crash reused the batch id")
        #expect(a.savedBatches.count == 1)
    }

    @Test func mustResetPullsEverythingFromTheStartAndPushesAgain() async throws {
        let server = MemoryServer()
        let a = MemoryReplica(site: 0xA), b = MemoryReplica(site: 0xB)
        Self.seed(a, notes: 4, tag: "a")
        Self.seed(b, notes: 2, tag: "b")
        _ = try await Self.runner(a, server).run()
        _ = try await Self.runner(b, server).run()
        server.fault(.mustReset, atRequest: server.requests + 1)
        let summary = try await Self.runner(b, server).run()
        #expect(summary.didReset)
        #expect(summary.pulledChanges == 8, "everything of a's was pulled again from the start")
        #expect(summary.pushedChanges >= 12, "all six records (text and @cl) were pushed again")
        _ = try await Self.runner(a, server).run()
        #expect(a.state == b.state && a.state.count == 6)
    }

    @Test func aLocalFailureStopsTheRunWithItsMessage() async throws {
        let server = MemoryServer()
        let a = MemoryReplica(site: 0xA)
        a.crash(at: .collect)
        await #expect { _ = try await Self.runner(a, server).run() } throws: { error in
            (error as? SyncFailure)?.description.contains("the replica failed") == true
        }
    }
}
