import Hummingbird
import FolioSync
import FolioCore
import FolioCRDT
import FolioServer
import Foundation
import Testing

/// The implementations the conformance suite runs against. A PostgreSQL store joins here.
enum StorageKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqliteInMemory
    case sqliteFile

    /// The store as a server restored from a backup of `store` made now: another instance
    /// over a copy (a PostgreSQL store would restore a dump).
    func restored(from store: any SyncStorage) throws -> any SyncStorage {
        let sqlite = try #require(store as? SQLiteSyncStorage)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-server-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("server.sqlite").path
        try sqlite.backup(to: path)
        return try SQLiteSyncStorage(path: path)
    }

    func make() throws -> any SyncStorage {
        switch self {
        case .sqliteInMemory: return try SQLiteSyncStorage.inMemory()
        case .sqliteFile:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-server-\(UUID().uuidString)")
            return try SQLiteSyncStorage(path: folder.appendingPathComponent("server.sqlite").path)
        }
    }

    var testDescription: String { rawValue }
}

/// One suite every `SyncStorage` must pass: accounts, tokens, membership, the merge rule,
/// all-or-nothing pushes, batch dedup, counter order and paging.
@Suite struct StorageConformanceTests {
    static let now: UInt64 = TestServer.now

    func batch(_ account: Account, _ changes: [Change], site: SiteID = TestData.siteA, id: String = TestData.batchID()) -> PushBatch {
        PushBatch(space: account.space, site: site, batch: id, changes: changes)
    }

    @Test(arguments: StorageKind.allCases)
    func accountsAreUniqueByEmailIgnoringCase(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        await #expect(throws: StorageError.emailTaken) { try await store.createUser(email: "ADA@example.com", passwordHash: "h", now: Self.now) }
        #expect(try await store.user(email: "Ada@Example.com") == ada)
        #expect(try await store.user(email: "nobody@example.com") == nil)
        #expect(try await store.memberships(user: ada.id) == [Membership(space: ada.space, role: .owner)])
        _ = try await store.createUser(email: "bob@example.com", passwordHash: "h", now: Self.now)
        #expect(try await store.users().map(\.email) == ["ada@example.com", "bob@example.com"])
    }

    @Test(arguments: StorageKind.allCases)
    func tokensWorkUntilRevokedOrTheUserIsDisabled(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        try await store.addToken(hash: "t1", user: ada.id, device: "laptop", now: Self.now)
        try await store.addToken(hash: "t2", user: ada.id, device: nil, now: Self.now)
        #expect(try await store.caller(tokenHash: "t1", issuedSince: 0) == Caller(user: ada.id, email: ada.email, space: ada.space, tokenHash: "t1"))
        #expect(try await store.caller(tokenHash: "nope", issuedSince: 0) == nil)
        try await store.revokeToken(hash: "t1")
        #expect(try await store.caller(tokenHash: "t1", issuedSince: 0) == nil)
        #expect(try await store.caller(tokenHash: "t2", issuedSince: 0) != nil)
        #expect(try await store.setDisabled(email: "ada@example.com", true))
        #expect(try await store.caller(tokenHash: "t2", issuedSince: 0) == nil)
        #expect(try await store.user(email: "ada@example.com")?.disabled == true)
        #expect(try await store.setDisabled(email: "ada@example.com", false))
        #expect(try await store.caller(tokenHash: "t2", issuedSince: 0) != nil)
        #expect(try await store.setDisabled(email: "nobody@example.com", true) == false)
    }

    @Test(arguments: StorageKind.allCases)
    func tokensIssuedBeforeTheLifetimeNoLongerWork(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        try await store.addToken(hash: "t1", user: ada.id, device: "laptop", now: Self.now)
        #expect(try await store.caller(tokenHash: "t1", issuedSince: Self.now) != nil)
        #expect(try await store.caller(tokenHash: "t1", issuedSince: Self.now + 1) == nil)
    }

