/// Why a store refused an operation (beyond database failures, which pass through).
public struct StorageError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Reason: Hashable, Sendable {
        case emailTaken
        case noSuchSpace
        case conflictingChange(String)
        case cursorAhead(UInt64)
    }

    let reason: Reason

    /// The email is registered already.
    public static let emailTaken = StorageError(reason: .emailTaken)
    /// The space does not exist.
    public static let noSuchSpace = StorageError(reason: .noSuchSpace)
    /// A change gives a held record another kind or parent.
    public static func conflictingChange(_ message: String) -> StorageError { StorageError(reason: .conflictingChange(message)) }
    /// A pull cursor past the space's counter: the client must reset.
    public static func cursorAhead(_ counter: UInt64) -> StorageError { StorageError(reason: .cursorAhead(counter)) }

    public var description: String {
        switch reason {
        case .emailTaken: "this email is registered already"
        case .noSuchSpace: "no such space"
        case .conflictingChange(let message): message
        case .cursorAhead(let counter): "the cursor is past this space's latest (\(counter)): drop it and pull from \"0\""
        }
    }
}
