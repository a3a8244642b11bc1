import FolioCore
import FolioCRDT
import FolioStore
import Testing

@Suite("reading the tracker: applications with events, details and reminders")
struct TrackerReadTests {
    @Test("one pass gives every application with its events, interview details and reminders")
    func tracked() throws {
        let store = try TrackerFixture.store()
        let applications = try store.trackedApplications()
        #expect(applications.map(\.company) == ["Globex", "Acme, Inc.", "Initech"])
        let acme = applications[1]
        #expect(acme.status == "interview" && acme.source == "referral" && acme.companySize == "51-200")
        #expect(acme.events.map(\.type) == ["applied", "interview", "reminder"])
        let interview = acme.events[1]
        #expect(interview.time == "14:30" && interview.timeZone == "Europe/Berlin")
        #expect(interview.people == ["Ada Lovelace", "Grace Hopper"] && interview.place == "https://meet.example.com/abc")
        #expect(acme.lastActivity.description == "2024-05-10")

        try store.completeReminders(acme.id)
        #expect(try store.trackedApplications()[1].events[2].done)
        let detail = try store.application(acme.id)
        #expect(detail.contacts == [ContactDraft(name: "Grace Hopper", role: "recruiter", email: "grace@example.com")])
    }

    @Test("a deleted application's events are not read")
    func deleted() throws {
        let store = try TrackerFixture.store()
        let acme = try #require(try store.trackedApplications().first { $0.company.hasPrefix("Acme") })
        try store.removeApplication(acme.id)
        #expect(try store.trackedApplications().map(\.company) == ["Globex", "Initech"])
    }
}

@Suite("the agenda")
struct AgendaTests {
    @Test("overdue first, then by day and time; suggestions only where nothing is planned")
    func ordering() throws {
        let applications = try TrackerFixture.store().trackedApplications()
        let agenda = Agenda(applications, today: CalendarDay("2024-05-10")!, days: 7, ghostAfter: 30)
        #expect(agenda.items.map(\.kind) == [.followUp, .reminder, .interview])
        #expect(agenda.items.map(\.isOverdue) == [true, true, false])
        #expect(agenda.items.map(\.due.description) == ["2024-04-27", "2024-05-09", "2024-05-10"])
        #expect(agenda.items[2].time == "14:30")
    }

    @Test("a thank-you the day after an interview, asking for news a week later, nothing once ghosted")
    func suggestions() throws {
        let store = try TrackerFixture.store()
        let acme = try #require(try store.trackedApplications().first { $0.company.hasPrefix("Acme") })
        try store.completeReminders(acme.id)
        func kinds(_ today: String) throws -> [Agenda.Item.Kind] {
            Agenda(try store.trackedApplications().filter { $0.id == acme.id }, today: CalendarDay(today)!, days: 3, ghostAfter: 30)
                .items.map(\.kind)
        }
        #expect(try kinds("2024-05-11") == [.thankYou])
        #expect(try kinds("2024-05-17") == [.followUp])
        #expect(try kinds("2024-06-15") == [])
    }

    @Test("reading only what the agenda needs gives the same agenda as reading everything")
    func scopedRead() throws {
        let store = try TrackerFixture.store()
        var hooli = ApplicationDraft(company: "Hooli", role: "PM")
        hooli.date = "2024-04-01"
        let id = try store.addApplication(hooli).id.hex
        try store.addReminder(id, on: "2024-04-05", note: "done one")
        try store.completeReminders(id)
        try store.moveApplication(id, to: "screening", date: "2024-04-25")
        try store.addReminder(id, on: "2024-06-01", note: "open one")
        var pied = ApplicationDraft(company: "Pied Piper", role: "CTO")
        pied.date = "2024-03-01"
        try store.moveApplication(try store.addApplication(pied).id.hex, to: "interview", date: "2024-05-20")
        let all = try store.trackedApplications()
        var compared = 0
        for offset in stride(from: -40, through: 90, by: 3) {
            for ghostAfter in [3, 10, 30] {
                for days in [0, 7] {
                    let today = CalendarDay("2024-04-20")!.adding(offset)
                    let scoped = try store.agenda(today: today, days: days, ghostAfter: ghostAfter).items
                    #expect(scoped == Agenda(all, today: today, days: days, ghostAfter: ghostAfter).items, "\(today) \(ghostAfter) \(days)")
                    compared += scoped.count
                }
            }
        }
        #expect(compared > 100, "the comparison covered real items")
    }

    @Test("the window: nothing due later than --days ahead")
    func window() throws {
        let applications = try TrackerFixture.store().trackedApplications()
        let agenda = Agenda(applications, today: CalendarDay("2024-04-21")!, days: 0, ghostAfter: 30)
        #expect(agenda.items.isEmpty)
        let week = Agenda(applications, today: CalendarDay("2024-04-21")!, days: 19, ghostAfter: 30)
        #expect(week.items.map(\.kind) == [.followUp, .reminder, .interview])
        #expect(week.items.allSatisfy { !$0.isOverdue })
    }
}