    @Test(arguments: StorageKind.allCases)
    func membersGetRolesInOtherSpaces(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        let bob = try await store.createUser(email: "bob@example.com", passwordHash: "h", now: Self.now)
        try await store.setMember(space: ada.space, user: bob.id, role: .coach)
        #expect(Set(try await store.memberships(user: bob.id)) == [Membership(space: bob.space, role: .owner), Membership(space: ada.space, role: .coach)])
        await #expect(throws: StorageError.noSuchSpace) { try await store.setMember(space: "missing", user: bob.id, role: .viewer) }
    }

    @Test(arguments: StorageKind.allCases)
    func pushMergesByTheCRDTRule(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        let newer = TestData.change(1, "company", "B", at: 10, site: TestData.siteA)
        let older = TestData.change(1, "company", "A", at: 5, site: TestData.siteB)
        let tieHigherSite = TestData.change(1, "role", "site B", at: 7, site: TestData.siteB)
        let tieLowerSite = TestData.change(1, "role", "site A", at: 7, site: TestData.siteA)
        let nullAtStamp = TestData.change(1, "notes", .null, at: 3)
        let valueAtStamp = TestData.change(1, "notes", "kept", at: 3)
        let deleted = TestData.change(1, "@cl", 2, at: 1)
        let aliveLater = TestData.change(1, "@cl", 1, at: 99)
        var outcome = try await store.push(batch(ada, [newer, tieHigherSite, valueAtStamp, deleted]))
        #expect(outcome.acked == 4 && outcome.applied == 4 && outcome.cursor.position == 4 && !outcome.duplicate)
        outcome = try await store.push(batch(ada, [older, tieLowerSite, nullAtStamp, aliveLater]))
        #expect(outcome.acked == 4 && outcome.applied == 0 && outcome.cursor.position == 4 && !outcome.duplicate)
        let page = try await store.pull(space: ada.space, after: .start, limit: 100)
        #expect(Set(try page.fields.map { try $0.change }) == [newer, tieHigherSite, valueAtStamp, deleted])
    }

    @Test(arguments: StorageKind.allCases)
    func aConflictingIdentityAppliesNothing(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        _ = try await store.push(batch(ada, [TestData.change(1)]))
        let other = TestData.change(1, "text", "x", kind: .note)
        await #expect(throws: StorageError.self) { try await store.push(batch(ada, [TestData.change(2), other])) }
        await #expect(throws: StorageError.self) { try await store.push(batch(ada, [TestData.change(3), TestData.change(1, parent: TestData.record(5))])) }
        #expect(try await store.cursor(space: ada.space) == 1)
        #expect(try await store.pull(space: ada.space, after: .start, limit: 10).fields.map { try $0.change } == [TestData.change(1)])
    }

    @Test(arguments: StorageKind.allCases)
    func aRepeatedBatchAnswersTheStoredOutcome(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        let id = TestData.batchID()
        let first = try await store.push(batch(ada, [TestData.change(1), TestData.change(2)], id: id))
        _ = try await store.push(batch(ada, [TestData.change(3)]))
        let again = try await store.push(batch(ada, [TestData.change(9)], id: id))
        #expect(again == PushOutcome(acked: first.acked, applied: first.applied, cursor: first.cursor, duplicate: true))
        #expect(try await store.cursor(space: ada.space) == 3)
    }

    @Test(arguments: StorageKind.allCases)
    func pullPagesInCounterOrderAndRefusesCursorsAhead(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        _ = try await store.push(batch(ada, (0..<5).map { TestData.change($0) }))
        _ = try await store.push(batch(ada, [TestData.change(0, "company", "again", at: 50)]))
        var page = try await store.pull(space: ada.space, after: .start, limit: 2)
        #expect(page.fields.map(\.sequence) == [2, 3] && page.cursor.position == 3 && page.more)
        page = try await store.pull(space: ada.space, after: page.cursor, limit: 2)
        #expect(page.fields.map(\.sequence) == [4, 5] && page.more)
        page = try await store.pull(space: ada.space, after: page.cursor, limit: 2)
        let again = try page.fields[0].change
        #expect(page.fields.map(\.sequence) == [6] && !page.more && again.value == "again")
        let end = try await store.pull(space: ada.space, after: page.cursor, limit: 2)
        #expect(end.fields.isEmpty && end.cursor == page.cursor && !end.more)
        let ahead = SyncCursor(position: 7, generation: page.cursor.generation)
        await #expect(throws: StorageError.self) { try await store.pull(space: ada.space, after: ahead, limit: 2) }
        let otherGeneration = SyncCursor(position: 3, generation: "0123456789abcdef")
        await #expect(throws: StorageError.self) { try await store.pull(space: ada.space, after: otherGeneration, limit: 2) }
        await #expect(throws: StorageError.noSuchSpace) { try await store.pull(space: "missing", after: .start, limit: 2) }
        await #expect(throws: StorageError.noSuchSpace) { try await store.push(PushBatch(space: "missing", site: TestData.siteA, batch: TestData.batchID(), changes: [])) }
    }

