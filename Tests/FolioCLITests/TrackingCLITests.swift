import Foundation
import Testing

@Suite("folio app tracking, agenda and report through the built binary")
struct TrackingCLITests {
    /// Adds three applications and returns the id of the one that got an interview.
    static func seed(_ cli: ReplicaCLI) throws -> String {
        let acme = try cli.run(["app", "add", "--company", "Acme, Inc.", "--role", "Staff Engineer", "--date", "2024-05-01",
                                "--source", "referral", "--company-size", "51-200"])
        #expect(acme.status == 0, "\(acme)")
        try cli.run(["app", "add", "--company", "Globex", "--role", "SRE", "--date", "2024-04-20", "--source", "job board"])
        try cli.run(["app", "add", "--company", "Initech", "--role", "Developer", "--date", "2024-05-12", "--status", "saved"])
        let id = try #require(acme.stdout.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) })
        #expect(try cli.run(["app", "move", id, "screening", "--date", "2024-05-04"]).status == 0)
        let interview = try cli.run(["app", "move", id, "interview", "--date", "2024-05-10", "--time", "14:30", "--tz", "Europe/Berlin",
                                     "--place", "https://meet.example.com/abc", "--with", "Ada Lovelace", "--with", "Grace Hopper"])
        #expect(interview.status == 0, "\(interview)")
        #expect(try cli.run(["app", "remind", id, "2024-05-09", "--note", "Prepare the demo"]).status == 0)
        #expect(try cli.run(["app", "contact", id, "Grace Hopper", "--role", "recruiter"]).status == 0)
        return id
    }

    @Test("interview details, contacts and reminders show; the agenda lists overdue first")
    func agenda() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let id = try Self.seed(cli)
        let show = try cli.run(["app", "show", id])
        #expect(show.stdout.contains("2024-05-10  interview 14:30 Europe/Berlin  at https://meet.example.com/abc  with Ada Lovelace, Grace Hopper"), "\(show)")
        #expect(show.stdout.contains("Grace Hopper, recruiter") && show.stdout.contains("status  interview (since 2024-05-10)"), "\(show)")

        let agenda = try cli.run(["agenda", "--today", "2024-05-10", "--days", "3"])
        #expect(agenda.status == 0, "\(agenda)")
        let lines = agenda.stdoutLines
        #expect(lines.count == 4, "\(agenda)")
        #expect(lines[1].hasPrefix("2024-04-27 overdue  follow-up") && lines[1].contains("Globex"), "\(agenda)")
        #expect(lines[2].hasPrefix("2024-05-09 overdue  reminder") && lines[2].contains("Prepare the demo"), "\(agenda)")
        #expect(lines[3].hasPrefix("2024-05-10 14:30") && lines[3].contains("interview"), "\(agenda)")

