import FolioCRDT

/// Where the server keeps accounts, spaces and the merged field state. One protocol so the
/// SQLite store (the embedded default) and a later PostgreSQL store run the same
/// conformance suite (Tests/FolioServerTests/StorageConformanceTests.swift).
///
/// Every method is one transaction. `push` validates the batch against what is held
/// (record identities) before merging anything, and applies all of it or none of it.
public protocol SyncStorage: Sendable {
    /// Creates a user and its own space (the user is its owner). Throws `.emailTaken`.
    func createUser(email: String, passwordHash: String, now: UInt64) async throws -> Account
    /// The user with this email (compared case-insensitively), disabled or not.
    func user(email: String) async throws -> Account?
    /// Every user, by email.
    func users() async throws -> [Account]
    /// Disables or enables a user; false when no such user. A disabled user's tokens stop working.
    func setDisabled(email: String, _ disabled: Bool) async throws -> Bool
    /// Stores a device token by its SHA-256 (hex); the token itself is never stored.
    func addToken(hash: String, user: String, device: String?, now: UInt64) async throws
    /// The caller a token hash belongs to, when the token is not revoked, was issued at or
    /// after `issuedSince` (Unix ms: older ones have expired), and its user is not disabled.
    func caller(tokenHash: String, issuedSince: UInt64) async throws -> Caller?
    /// Revokes a token.
    func revokeToken(hash: String) async throws
    /// The spaces a user is a member of, with the user's role in each, by space id.
    func memberships(user: String) async throws -> [Membership]
    /// Adds (or changes) a member of a space.
    func setMember(space: String, user: String, role: Role) async throws
    /// Merges a batch into a space (see `PushBatch`); a repeated (site, batch) answers the
    /// stored outcome with `duplicate` set. Throws `.conflictingChange` or `.noSuchSpace`.
    func push(_ batch: PushBatch) async throws -> PushOutcome
    /// The fields of a space changed after `cursor`, in counter order, at most `limit`.
    /// Throws `.unknownCursor` when the cursor is not one this history handed out: past the
    /// space's counter, or naming another generation than the one that now covers its
    /// position (the store was restored from an older backup and wrote on since).
    ///
    /// Generations (see `SyncCursor`): a store starts a new one, with a fresh random token,
    /// before it first assigns a counter value to a space after being opened, and keeps
    /// which generation covers which positions, so a history that diverged (a restore from
    /// a backup) never hands out a cursor it would accept from the lost one.
    func pull(space: String, after cursor: SyncCursor, limit: Int) async throws -> PullPage
    /// The space's counter (the position after everything it holds).
    func cursor(space: String) async throws -> UInt64
    /// Answers when the database does (for `/ready`).
    func ping() async throws
}

/// A user as stored: id, email, bcrypt hash, whether disabled, and the user's own space.
public struct Account: Sendable, Hashable {
    /// The user's id (a UUID).
    public var id: String
    /// The email, as registered.
    public var email: String
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// A disabled user cannot log in and its tokens are refused.
    public var disabled: Bool
    /// The space made with the user.
    public var space: String
    /// Unix milliseconds of registration.
    public var created: UInt64

    /// An account from its parts.
    public init(id: String, email: String, passwordHash: String, disabled: Bool, space: String, created: UInt64) {
        self.id = id
        self.email = email
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.space = space
        self.created = created
    }
}

/// Who is calling: the user of a valid token.
public struct Caller: Sendable, Hashable {
    /// The user's id.
    public var user: String
    /// The user's email.
    public var email: String
    /// The user's own space.
    public var space: String
    /// The SHA-256 of the token used (to revoke it on logout).
    public var tokenHash: String

    /// A caller from its parts.
    public init(user: String, email: String, space: String, tokenHash: String) {
        self.user = user
        self.email = email
        self.space = space
        self.tokenHash = tokenHash
    }
}

/// What a member may do in a space.
public enum Role: String, Sendable, Hashable, CaseIterable {
    /// Made the space; reads and writes everything.
    case owner
    /// Reads and writes everything.
    case editor
    /// Reads everything, writes notes only.
    case coach
    /// Reads only.
    case viewer

    /// True when a member with this role may push a change of `kind`.
    public func mayWrite(_ kind: RecordKind) -> Bool {
        switch self {
        case .owner, .editor: true
        case .coach: kind == .note
        case .viewer: false
        }
    }
}

/// A user's membership of one space.
public struct Membership: Sendable, Hashable {
    /// The space's id.
    public var space: String
    /// The user's role in it.
    public var role: Role

    /// A membership from its parts.
    public init(space: String, role: Role) {
        self.space = space
        self.role = role
    }
}

/// A push as the store receives it: already decoded and validated on its own (kinds, field
/// names, clock skew), so the store checks only what needs the held state.
public struct PushBatch: Sendable {
    /// The space pushed to.
    public var space: String
    /// The pushing replica.
    public var site: SiteID
    /// The batch id, a UUID reused on retries.
    public var batch: String
    /// The changes, in the order sent.
    public var changes: [Change]

    /// A batch from its parts.
    public init(space: String, site: SiteID, batch: String, changes: [Change]) {
        self.space = space
        self.site = site
        self.batch = batch
        self.changes = changes
    }
}

/// What a push did.
public struct PushOutcome: Sendable, Hashable {
    /// How many changes the batch had (all were taken).
    public var acked: Int
    /// How many fields won and got a new counter value.
    public var applied: Int
    /// The space's counter after the batch, as a cursor.
    public var cursor: SyncCursor
    /// True when this (site, batch) had been applied before and nothing was done now.
    public var duplicate: Bool

    /// An outcome from its parts.
    public init(acked: Int, applied: Int, cursor: SyncCursor, duplicate: Bool) {
        self.acked = acked
        self.applied = applied
        self.cursor = cursor
        self.duplicate = duplicate
    }
}

/// One page of a pull.
public struct PullPage: Sendable, Hashable {
    /// The winning state of each field changed after the cursor, in counter order.
    public var fields: [PulledField]
    /// The cursor after this page (at the last field's counter value, or the cursor asked from).
    public var cursor: SyncCursor
    /// True when fields after `cursor` exist.
    public var more: Bool

    /// A page from its parts.
    public init(fields: [PulledField], cursor: SyncCursor, more: Bool) {
        self.fields = fields
        self.cursor = cursor
        self.more = more
    }
}