    @Test(arguments: StorageKind.allCases)
    func spacesAreIndependent(_ kind: StorageKind) async throws {
        let store = try kind.make()
        let ada = try await store.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        let bob = try await store.createUser(email: "bob@example.com", passwordHash: "h", now: Self.now)
        let id = TestData.batchID()
        _ = try await store.push(batch(ada, [TestData.change(1)], id: id))
        let bobs = try await store.push(batch(bob, [TestData.change(1, kind: .note)], id: id))
        #expect(!bobs.duplicate && bobs.cursor.position == 1, "batch ids and identities are per space")
        #expect(try await store.pull(space: bob.space, after: .start, limit: 10).fields.map { try $0.change.kind } == [.note])
        try await store.ping()
    }

    /// The gap a bare counter cannot see: a server restored from an older backup writes on
    /// until its counter passes a device's cursor from the lost history. That cursor must
    /// be refused (must-reset), while cursors within the history both share stay valid.
    @Test(arguments: StorageKind.allCases)
    func aRestoredStoreRefusesCursorsOfTheLostHistory(_ kind: StorageKind) async throws {
        let lost = try kind.make()
        let ada = try await lost.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        _ = try await lost.push(batch(ada, (0..<3).map { TestData.change($0) }))
        let shared = try await lost.pull(space: ada.space, after: .start, limit: 2).cursor
        let store = try kind.restored(from: lost)
        _ = try await lost.push(batch(ada, (3..<8).map { TestData.change($0) }))
        let gone = try await lost.pull(space: ada.space, after: .start, limit: 100).cursor
        #expect(gone.position == 8)
        let rewritten = try await store.push(batch(ada, (10..<20).map { TestData.change($0) }))
        #expect(rewritten.cursor.position == 13 && rewritten.cursor.generation != gone.generation)
        await #expect(throws: StorageError.self, "a cursor of the lost history, below the counter now") {
            try await store.pull(space: ada.space, after: gone, limit: 100)
        }
        let page = try await store.pull(space: ada.space, after: shared, limit: 100)
        #expect(page.fields.map(\.sequence) == Array(3...13), "a cursor of the shared history is still good")
        #expect(page.cursor == rewritten.cursor)
        #expect(try await store.pull(space: ada.space, after: .start, limit: 100).fields.count == 13)
    }

    @Test(arguments: StorageKind.allCases)
    func reopeningAStoreKeepsItsCursorsValid(_ kind: StorageKind) async throws {
        guard kind == .sqliteFile else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-server-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("server.sqlite").path
        let first = try SQLiteSyncStorage(path: path)
        let ada = try await first.createUser(email: "ada@example.com", passwordHash: "h", now: Self.now)
        _ = try await first.push(batch(ada, (0..<3).map { TestData.change($0) }))
        let cursor = try await first.pull(space: ada.space, after: .start, limit: 100).cursor
        let again = try SQLiteSyncStorage(path: path)
        _ = try await again.push(batch(ada, (3..<6).map { TestData.change($0) }))
        #expect(try await again.pull(space: ada.space, after: cursor, limit: 100).fields.map(\.sequence) == [4, 5, 6],
                "a restart (a new generation from the next write on) does not make devices reset")
    }
}
