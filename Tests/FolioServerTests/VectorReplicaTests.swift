import FolioCore
import FolioCRDT
import FolioSync
import Foundation
import Testing

/// The vectors' push steps run against FolioCRDT's in-memory `ReplicaState`, as
/// sync-protocol/vectors/README.md tells a client to: the reference merge must reach the
/// same final state as the server, and refuse what the server refuses.
@Suite struct VectorReplicaTests {
    @Test(arguments: VectorTests.files)
    func vectorAgainstTheReferenceMerge(_ file: String) throws {
        let text = try String(contentsOf: VectorTests.folder.appendingPathComponent(file), encoding: .utf8)
        let vector = try #require(try JSONParser.parse(text, path: file).0.objectValue)
        guard case .number(let now)? = vector["server_now_ms"] else { Issue.record("\(file): server_now_ms"); return }
        var state = ReplicaState()
        for (index, step) in (vector["steps"]?.arrayValue ?? []).enumerated() {
            guard let step = step.objectValue, step["action"] == "push", let expect = step["expect"]?.objectValue else { continue }
            let label = "\(file) step \(index + 1)"
            let request = step["request"] ?? .null
            let accepted = Self.accept(request, into: &state, now: UInt64(now))
            switch expect["error"]?.stringValue {
            case nil: #expect(accepted == nil, "\(label): refused: \(accepted ?? "")")
            case "invalid-change", "unknown-kind", "conflicting-change", "clock-skew":
                #expect(accepted != nil, "\(label): the reference merge accepted what the server refuses")
            case let other?: Issue.record("\(label): no replica-side rule for \(other)")
            }
        }
        let expected = Set((vector["final_state"]?.arrayValue ?? []).map { $0.encoded() })
        #expect(Set(state.changes.map { $0.json.encoded() }) == expected, "\(file): final state")
    }

    /// Applies a push body to the state all or nothing; the reason it was refused, or nil.
    static func accept(_ body: JSONValue, into state: inout ReplicaState, now: UInt64) -> String? {
        let request: PushRequest
        do { request = try PushRequest(json: body) } catch { return error.description }
        var clock = HybridClock(maximumDrift: SyncProtocol.maximumDrift, now: { now })
        do {
            for change in request.changes { try clock.receive(change.stamp.hlc) }
            try state.apply(request.changes)
        } catch { return "\(error)" }
        return nil
    }
}
