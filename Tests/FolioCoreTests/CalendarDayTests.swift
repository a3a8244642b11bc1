import FolioCore
import Testing

@Suite("calendar days")
struct CalendarDayTests {
    @Test("parses real dates only and prints them back", arguments: ["1970-01-01", "2024-02-29", "1999-12-31", "2100-03-01"])
    func roundTrip(text: String) throws {
        #expect(try #require(CalendarDay(text)).description == text)
    }

    @Test("refuses impossible or differently written dates", arguments: ["2023-02-29", "2024-13-01", "2024-5-1", "01.05.2024", ""])
    func refuses(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test("arithmetic and ISO weeks (Monday first)")
    func arithmetic() throws {
        let day = try #require(CalendarDay("2024-02-28"))
        #expect(day.adding(2).description == "2024-03-01")
        #expect(day.days(until: CalendarDay("2024-03-07")!) == 8)
        #expect(CalendarDay("2024-05-12")!.weekStart.description == "2024-05-06")  // a Sunday
        #expect(CalendarDay("2024-05-06")!.weekStart.description == "2024-05-06")  // a Monday
        #expect(CalendarDay(ordinal: 0).description == "1970-01-01")
        #expect(CalendarDay(milliseconds: 1_714_521_600_000).description == "2024-05-01")
    }

    @Test("ghosting: a waiting stage silent for the configured days")
    func ghosting() {
        let applied = TrackedApplication(id: "x", company: "C", role: "R", status: "applied", date: CalendarDay("2024-05-01")!,
                                         events: [TrackedEvent(id: "e", type: "applied", date: CalendarDay("2024-05-01")!)])
        #expect(applied.effectiveStatus(today: CalendarDay("2024-05-30")!, ghostAfter: 30) == "applied")
        #expect(applied.effectiveStatus(today: CalendarDay("2024-05-31")!, ghostAfter: 30) == "ghosted")
        #expect(applied.effectiveStatus(today: CalendarDay("2024-05-08")!, ghostAfter: 7) == "ghosted")
        var offer = applied
        offer.status = "offer"
        #expect(offer.effectiveStatus(today: CalendarDay("2025-01-01")!, ghostAfter: 30) == "offer")
    }

    @Test("status words from spreadsheets", arguments: [("Applied", "applied"), ("Phone screen", "screening"),
                                                          ("INTERVIEWING", "interview"), ("offer-received", "offer")])
    func canonical(word: String, status: String) {
        #expect(PipelineStatus.canonical(word) == status)
    }
}
