/// Why a store refused an operation (beyond database failures, which pass through).
public struct StorageError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Reason: Hashable, Sendable {
        case emailTaken
        case noSuchSpace
        case conflictingChange(String)
        case unknownCursor(String)
    }

    let reason: Reason

    /// The email is registered already.
    public static let emailTaken = StorageError(reason: .emailTaken)
    /// The space does not exist.
    public static let noSuchSpace = StorageError(reason: .noSuchSpace)
    /// A change gives a held record another kind or parent.
    public static func conflictingChange(_ message: String) -> StorageError { StorageError(reason: .conflictingChange(message)) }
    /// A pull cursor this space's history did not hand out (past its counter, or of a
    /// generation that no longer covers its position): the client must reset.
    public static func unknownCursor(_ why: String) -> StorageError { StorageError(reason: .unknownCursor(why)) }

    public var description: String {
        switch reason {
        case .emailTaken: "this email is registered already"
        case .noSuchSpace: "no such space"
        case .conflictingChange(let message): message
        case .unknownCursor(let why): "\(why): drop the cursor and pull from \"0\""
        }
    }
}
