import Foundation
import Testing

@Suite("folio resume, app and search against a replica file")
struct ReplicaCLITests {
    @Test("import, list, show, export, and re-import as a diff")
    func resumeRoundTrip() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let imported = try cli.run(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
        #expect(imported.status == 0 && imported.stdout.hasPrefix("Created resume main"), "\(imported)")
        let again = try cli.run(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
        #expect(again.stdout == "Resume main is up to date; nothing changed.\n", "\(again)")

        let list = try cli.run(["resume", "list"])
        #expect(list.stdoutLines.first?.hasPrefix("NAME") == true && list.stdout.contains("Ada Lovelace"), "\(list)")
        let listJSON = try cli.run(["resume", "list", "--json"])
        #expect(listJSON.stdout.contains("\"name\": \"main\""), "\(listJSON)")

        let exported = try cli.run(["resume", "export", "main"])
        #expect(exported.stdout == (try String(contentsOf: ReplicaCLI.sampleResume, encoding: .utf8)), "\(exported)")

        let yamlPath = cli.path("main.yaml")
        let yaml = try cli.run(["resume", "export", "main", "--format", "yaml", "-o", yamlPath])
        #expect(yaml.status == 0, "\(yaml)")
        #expect(try String(contentsOfFile: yamlPath, encoding: .utf8).contains("startDate: \"2021-03\""))
        let reimported = try cli.run(["resume", "import", yamlPath, "--name", "main"])
        #expect(reimported.stdout == "Resume main is up to date; nothing changed.\n", "YAML round-trips: \(reimported)")

        let show = try cli.run(["resume", "show", "main"])
        #expect(show.stdout.contains("name: Ada Lovelace"), "\(show)")
    }

    @Test("set, snapshot and history")
    func setAndHistory() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        try cli.run(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
        let dry = try cli.run(["resume", "set", "main", "work[0].position", "Staff Engineer", "--dry-run"])
        #expect(dry.stdout.hasPrefix("Would update resume main: 1 change (dry run; nothing written)."), "\(dry)")
        let set = try cli.run(["resume", "set", "main", "work[0].position", "Staff Engineer"])
        #expect(set.stdout.contains(#"work[0].position: "Senior Engineer" -> "Staff Engineer""#), "\(set)")
        let append = try cli.run(["resume", "set", "main", "work[0].highlights[2]", "Hired five engineers"])
        #expect(append.stdout.contains("work[0].highlights[2]: added"), "\(append)")
        let bad = try cli.run(["resume", "set", "main", "work[9].position", "x"])
        #expect(bad.status == 1 && bad.stderr.contains("has no work[9].position"), "\(bad)")
        let snapshot = try cli.run(["resume", "snapshot", "main", "--tag", "acme"])
        #expect(snapshot.stdout.hasPrefix("Snapshot "), "\(snapshot)")
        let history = try cli.run(["resume", "history", "main"])
        #expect(history.stdout.contains("work[0].position") && history.stdout.contains("\"Staff Engineer\""), "\(history)")
        #expect(history.stdout.contains("snapshot") && history.stdout.contains("(acme)"), "\(history)")
        let unknown = try cli.run(["resume", "show", "nope"])
        #expect(unknown.status == 1 && unknown.stderr.contains(#"no resume named "nope" (known: main)"#), "\(unknown)")
        let removed = try cli.run(["resume", "rm", "main"])
        #expect(removed.status == 0)
        #expect(try cli.run(["resume", "list"]).stdout.hasPrefix("No resumes yet"))
    }

    @Test("edit applies the diff; invalid YAML leaves the replica untouched and says where")
    func edit() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        try cli.run(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
        let editor = try cli.script("edit.sh", #"sed -i 's/label: Backend Engineer/label: Staff Engineer/' "$1""#)
        let edited = try cli.run(["resume", "edit", "main"], environment: ["EDITOR": editor, "VISUAL": ""])
        #expect(edited.stdout.contains(#"basics.label: "Backend Engineer" -> "Staff Engineer""#), "\(edited)")

        let before = try cli.run(["resume", "export", "main"]).stdout
        let breaker = try cli.script("break.sh", #"printf 'basics:\n  name: [unclosed\n' > "$1""#)
        let broken = try cli.run(["resume", "edit", "main"], environment: ["EDITOR": breaker, "VISUAL": ""])
        #expect(broken.status == 1, "\(broken)")
        #expect(broken.stderr.contains("main.yaml:") && broken.stderr.contains("Nothing was changed"), "\(broken)")
        #expect(try cli.run(["resume", "export", "main"]).stdout == before)

        let unchanged = try cli.run(["resume", "edit", "main"], environment: ["EDITOR": "true", "VISUAL": ""])
        #expect(unchanged.stdout.hasPrefix("No changes"), "\(unchanged)")
    }

    @Test("applications: add, list, show, move, note, rm with id prefixes")
    func applications() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        try cli.run(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
        try "We want settlement experience.".write(toFile: cli.path("posting.txt"), atomically: true, encoding: .utf8)
        let added = try cli.run(["app", "add", "--company", "Acme", "--role", "Staff Engineer", "--resume", "main",
                                 "--posting", cli.path("posting.txt"), "--date", "2024-05-01"])
        #expect(added.status == 0 && added.stdout.hasPrefix("Added application "), "\(added)")
        try cli.run(["app", "add", "--company", "Globex", "--role", "SRE", "--status", "saved", "--date", "2024-06-01"])

        let list = try cli.run(["app", "list"])
        #expect(list.stdoutLines.count == 3 && list.stdoutLines[1].contains("Globex"), "\(list)")
        let json = try cli.run(["app", "list", "--json", "--status", "applied"])
        #expect(json.stdout.contains("\"company\": \"Acme\"") && !json.stdout.contains("Globex"), "\(json)")
        let acme = try #require(list.stdoutLines.first { $0.contains("Acme") }?.split(separator: " ").first.map(String.init))

        #expect(try cli.run(["app", "move", acme, "interview", "--date", "2024-05-10", "--note", "Panel"]).status == 0)
        #expect(try cli.run(["app", "note", acme, "Ask about on-call"]).status == 0)
        let show = try cli.run(["app", "show", acme])
        #expect(show.stdout.contains("status  interview (since 2024-05-10)"), "\(show)")
        #expect(show.stdout.contains("sent    resume main"), "\(show)")
        #expect(show.stdout.contains("2024-05-10  interview  Panel") && show.stdout.contains("- Ask about on-call"), "\(show)")

        let ambiguous = try cli.run(["app", "show", "0"])
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("matches 2 applications"), "\(ambiguous)")
        #expect(ambiguous.stderr.contains("Acme: Staff Engineer") && ambiguous.stderr.contains("Globex: SRE"), "\(ambiguous)")
        let badDate = try cli.run(["app", "add", "--company", "A", "--role", "B", "--date", "May 1"])
        #expect(badDate.status == 64 && badDate.stderr.contains("--date must be a date"), "\(badDate)")

        let search = try cli.run(["search", "settlement"])
        #expect(search.stdout.contains("posting") && search.stdout.contains("resume main"), "\(search)")
        let searchNote = try cli.run(["search", "on-call", "--json"])
        #expect(searchNote.stdout.contains("Acme: Staff Engineer"), "\(searchNote)")

        #expect(try cli.run(["app", "rm", acme]).status == 0)
        #expect(try cli.run(["app", "list"]).stdoutLines.count == 2)
    }

    @Test("FOLIO_STORE and XDG_DATA_HOME choose the replica file")
    func storeLocation() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let chosen = cli.path("chosen.sqlite")
        try cli.run(["app", "add", "--company", "Env", "--role", "R"], environment: ["FOLIO_STORE": chosen], useStoreOption: false)
        #expect(FileManager.default.fileExists(atPath: chosen))
        try cli.run(["app", "add", "--company", "Xdg", "--role", "R"], useStoreOption: false)
        #expect(FileManager.default.fileExists(atPath: cli.path("xdg/folio/replica.sqlite")))
    }

    @Test("kill -9 during a large import leaves the replica consistent")
    func killMidImport() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let highlights = (0..<20_000).map { "\"Bullet \($0)\"" }.joined(separator: ",")
        let big = #"{"basics": {"name": "Big"}, "work": [{"name": "Huge Co", "highlights": [\#(highlights)]}]}"#
        try big.write(toFile: cli.path("big.json"), atomically: true, encoding: .utf8)
        try cli.run(["resume", "import", ReplicaCLI.sampleResume.path, "--name", "main"])
        for delay in [0.15, 0.4, 0.8] {
            let process = try cli.start(["resume", "import", cli.path("big.json"), "--name", "big"])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever happened, the file opens, the earlier resume is intact, and "big" is
            // either absent or complete.
            let list = try cli.run(["resume", "list", "--json"])
            #expect(list.status == 0, "\(list)")
            #expect(try cli.run(["resume", "export", "main"]).stdout == (try String(contentsOf: ReplicaCLI.sampleResume, encoding: .utf8)))
            if list.stdout.contains("\"big\"") {
                #expect(try cli.run(["resume", "export", "big"]).stdout.contains("Bullet 19999"))
            }
        }
        let finished = try cli.run(["resume", "import", cli.path("big.json"), "--name", "big"])
        #expect(finished.status == 0, "\(finished)")
        #expect(try cli.run(["resume", "export", "big"]).stdout.contains("Bullet 19999"))
    }
}
