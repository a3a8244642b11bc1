import FolioCore
import FolioStore
import Foundation
import Testing

@Suite("ICS export (RFC 5545)")
struct CalendarExportTests {
    @Test("structure: CRLF lines of at most 75 octets, balanced components, required properties")
    func structure() throws {
        let ics = ApplicationCalendar.ics(try TrackerFixture.store().trackedApplications(), now: 1_717_000_000_000)
        #expect(ics.hasSuffix("\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 2)
        #expect(unfolded.filter { $0 == "END:VEVENT" }.count == 2)
        #expect(unfolded.filter { $0.hasPrefix("UID:") }.count == 2)
        #expect(unfolded.filter { $0.hasPrefix("DTSTAMP:20240529T162640Z") }.count == 2)
        #expect(unfolded.contains("DTSTART:20240510T123000Z"), "14:30 in Berlin (CEST) is 12:30 UTC")
        #expect(unfolded.contains("DTSTART;VALUE=DATE:20240509") && unfolded.contains("DTEND;VALUE=DATE:20240510"))
        #expect(unfolded.contains("SUMMARY:Interview: Acme\\, Inc.\\, Staff \"Platform\" Engineer"))
        #expect(unfolded.contains("DESCRIPTION:Panel\\; bring\\, the \\\\ slides\\nWith: Ada Lovelace\\, Grace Hopper"))
    }

    @Test("UIDs are the events' record ids: the same across exports, so calendars update")
    func stableUIDs() throws {
        let store = try TrackerFixture.store()
        func uids(_ now: UInt64) throws -> [String] {
            ApplicationCalendar.ics(try store.trackedApplications(), now: now).components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        }
        let first = try uids(1_717_000_000_000)
        try store.moveApplication(try store.trackedApplications()[0].id, to: "rejected")
        #expect(try uids(1_818_000_000_000) == first)
        let ids = try store.trackedApplications().flatMap(\.events).filter { $0.type == "interview" || $0.type == "reminder" }.map(\.id)
        #expect(first == ids.map { "UID:\($0)@folio" })
    }

    @Test("escaping and folding never split a UTF-8 sequence")
    func escapeAndFold() {
        #expect(ApplicationCalendar.escape("a,b;c\\d\ne\r\n") == "a\\,b\\;c\\\\d\\ne\\n")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 100)
        let folded = ApplicationCalendar.fold(long)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
    }
}
