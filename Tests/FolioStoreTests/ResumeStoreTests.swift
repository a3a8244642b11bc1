import FolioCore
import FolioCRDT
import FolioStore
import Foundation
import Testing

@Suite struct ResumeStoreTests {
    @Test func importReadsBackAsWritten() throws {
        let store = try Store.inMemory()
        let document = try fixtureResume()
        let changes = try store.writeResume(document, name: "main")
        #expect(changes.created)
        #expect(try store.resumeDocument(named: "main").encoded(pretty: true) == document.encoded(pretty: true))
        #expect(try store.resume(named: "main").json == document)
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let store = try Store.inMemory()
        try store.writeResume(try fixtureResume(), name: "main")
        let version = try store.version()
        let again = try store.writeResume(try fixtureResume(), name: "main")
        #expect(again.isEmpty)
        #expect(try store.version() == version)
    }

    @Test func writesOnlyWhatChanged() throws {
        let store = try Store.inMemory()
        try store.writeResume(try fixtureResume(), name: "main")
        let (_, version) = try store.changes(since: 0)
        var document = try fixtureResume().objectValue!
        var work = document["work"]!.arrayValue!
        var first = work[0].objectValue!
        first["position"] = "Staff Engineer"
        first["highlights"] = ["Cut settlement time from 2 days to 4 hours", "Hired the team", "Led the move to event sourcing"]
        work[0] = .object(first)
        work.remove(at: 1)
        document["work"] = .array(work)
        let changes = try store.writeResume(.object(document), name: "main")
        #expect(changes.lines.contains(#"work[0].position: "Senior Engineer" -> "Staff Engineer""#))
        #expect(changes.lines.contains { $0.hasPrefix("work[0].highlights[1]: added") })
        #expect(changes.lines.contains { $0.hasPrefix("work[1]: removed") })
        #expect(changes.lines.count == 3)
        #expect(try store.resumeDocument(named: "main") == .object(document))
        // Only the changed records are in the next push: the job, the new bullet, the removed job.
        let pushed = Set(try store.changes(since: version).changes.map(\.record))
        #expect(pushed.count == 3)
    }

    @Test func twoDevicesEditingDifferentBulletsKeepBoth() throws {
        let laptop = try Store.inMemory(configuration: configuration(site: 1))
        let phone = try Store.inMemory(configuration: configuration(site: 2))
        try laptop.writeResume(try fixtureResume(), name: "main")
        try phone.apply(try laptop.changes(since: 0).changes)
        #expect(try phone.resumeDocument(named: "main") == fixtureResume())

        func edit(_ store: Store, bullet: Int, to text: String) throws {
            var document = try store.resumeDocument(named: "main").objectValue!
            var work = document["work"]!.arrayValue!
            var job = work[0].objectValue!
            var highlights = job["highlights"]!.arrayValue!
            highlights[bullet] = .string(text)
            job["highlights"] = .array(highlights)
            work[0] = .object(job)
            document["work"] = .array(work)
            try store.writeResume(.object(document), name: "main")
        }
        try edit(laptop, bullet: 0, to: "Cut settlement time to 4 hours")
        try edit(phone, bullet: 1, to: "Led the event-sourcing migration")
        try laptop.apply(try phone.changes(since: 0).changes)
        try phone.apply(try laptop.changes(since: 0).changes)
        let merged = try laptop.resumeDocument(named: "main")
        #expect(merged == (try phone.resumeDocument(named: "main")))
        let highlights = merged.objectValue!["work"]!.arrayValue![0].objectValue!["highlights"]!
        #expect(highlights == ["Cut settlement time to 4 hours", "Led the event-sourcing migration"])
    }

    @Test func keysWithDotsAndReservedCharactersSurvive() throws {
        let store = try Store.inMemory()
        let document: JSONValue = ["basics": ["name": "A", "a.b": "dot", "~tilde": 1, "@at": true, "x\\y": "slash"],
                                   "work": [["~value": "odd"], "plain", 3, [1, 2], []]]
        try store.writeResume(document, name: "odd")
        #expect(try store.resumeDocument(named: "odd") == document)
    }

    @Test func snapshotsAndHistory() throws {
        let store = try Store.inMemory()
        try store.writeResume(try fixtureResume(), name: "main")
        let snapshot = try store.snapshot(resume: "main", tag: "sent to Acme")
        var document = try fixtureResume().objectValue!
        var basics = document["basics"]!.objectValue!
        basics["label"] = "Staff Engineer"
        document["basics"] = .object(basics)
        try store.writeResume(.object(document), name: "main")
        #expect(try store.snapshotDocument(snapshot.id) == fixtureResume(), "a snapshot does not change")
        #expect(try store.snapshots(resume: "main").map(\.id) == [snapshot.id])
        let history = try store.history(resume: "main")
        #expect(history.contains { $0.path == "basics.label" && $0.change == #""Staff Engineer""# })
        #expect(history.contains { $0.path == "work[0].highlights[1]" && $0.change == #""Led the move to event sourcing""# })
        #expect(history.contains { $0.change.hasPrefix("snapshot \(snapshot.id) (sent to Acme)") })
    }

