import FolioCRDT
import Foundation

/// Carries out a `SyncSession`'s actions on a replica and a transport, until it finishes
/// or fails. All decisions are the session's; this only does what it is told.
public struct SyncRunner<Replica: SyncReplica, Transport: SyncTransport>: Sendable {
    let replica: Replica
    let transport: Transport
    let configuration: SyncSession.Configuration
    let sleep: @Sendable (Double) async throws -> Void
    let newBatchID: @Sendable () -> String

    /// A runner; `sleep` and `newBatchID` are replaceable for tests.
    public init(replica: Replica, transport: Transport, configuration: SyncSession.Configuration = .init(),
                sleep: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(for: .seconds($0)) },
                newBatchID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }) {
        self.replica = replica
        self.transport = transport
        self.configuration = configuration
        self.sleep = sleep
        self.newBatchID = newBatchID
    }

    /// One sync: push, then pull until caught up.
    public func run() async throws(SyncFailure) -> SyncSummary {
        var session = SyncSession(start: try local { try replica.syncStart() }, configuration: configuration, newBatchID: newBatchID)
        var actions = session.begin()
        while true {
            var event: SyncEvent?
            for action in actions {
                switch action {
                case .finish(let summary): return summary
                case .fail(let failure): throw failure
                default: event = try await perform(action) ?? event
                }
            }
            guard let next = event else { throw SyncFailure.local("the sync session stopped without an answer") }
            actions = session.handle(next)
        }
    }

    /// Does one action; returns the event it led to, for those that wait for one.
    private func perform(_ action: SyncAction) async throws(SyncFailure) -> SyncEvent? {
        switch action {
        case .collect(let version):
            let (changes, current) = try local { try replica.changes(since: version) }
            return .collected(changes: changes, version: current)
        case .push(let request):
            do { return .pushed(try await transport.push(request)) } catch { return .failed(error) }
        case .pull(let cursor, let limit):
            do { return .pulled(try await transport.pull(since: cursor, limit: limit)) } catch { return .failed(error) }
        case .wait(let seconds):
            do { try await sleep(seconds) } catch { throw SyncFailure.local("stopped") }
            return .waited
        case .savePending(let batch): try local { try replica.savePending(batch) }
        case .markPushed(let version): try local { try replica.markPushed(upTo: version) }
        case .apply(let changes, let cursor): try local { try replica.applyPulled(changes, cursor: cursor) }
        case .advanceClock(let stamp): try local { try replica.advanceClock(to: stamp) }
        case .reset: try local { try replica.reset() }
        case .finish, .fail: break
        }
        return nil
    }

    private func local<T>(_ body: () throws -> T) throws(SyncFailure) -> T {
        do { return try body() } catch let failure as SyncFailure { throw failure } catch {
            throw SyncFailure.local(String(describing: error))
        }
    }
}