        #expect(try cli.run(["app", "done", id]).stdout.contains("Marked 1 reminder done"))
        let after = try cli.run(["agenda", "--today", "2024-05-11", "--days", "0", "--json"])
        #expect(after.stdout.contains("\"kind\": \"thank-you\"") && !after.stdout.contains("Prepare the demo"), "\(after)")
        let bad = try cli.run(["app", "remind", id, "tomorrow"])
        #expect(bad.status == 64 && bad.stderr.contains("must be a date like 2024-05-01"), "\(bad)")
        let badZone = try cli.run(["app", "move", id, "interview", "--time", "9am"])
        #expect(badZone.status == 64 && badZone.stderr.contains("--time must be HH:MM"), "\(badZone)")
    }

    @Test("board: a column per stage; ghosting by --ghost-after")
    func board() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        _ = try Self.seed(cli)
        let board = try cli.run(["app", "board", "--today", "2024-05-11", "--width", "100"])
        #expect(board.stdoutLines.first?.hasPrefix("SAVED (1)") == true && board.stdout.contains("INTERVIEW (1)"), "\(board)")
        #expect(board.stdout.contains("APPLIED (1)") && board.stdout.contains("Globex"), "\(board)")
        let ghosted = try cli.run(["app", "board", "--today", "2024-05-11", "--ghost-after", "14", "--width", "100"])
        #expect(ghosted.stdout.contains("APPLIED (0)") && ghosted.stdout.contains("Closed: ghosted 1"), "\(ghosted)")
        let json = try cli.run(["app", "board", "--json", "--today", "2024-05-11"])
        #expect(json.stdout.contains("\"interview\": [") && json.stdout.contains("\"company\": \"Acme, Inc.\""), "\(json)")
    }

    @Test("CSV export then import changes nothing; re-import into another replica adds once")
    func csvRoundTrip() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        _ = try Self.seed(cli)
        let export = try cli.run(["app", "export", "--format", "csv", "-o", cli.path("apps.csv")])
        #expect(export.status == 0, "\(export)")
        let csv = try String(contentsOfFile: cli.path("apps.csv"), encoding: .utf8)
        #expect(csv.contains("\"Acme, Inc.\",Staff Engineer,interview,2024-05-01,referral,,,,51-200,2024-05-10\r\n"), "\(csv)")
        let again = try cli.run(["app", "import", cli.path("apps.csv")])
        #expect(again.stdout == "Imported \(cli.path("apps.csv")): 0 added, 0 updated, 3 unchanged.\n", "\(again)")
        let other = cli.path("other.sqlite")
        for expected in ["3 added, 0 updated, 0 unchanged", "0 added, 0 updated, 3 unchanged"] {
            let run = try cli.run(["app", "import", cli.path("apps.csv"), "--store", other], useStoreOption: false)
            #expect(run.stdout.contains(expected), "\(run)")
        }
    }

    @Test("a bad CSV is reported by line and nothing is imported; --skip-bad takes the good rows")
    func badCSV() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let file = cli.path("sheet.csv")
        try "Employer,Position,Stage,Date applied\nHooli,PM,Phone screen,2024-03-04\nHooli,PM,screening,2024-03-04\nPied Piper,CTO,dreaming,2024-13-01\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = try cli.run(["app", "import", file])
        #expect(run.status == 1, "\(run)")
        #expect(run.stderrLines == [
            "\(file):3:1: error: duplicate of line 2",
            "\(file):4:1: error: unknown status \"dreaming\" (known: saved, applied, screening, interview, offer, accepted, rejected, withdrawn, ghosted)",
            "\(file):4:1: error: \"2024-13-01\" is not a date (use YYYY-MM-DD)",
            "Nothing was imported: 2 bad rows. Fix them, or import the good rows with --skip-bad.",
        ], "\(run)")
        #expect(try cli.run(["app", "list"]).stdout.hasPrefix("No applications yet"))
        let dry = try cli.run(["app", "import", file, "--skip-bad", "--dry-run"])
        #expect(dry.stdout.contains("Would import") && dry.stdout.contains("1 added"), "\(dry)")
        #expect(try cli.run(["app", "list"]).stdout.hasPrefix("No applications yet"))
        let skip = try cli.run(["app", "import", file, "--skip-bad"])
        #expect(skip.status == 0 && skip.stdout.contains("1 added, 0 updated, 0 unchanged, 2 bad skipped"), "\(skip)")
        #expect(try cli.run(["app", "list", "--status", "screening"]).stdout.contains("Hooli"))

        var latin1 = Data("company,role\nCaf".utf8)
        latin1.append(0xE9)
        latin1.append(contentsOf: Array(",Dev\n".utf8))
        try latin1.write(to: URL(fileURLWithPath: cli.path("latin1.csv")))
        let encoding = try cli.run(["app", "import", cli.path("latin1.csv")])
        #expect(encoding.status == 1 && encoding.stderr.contains("latin1.csv:2:4: error: not UTF-8 (byte 0xE9)"), "\(encoding)")
        let missing = try cli.run(["app", "import", file, "--map", "company=Firm"])
        #expect(missing.status == 1 && missing.stderr.contains("--map company=Firm: no such column"), "\(missing)")
    }

    @Test("ICS export: interviews and reminders as events with stable UIDs")
    func ics() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        _ = try Self.seed(cli)
        let first = try cli.run(["app", "export", "--format", "ics"])
        #expect(first.stdout.hasPrefix("BEGIN:VCALENDAR\r\n") && first.stdout.contains("DTSTART:20240510T123000Z\r\n"), "\(first)")
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first.stdout).count == 2)
        #expect(uids(try cli.run(["app", "export", "--format", "ics"]).stdout) == uids(first.stdout))
        let json = try cli.run(["app", "export", "--format", "json"])
        #expect(json.stdout.contains("\"timeZone\": \"Europe/Berlin\"") && json.stdout.contains("\"contacts\""), "\(json)")
    }

    @Test("report: text, JSON figures, and --since")
    func report() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        _ = try Self.seed(cli)
        let text = try cli.run(["report", "--today", "2024-05-15"])
        #expect(text.stdout.hasPrefix("Applications sent: 2 (1 saved, not sent)"), "\(text)")
        #expect(text.stdout.contains("Response rate: 50.0% (1 of 2); median time to first response: 3 days"), "\(text)")
        let json = try cli.run(["report", "--today", "2024-05-15", "--json"])
        #expect(json.stdout.contains("\"applications\": 2") && json.stdout.contains("\"ghostedRate\": 0,"), "\(json)")
        let since = try cli.run(["report", "--today", "2024-05-15", "--since", "2024-05-01", "--json"])
        #expect(since.stdout.contains("\"applications\": 1"), "\(since)")
    }

    @Test("the HTML report renders in headless Chromium with its SVG charts",
          .enabled(if: TrackingCLITests.chromium != nil, "Chromium is not installed (apt-get install chromium)"))
    func htmlInChromium() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        _ = try Self.seed(cli)
        let out = cli.path("report")
        let run = try cli.run(["report", "--today", "2024-05-15", "--html", out])
        #expect(run.status == 0 && run.stderr.contains("Wrote \(out)/index.html"), "\(run)")
        let page = URL(fileURLWithPath: out).appendingPathComponent("index.html")
        let profile = cli.path("chromium-profile"), screenshot = cli.path("report.png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)"]
        let dom = try Self.runChromium(common + ["--dump-dom", page.absoluteString])
        for chart in ["funnel", "weekly", "variants"] {
            #expect(dom.contains("data-chart=\"\(chart)\""), "Chromium's DOM has the \(chart) chart")
        }
        _ = try Self.runChromium(common + ["--window-size=900,1400", "--screenshot=\(screenshot)", page.absoluteString])
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "a real screenshot: \(png.count) bytes")
    }

    @Test("report --html inside a site folder uses the site's theme styles; outside, the built-in style")
    func htmlThemed() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        _ = try Self.seed(cli)
        #expect(try cli.run(["init", cli.path("site"), "--title", "Me"], useStoreOption: false).status == 0)
        let inSite = try cli.run(["report", "--today", "2024-05-15", "--html", cli.path("themed")], in: URL(fileURLWithPath: cli.path("site")))
        #expect(inSite.status == 0 && inSite.stderr.contains("(styled by the site's theme)"), "\(inSite)")
        let themed = try String(contentsOfFile: cli.path("themed/index.html"), encoding: .utf8)
        let themeCSS = try String(contentsOf: Folio.packageRoot.appendingPathComponent("Themes/portfolio/assets/css/style.css"), encoding: .utf8)
        let firstRule = try #require(themeCSS.split(separator: "\n").first { $0.contains("{") })
        #expect(themed.contains(firstRule) && !themed.contains("max-width: 760px"))
        let plain = try cli.run(["report", "--today", "2024-05-15", "--html", cli.path("plain")], in: URL(fileURLWithPath: cli.path(".")))
        #expect(plain.status == 0 && !plain.stderr.contains("theme"), "\(plain)")
        #expect(try String(contentsOfFile: cli.path("plain/index.html"), encoding: .utf8).contains("max-width: 760px"))
    }

    @Test("the ICS export parses with Python's icalendar, folded lines and escapes included",
          .enabled(if: TrackingCLITests.icalendarPython != nil, "Python's icalendar is not installed (apt-get install python3-icalendar)"))
    func icsWithPythonICalendar() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let id = try Self.seed(cli)
        let note = "Ask about the on-call rota; salary, équipe, 東京 office — " + String(repeating: "long text ", count: 12)
        #expect(try cli.run(["app", "remind", id, "2024-05-20", "--note", note]).status == 0)
        #expect(try cli.run(["app", "export", "--format", "ics", "-o", cli.path("apps.ics")]).status == 0)
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for event in calendar.walk('VEVENT'):
                print(str(event['UID']) + '|' + event.decoded('DTSTART').isoformat() + '|' + str(event['SUMMARY']) + '|'
                      + str(event.get('DESCRIPTION', '')).replace('\\n', '/'))
            """
        let output = try Self.runProcess(try #require(Self.icalendarPython), ["-c", script, cli.path("apps.ics")])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(output)")
        #expect(lines.contains { $0.contains("|2024-05-10T12:30:00+00:00|Interview: Acme, Inc., Staff Engineer|With: Ada Lovelace, Grace Hopper") }, "\(output)")
        #expect(lines.contains { $0.hasSuffix("|2024-05-20|Reminder: Acme, Inc., Staff Engineer|" + note) }, "\(output)")
    }

    /// A Python that can import icalendar (Debian's python3-icalendar goes to /usr/bin/python3).
    static var icalendarPython: String? {
        for python in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: python) {
            if (try? runProcess(python, ["-c", "import icalendar; print('ok')"]))?.hasPrefix("ok") == true { return python }
        }
        return nil
    }

    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static func runChromium(_ arguments: [String]) throws -> String {
        try runProcess(try #require(chromium), arguments)
    }

    /// Runs a program to its end and returns its standard output.
    static func runProcess(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
