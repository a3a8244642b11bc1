import FolioCore
import FolioStore
import Foundation
import Testing

@Suite("CSV: RFC 4180 both ways, and the tracker's round trip")
struct CSVTests {
    @Test("quoting: commas, quotes, newlines and non-ASCII survive a write and a parse")
    func quoting() throws {
        let rows = [["a", "b,c", "say \"hi\""], ["line\nbreak", "Zürich 東京", ""], ["crlf\r\ninside", " spaced ", "x"]]
        let text = CSVTable.write(rows)
        #expect(text.hasPrefix(CSVTable.byteOrderMark) && text.hasSuffix("\r\n"))
        #expect(text.contains("\"b,c\",\"say \"\"hi\"\"\""))
        let parsed = try CSVTable.parse(String(text.dropFirst()), path: "t.csv")
        #expect(parsed.map(\.fields) == rows)
        #expect(parsed.map(\.line) == [1, 2, 4])
    }

    @Test("export then import changes nothing, and spreadsheet formulas are defused")
    func roundTrip() throws {
        let store = try TrackerFixture.store()
        let before = try store.trackedApplications()
        let csv = ApplicationCSV.export(before)
        #expect(csv.contains("'=cmd|' /C calc'!A0"))
        let parsed = try ApplicationImport(data: Data(csv.utf8), path: "out.csv", options: .init(today: CalendarDay("2024-06-01")!))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.rows.map(\.role).contains("=cmd|' /C calc'!A0"))
        let version = try store.version()
        let summary = try store.importApplications(parsed.rows, today: CalendarDay("2024-06-01")!)
        #expect(summary == ImportSummary(added: 0, updated: 0, unchanged: 3))
        #expect(try store.trackedApplications() == before)
        #expect(try store.version() == version, "nothing was written")
    }

    @Test("into another replica: same rows, and a second import adds nothing")
    func intoAnotherReplica() throws {
        let csv = ApplicationCSV.export(try TrackerFixture.store().trackedApplications())
        // Another seed: `configuration` seeds with the site, and seed ^ site would give both
        // replicas the same id stream.
        var setup = configuration(site: 9)
        setup.seed = 12_345
        let other = try Store.inMemory(configuration: setup)
        let today = CalendarDay("2024-06-01")!
        let rows = try ApplicationImport(data: Data(csv.utf8), path: "out.csv", options: .init(today: today)).rows
        let first = try other.importApplications(rows, today: today)
        #expect(first == ImportSummary(added: 3, updated: 0, unchanged: 0), "\(first)")
        let second = try other.importApplications(rows, today: today)
        #expect(second == ImportSummary(added: 0, updated: 0, unchanged: 3), "\(second)")
        let again = ApplicationCSV.export(try other.trackedApplications())
        // Ids are new in the other replica, and `updated` is the import's date there.
        func fields(_ text: String) throws -> [[String]] {
            try CSVTable.parse(String(text.dropFirst()), path: "x.csv").map { Array($0.fields.dropFirst().dropLast()) }
        }
        #expect(try fields(again) == fields(csv))
    }

    @Test("a changed status updates the application with a dated event")
    func update() throws {
        let store = try TrackerFixture.store()
        let csv = ApplicationCSV.export(try store.trackedApplications()).replacingOccurrences(of: "A0,applied,", with: "A0,rejected,")
        let rows = try ApplicationImport(data: Data(csv.utf8), path: "x.csv", options: .init(today: CalendarDay("2024-06-01")!)).rows
        #expect(try store.importApplications(rows, today: CalendarDay("2024-06-01")!) == ImportSummary(added: 0, updated: 1, unchanged: 2))
        let globex = try #require(try store.trackedApplications().first { $0.company == "Globex" })
        #expect(globex.status == "rejected" && globex.events.last?.date.description == "2024-06-01")
    }

    @Test("dry run reports without writing")
    func dryRun() throws {
        let store = try Store.inMemory(configuration: configuration(site: 3))
        let rows = try ApplicationImport(data: Data("company,role\nA,B\n".utf8), path: "a.csv", options: .init(today: CalendarDay("2024-06-01")!)).rows
        #expect(try store.importApplications(rows, today: CalendarDay("2024-06-01")!, dryRun: true).added == 1)
        #expect(try store.trackedApplications().isEmpty)
    }
}

@Suite("CSV import: bad input is reported by line")
struct CSVBadInputTests {
    let options = ApplicationImport.Options(today: CalendarDay("2024-06-01")!)

    func problems(_ text: String) throws -> [String] {
        try ApplicationImport(data: Data(text.utf8), path: "in.csv", options: options).problems.map(\.description)
    }

    @Test("bad dates, unknown statuses, empty fields, too many fields, duplicates")
    func rows() throws {
        let text = "Company,Position,Stage,Date applied\nA,R,applied,2024-02-30\nB,R,dreaming,2024-05-01\n,R,,\n"
            + "C,R,applied,2024-05-01,extra\nD,R,Phone screen,01.05.2024\nD,R,screening,2024-05-01\nE,R,,05/13/2024\nF,R,,03/04/2024\n"
        #expect(try problems(text) == [
            "in.csv:2:1: error: \"2024-02-30\" is not a date (use YYYY-MM-DD)",
            "in.csv:3:1: error: unknown status \"dreaming\" (known: saved, applied, screening, interview, offer, accepted, rejected, withdrawn, ghosted)",
            "in.csv:4:1: error: the company is empty",
            "in.csv:5:1: error: 5 fields, but the header has 4 (a comma in an unquoted field?)",
            "in.csv:7:1: error: duplicate of line 6",
            "in.csv:9:1: error: \"03/04/2024\" could be day/month or month/day; say which with --day-first or --month-first",
        ])
        let good = try ApplicationImport(data: Data(text.utf8), path: "in.csv", options: options).rows
        #expect(good.map(\.date.description) == ["2024-05-01", "2024-05-13"])
        #expect(good.first?.status == "screening")
    }

    @Test("missing columns name what the header has and how to map it")
    func missingColumns() throws {
        let error = #expect(throws: DiagnosticError.self) {
            try ApplicationImport(data: Data("firm,post\nA,B\n".utf8), path: "in.csv", options: options)
        }
        #expect(error?.description.hasPrefix("in.csv:1:1: error: missing columns company, role (the header has: firm, post)") == true)
        var mapped = options
        mapped.map = ["company": "firm", "role": "Post"]
        #expect(try ApplicationImport(data: Data("firm,post\nA,B\n".utf8), path: "in.csv", options: mapped).rows.count == 1)
    }

    @Test("wrong encodings are refused with the line of the first bad byte", arguments: [
        (Data("company,role\nA,B\nCaf".utf8) + Data([0xE9]) + Data(",Dev\n".utf8), "in.csv:3:4: error: not UTF-8 (byte 0xE9)"),
        (Data([0xFF, 0xFE, 0x63, 0x00]), "in.csv:1:1: error: the file is UTF-16"),
    ])
    func encodings(data: Data, message: String) {
        let error = #expect(throws: DiagnosticError.self) {
            try ApplicationImport(data: data, path: "in.csv", options: options)
        }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test("an unclosed quote is reported where it opened")
    func unclosedQuote() {
        let error = #expect(throws: DiagnosticError.self) {
            try ApplicationImport(data: Data("company,role\nA,B\n\"C,D\nE,F\n".utf8), path: "in.csv", options: options)
        }
        #expect(error?.description == "in.csv:3:1: error: a quoted field is never closed (a \" is missing)")
    }
}
