import FolioCore
import FolioCRDT
import FolioStore
import Foundation
import Testing

@Suite("Postings and the profile in the replica")
struct PostingProfileStoreTests {
    @Test("postings: fields beyond the columns live in the field table; prefixes; removal")
    func postings() throws {
        let store = try Store.inMemory(configuration: configuration(site: 1))
        let ids = try store.addPostings([
            ["title": "Nurse", "company": "Lakeside", "text": "Care", "salary.min": 38, "workplace": "on-site"],
            ["title": "Engineer", "text": "Code", "requirements": "Go", "location": .null],
        ])
        #expect(ids.count == 2)
        let listed = try store.postings()
        #expect(listed.map(\.id) == ids)
        #expect(listed[0].fields["salary.min"] == 38 && listed[0].fields["workplace"] == "on-site")
        #expect(listed[1].fields["location"] == nil, "null fields are not written")
        let found = try store.posting(String(ids[1].hex.prefix(30)))
        #expect(found.fields["requirements"] == "Go")
        #expect { try store.posting("zz") } throws: { String(describing: $0).contains("is not a posting id (hex digits, as `folio jobs list` shows)") }
        #expect { try store.posting("ffff") } throws: { ($0 as? StoreError)?.isNotFound == true }
        #expect { try store.posting(String(ids[0].hex.prefix(4))) } throws: { String(describing: $0).contains("matches 2 postings") }
        #expect(try store.removePosting(ids[0].hex) == ids[0])
        #expect(try store.postings().map(\.id) == [ids[1]])
    }

    @Test("the profile: set, clear, and two devices' profiles merge to the same answer")
    func profile() throws {
        let laptop = try Store.inMemory(configuration: configuration(site: 1, now: 1_700_000_000_000))
        let phone = try Store.inMemory(configuration: configuration(site: 2, now: 1_700_000_001_000))
        try laptop.setProfile("location.city", to: "Hyderabad")
        try laptop.setProfile("remote", to: true)
        try phone.setProfile("location.city", to: "Pune")
        try phone.setProfile("salary.min", to: 120000)
        #expect(try laptop.profile().keys == ["location.city", "remote"])
        // Each made its own profile record before they synced; both read the same merge.
        try laptop.apply(try phone.changes(since: 0).changes)
        try phone.apply(try laptop.changes(since: 0).changes)
        let merged = try laptop.profile()
        #expect(merged == (try phone.profile()))
        #expect(merged["location.city"] == "Pune", "the later write wins")
        #expect(merged["remote"] == true && merged["salary.min"] == 120000)
        try laptop.setProfile("remote", to: .null)
        #expect(try laptop.profile()["remote"] == nil)
        #expect { try laptop.setProfile("@cl", to: 2) } throws: { String(describing: $0).contains("is not a profile field") }
    }
}