    @Test func listsAndRemovesResumesByName() throws {
        let store = try Store.inMemory()
        try store.writeResume(try fixtureResume(), name: "main")
        try store.writeResume(["basics": ["name": "B"]], name: "short")
        let summaries = try store.resumes()
        #expect(summaries.map(\.name) == ["main", "short"])
        #expect(summaries[0].person == "Ada Lovelace" && summaries[0].items == 10)
        try store.removeResume(named: "short")
        #expect(try store.resumes().map(\.name) == ["main"])
        #expect { try store.resumeDocument(named: "nope") } throws: { String(describing: $0) == #"no resume named "nope" (known: main)"# }
    }
}

@Suite struct ApplicationStoreTests {
    @Test func addListMoveNoteRemove() throws {
        let store = try Store.inMemory(configuration: configuration(site: 3))
        try store.writeResume(try fixtureResume(), name: "main")
        var draft = ApplicationDraft(company: "Acme", role: "Staff Engineer")
        draft.resume = "main"
        draft.postingText = "We need someone who knows GRDB and payments."
        draft.date = "2024-05-01"
        let added = try store.addApplication(draft)
        let other = try store.addApplication(ApplicationDraft(company: "Globex", role: "SRE"))
        #expect(try store.applications().map(\.company) == ["Acme", "Globex"], "newest date first")
        try store.moveApplication(String(added.id.hex.prefix(24)), to: "interview", date: "2024-05-10", note: "Panel on Friday")
        try store.addNote(added.id.description, text: "Ask about on-call")
        let detail = try store.application(String(added.id.description.prefix(28)))
        #expect(detail.summary.status == "interview")
        #expect(detail.events.map(\.type) == ["applied", "interview"])
        #expect(detail.events[1].note == "Panel on Friday")
        #expect(detail.notes == ["Ask about on-call"])
        #expect(detail.posting?["text"] == "We need someone who knows GRDB and payments.")
        #expect(detail.snapshot?.name == "main")
        #expect(try store.applications(status: "interview").map(\.id) == [added.id])
        _ = try store.removeApplication(other.id.description)
        #expect(try store.applications().map(\.id) == [added.id])
    }

    @Test func listingsReadTextThatNeedsEscapesAndNonText() throws {
        let store = try Store.inMemory(configuration: configuration(site: 3))
        var draft = ApplicationDraft(company: "Ünïcode \"Quoted\" \\ Co\u{2028}", role: "Staff, \"Platform\"")
        draft.url = "https://example.com/a?b=\"c\""
        let added = try store.addApplication(draft)
        try store.set(added.id, "role", to: 42)
        let listed = try #require(try store.applications().first)
        #expect(listed.company == draft.company)
        #expect(listed.url == draft.url)
        #expect(listed.role == "", "a value that is not text lists as empty")
    }

    @Test func ambiguousAndUnknownPrefixesListCandidates() throws {
        let store = try Store.inMemory(configuration: configuration(site: 4))
        let a = try store.addApplication(ApplicationDraft(company: "A", role: "r"))
        _ = try store.addApplication(ApplicationDraft(company: "B", role: "r"))
        // Ids made in the same millisecond share their first 12 hex digits.
        #expect { try store.application(String(a.id.hex.prefix(4))) } throws: { error in
            let text = String(describing: error)
            return text.contains("matches 2 applications") && text.contains("A: r") && text.contains("B: r")
        }
        #expect { try store.application("ffff") } throws: { ($0 as? StoreError)?.isNotFound == true }
        #expect { try store.application("zz") } throws: { String(describing: $0).contains("is not an application id") }
    }

    @Test func searchFindsResumesApplicationsAndPostings() throws {
        let store = try Store.inMemory()
        try store.writeResume(try fixtureResume(), name: "main")
        var draft = ApplicationDraft(company: "Acme", role: "Payments Engineer")
        draft.postingText = "Own the settlement pipeline."
        let app = try store.addApplication(draft)
        try store.addNote(app.id.description, text: "recruiter mentioned Kubernetes")
        #expect(try store.search("settlement").map(\.kind) .sorted() == [.posting, .resume])
        #expect(try store.search("kubernet").map(\.id) == [app.id])
        #expect(try store.search("event sourcing").first?.title == "resume main")
        try store.removeResume(named: "main")
        #expect(try store.search("settlement").map(\.kind) == [.posting])
        #expect(try store.search("   ").isEmpty)
    }
}
