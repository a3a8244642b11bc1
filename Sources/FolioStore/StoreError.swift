import FolioCRDT
import Foundation

/// Why a store operation failed. Nothing of a failed operation is written.
public struct StoreError: Error, Sendable, LocalizedError, CustomStringConvertible {
    private enum Reason: Sendable {
        case newerSchema(path: String, migrations: [String])
        case notFound(what: String, name: String, candidates: [String])
        case ambiguous(what: String, prefix: String, candidates: [String])
        case rejected(ChangeError)
        case invalid(String)
        case database(String)
    }

    private let reason: Reason

    static func newerSchema(path: String, migrations: [String]) -> StoreError {
        StoreError(reason: .newerSchema(path: path, migrations: migrations))
    }
    static func notFound(_ what: String, _ name: String, candidates: [String]) -> StoreError {
        StoreError(reason: .notFound(what: what, name: name, candidates: candidates))
    }
    static func ambiguous(_ what: String, _ prefix: String, candidates: [String]) -> StoreError {
        StoreError(reason: .ambiguous(what: what, prefix: prefix, candidates: candidates))
    }
    static func rejected(_ error: ChangeError) -> StoreError { StoreError(reason: .rejected(error)) }
    static func invalid(_ message: String) -> StoreError { StoreError(reason: .invalid(message)) }
    static func database(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? ChangeError { return .rejected(error) }
        return StoreError(reason: .database(String(describing: error)))
    }

    /// True when a batch of remote changes was refused (malformed, unknown kind, conflict).
    public var isRejectedBatch: Bool {
        if case .rejected = reason { return true }
        return false
    }

    /// True when the replica file was written by a newer Folio.
    public var isNewerSchema: Bool {
        if case .newerSchema = reason { return true }
        return false
    }

    /// True when nothing matched a name or id.
    public var isNotFound: Bool {
        if case .notFound = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .newerSchema(let path, let migrations):
            return "\(path) was written by a newer version of Folio (schema \(migrations.joined(separator: ", "))); "
                + "update Folio to open it. The file was not changed."
        case .notFound(let what, let name, let candidates):
            let list = candidates.isEmpty ? "there are none yet" : "known: " + candidates.joined(separator: ", ")
            return "no \(what) named \"\(name)\" (\(list))"
        case .ambiguous(let what, let prefix, let candidates):
            return "\"\(prefix)\" matches \(candidates.count) \(what)s; use more characters of the id:\n  "
                + candidates.joined(separator: "\n  ")
        case .rejected(let error):
            return "the batch was refused and nothing of it applied: \(error)"
        case .invalid(let message):
            return message
        case .database(let message):
            return "replica database error: \(message)"
        }
    }

    /// The message, for `LocalizedError`.
    public var errorDescription: String? { description }
}
