import FolioCore
import FolioCRDT
import FolioStore

/// A replica with three applications: one interviewed (with details, a contact and a
/// reminder), one applied long ago, one only saved, with awkward text in fields.
enum TrackerFixture {
    static func store() throws -> Store {
        let store = try Store.inMemory(configuration: configuration(site: 7))
        var acme = ApplicationDraft(company: "Acme, Inc.", role: "Staff \"Platform\" Engineer")
        acme.date = "2024-05-01"
        acme.source = "referral"
        acme.companySize = "51-200"
        let added = try store.addApplication(acme)
        var details = EventDetails()
        details.time = "14:30"
        details.timeZone = "Europe/Berlin"
        details.place = "https://meet.example.com/abc"
        details.people = ["Ada Lovelace", "Grace Hopper"]
        try store.moveApplication(added.id.hex, to: "interview", date: "2024-05-10", note: "Panel; bring, the \\ slides", details: details)
        try store.addReminder(added.id.hex, on: "2024-05-09", note: "Prepare the demo")
        try store.addContact(added.id.hex, ContactDraft(name: "Grace Hopper", role: "recruiter", email: "grace@example.com"))
        var globex = ApplicationDraft(company: "Globex", role: "=cmd|' /C calc'!A0")
        globex.date = "2024-04-20"
        globex.source = "job board"
        globex.location = "Zürich\nRemote"
        try store.addApplication(globex)
        var initech = ApplicationDraft(company: "Initech", role: "Developer")
        initech.date = "2024-05-12"
        initech.status = "saved"
        try store.addApplication(initech)
        return store
    }
}
