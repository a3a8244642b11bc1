import Foundation
import Testing

@Suite("folio jobs, profile, ats, match and resume tailor, through the built binary")
struct InsightsCLITests {
    static let fixtures = Folio.packageRoot.appendingPathComponent("Tests/FolioInsightsTests/Fixtures")
    static func posting(_ name: String) -> String { fixtures.appendingPathComponent("postings/\(name)").path }
    static func resume(_ name: String) -> String { fixtures.appendingPathComponent("resumes/\(name).json").path }
    static var allPostings: [String] {
        ["software-backend.txt", "software-frontend.md", "nursing-icu.html", "nursing-er.jsonld", "greenhouse.json",
         "lever.json", "teaching-math.html", "teaching-elementary.txt"].map(posting)
    }

    /// Imports every fixture posting; returns the ids by title.
    func importAll(_ cli: ReplicaCLI) throws -> [String: String] {
        let imported = try cli.run(["jobs", "import"] + Self.allPostings)
        #expect(imported.status == 0 && imported.stdout.hasPrefix("Imported 10 postings:"), "\(imported)")
        let list = try cli.run(["jobs", "list", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        let ids = Dictionary(uniqueKeysWithValues: rows.map { ($0["title"] as! String, $0["id"] as! String) })
        // The ids the import prints tell the postings apart (made in one millisecond, they
        // share their first 12 digits), and each is a prefix of its posting's id.
        let printed = imported.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[0] }
        #expect(Set(printed).count == 10, "\(imported.stdout)")
        #expect(printed.allSatisfy { prefix in ids.values.contains { $0.replacingOccurrences(of: "-", with: "").hasPrefix(prefix) } },
                "\(imported.stdout)")
        return ids
    }

    @Test("jobs import, list, show and rm; a bad file imports nothing")
    func jobs() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let ids = try importAll(cli)
        #expect(ids.count == 10)
        let list = try cli.run(["jobs", "list"])
        #expect(list.stdoutLines.first?.hasPrefix("ID") == true && list.stdoutLines.count == 11, "\(list)")
        #expect(list.stdout.contains("Harbor Freight Partners") && list.stdout.contains("Staff Accountant"))
        let backend = ids["Senior Backend Engineer"]!
        // The shortest prefix no other posting shares (ids made in one millisecond share 12
        // digits and sometimes more).
        let hexes = ids.values.map { $0.filter { $0 != "-" } }
        let own = backend.filter { $0 != "-" }
        let shared = hexes.filter { $0 != own }.map { zip($0, own).prefix { $0 == $1 }.count }.max() ?? 0
        let show = try cli.run(["jobs", "show", String(own.prefix(shared + 1))])
        #expect(show.stdout.hasPrefix("Senior Backend Engineer at Northwind Cloud"), "\(show)")
        #expect(show.stdout.contains("Skills: Kubernetes, ") && show.stdout.contains("experience  5+ years"), "\(show)")
        let showJSON = try cli.run(["jobs", "show", backend, "--json"])
        #expect(showJSON.stdout.contains(#""salary.max": 95000"#) && showJSON.stdout.contains(#""requiredYears": 5"#), "\(showJSON)")

        let empty = cli.path("empty.txt")
        try Data().write(to: URL(fileURLWithPath: empty))
        let bad = try cli.run(["jobs", "import", Self.posting("software-backend.txt"), empty])
        #expect(bad.status == 1 && bad.stderr.contains("empty.txt: error: the file is empty"), "\(bad)")
        #expect(bad.stderr.contains("Nothing was imported."))
        #expect(try cli.run(["jobs", "list"]).stdoutLines.count == 11)

        let removed = try cli.run(["jobs", "rm", backend])
        #expect(removed.status == 0 && removed.stdout.hasPrefix("Deleted posting"), "\(removed)")
        #expect(try cli.run(["jobs", "list"]).stdoutLines.count == 10)
        let gone = try cli.run(["jobs", "show", backend])
        #expect(gone.status == 1 && gone.stderr.contains("no posting named"), "\(gone)")
    }

    @Test("ats against a file or a replica posting, as text and JSON")
    func ats() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let text = try cli.run(["ats", Self.resume("software"), "--job", Self.posting("software-backend.txt")])
        #expect(text.status == 0 && text.stdout.hasPrefix("ATS score: "), "\(text)")
        #expect(text.stdout.contains("+ Kubernetes (4x): work[0].highlights[0], skills[1]"), "\(text)")
        #expect(text.stdout.contains("Add 'CI/CD' if you have it"))
        let ids = try importAll(cli)
        try cli.run(["resume", "import", Self.resume("nursing"), "--name", "maria"])
        let json = try cli.run(["ats", "maria", "--job", ids["Emergency Department Registered Nurse"]!, "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((report["score"] as! Int) > 70, "\(json)")
        let keywords = report["keywords"] as! [[String: Any]]
        #expect(keywords.contains { $0["keyword"] as? String == "Triage" && $0["found"] as? Bool == true })
        #expect((report["components"] as! [[String: Any]]).count == 8)
    }

    @Test("ats on a resume that does not validate: problems as warnings, then the check")
    func atsDefects() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let run = try cli.run(["ats", Self.resume("defects")])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("defects.json:11:20: warning: work[0].startDate \"Spring 2019\""), "\(run)")
        #expect(run.stdout.contains("starts in the future (2027-05)") && run.stdout.contains("overlap by 16 months"), "\(run)")
    }

    @Test("match ranks postings for a resume, and resumes for a posting")
    func match() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let ids = try importAll(cli)
        let postings = try cli.run(["match", "--resume", Self.resume("finance"), "--limit", "3"])
        #expect(postings.stdoutLines.first == "Postings for \(Self.resume("finance")) (3 of 10):", "\(postings)")
        let ranked = postings.stdoutLines.filter { $0.first?.isNumber == true }
        #expect(ranked.count == 3 && ranked[0].hasSuffix("Financial Analyst, FP&A (Harbor Freight Partners)"), "\(postings)")
        #expect(ranked[1].hasSuffix("Staff Accountant (Harbor Freight Partners)"))
        #expect(postings.stdout.contains("experience  ") && postings.stdout.contains("preferences 50%  no profile set"))
        let chosen = try cli.run(["match", "--resume", Self.resume("sales"), "--jobs",
                                  [ids["Staff Accountant"]!, ids["Sales Development Representative"]!].joined(separator: ","), "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(chosen.stdout.utf8)) as! [[String: Any]]
        #expect(rows.map { $0["title"] as! String } == ["Sales Development Representative", "Staff Accountant"], "\(chosen)")
        let resumes = try cli.run(["match", "--job", ids["High School Mathematics Teacher"]!,
                                   Self.resume("software"), Self.resume("teaching"), Self.resume("nursing")])
        let order = resumes.stdoutLines.filter { $0.first?.isNumber == true }
        #expect(order.first?.hasSuffix("teaching.json") == true, "\(resumes)")
        let both = try cli.run(["match", "--resume", "x", "--job", "y"])
        #expect(both.status != 0 && both.stderr.contains("give --job or --resume, not both"), "\(both)")
    }

    @Test("profile set and show; its wishes reach the match")
    func profile() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        #expect(try cli.run(["profile", "show"]).stdout.hasPrefix("No profile yet."))
        for (path, value) in [("location.city", "Hyderabad"), ("remote", "true"), ("salary.min", "120,000"),
                              ("employment", "Full time"), ("roles", "Frontend Engineer, Web Developer")] {
            let set = try cli.run(["profile", "set", path, value])
            #expect(set.status == 0, "\(set)")
        }
        let show = try cli.run(["profile", "show", "--json"])
        let profile = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as! [String: Any]
        #expect(profile["remote"] as? Bool == true && profile["salary.min"] as? Int == 120000 && profile["employment"] as? String == "full-time")
        #expect(profile["roles"] as? [String] == ["Frontend Engineer", "Web Developer"], "\(show)")
        let bad = try cli.run(["profile", "set", "remote", "maybe"])
        #expect(bad.status != 0 && bad.stderr.contains("remote must be true or false"), "\(bad)")
        let unknown = try cli.run(["profile", "set", "shoe.size", "42"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown profile field \"shoe.size\""), "\(unknown)")
        _ = try importAll(cli)
        let match = try cli.run(["match", "--resume", Self.resume("software"), "--jobs", "all", "--json"])
        #expect(match.stdout.contains("the title matches your target role Frontend Engineer"), "\(match)")
        #expect(try cli.run(["profile", "set", "remote", "--clear"]).status == 0)
        #expect(!(try cli.run(["profile", "show"]).stdout.contains("remote")))
    }

    @Test("resume tailor writes a reordered variant and invents nothing")
    func tailor() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        try cli.run(["resume", "import", Self.resume("software"), "--name", "main"])
        let tailored = try cli.run(["resume", "tailor", "main", "--job", Self.posting("software-backend.txt")])
        #expect(tailored.status == 0 && tailored.stdout.hasPrefix("Wrote variant main-northwind-cloud"), "\(tailored)")
        #expect(tailored.stdout.contains("skills: \"Infrastructure\", \"Languages\", \"Data\" moved first"), "\(tailored)")
        #expect(tailored.stdout.contains("Not on the resume (add only what you have): CI/CD"), "\(tailored)")
        let exported = try cli.run(["resume", "export", "main-northwind-cloud"])
        let variant = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as! [String: Any]
        let skills = (variant["skills"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(skills == ["Infrastructure", "Languages", "Data"])
        let original = try JSONSerialization.jsonObject(with: Data(try cli.run(["resume", "export", "main"]).stdout.utf8)) as! [String: Any]
        #expect((original["skills"] as! [[String: Any]]).map { $0["name"] as! String } == ["Languages", "Infrastructure", "Data"])
        let dry = try cli.run(["resume", "tailor", "main", "--job", Self.posting("software-backend.txt"), "--as", "x", "--dry-run"])
        #expect(dry.stdout.hasPrefix("Would write variant x (dry run; nothing written)."), "\(dry)")
        #expect(!(try cli.run(["resume", "list"]).stdout.contains("\nx ")))
    }

    @Test("bad input: binary posting, HTML with scripts, a broken skills.yaml")
    func badInput() throws {
        let cli = try ReplicaCLI()
        defer { cli.remove() }
        let binary = cli.path("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0x00, 0x10]).write(to: URL(fileURLWithPath: binary))
        let run = try cli.run(["ats", Self.resume("software"), "--job", binary])
        #expect(run.status == 1 && run.stderr.contains("photo.jpg: error: the file is not text"), "\(run)")
        let html = try cli.run(["jobs", "import", Self.posting("nursing-icu.html"), "--dry-run"])
        #expect(html.stdout.contains("Registered Nurse \u{2013} Intensive Care Unit (St. Mary's Hospital Careers)"), "\(html)")
        let missing = try cli.run(["ats", Self.resume("software"), "--job", "nowhere.txt"])
        #expect(missing.status == 1 && missing.stderr.contains("nowhere.txt: no such file, and not a posting id"), "\(missing)")
        let huge = cli.path("huge.txt")
        try Data(String(repeating: "Senior Python developer wanted. ", count: 200_000).utf8).write(to: URL(fileURLWithPath: huge))
        let refused = try cli.run(["jobs", "import", huge])
        #expect(refused.status == 1 && refused.stderr.contains("huge.txt: error: the file is 6 MB; postings over 5 MB are refused"), "\(refused)")
        let plain = cli.path("barista.txt")
        try "Barista at Bean There\nMake coffee for our guests and keep the bar clean and friendly.\n"
            .write(toFile: plain, atomically: true, encoding: .utf8)
        let noRequirements = try cli.run(["jobs", "import", plain])
        #expect(noRequirements.status == 0 && noRequirements.stderr.contains("has no requirements section"), "\(noRequirements)")
        let german = cli.path("stelle.txt")
        try "Softwareentwickler bei Beispiel GmbH\nWir suchen einen Entwickler für unsere Plattform. Sie arbeiten mit Python und Kubernetes in einem kleinen Team.\n"
            .write(toFile: german, atomically: true, encoding: .utf8)
        let foreign = try cli.run(["ats", Self.resume("software"), "--job", german])
        #expect(foreign.status == 0 && foreign.stdout.contains("The skills lexicon covers English"), "\(foreign)")
        #expect(foreign.stdout.contains("+ Python") && foreign.stdout.contains("+ Kubernetes"), "\(foreign)")
        let config = cli.path("config/folio")
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try "skills:\n  - name: Zorbl\n    colour: red\n".write(toFile: config + "/skills.yaml", atomically: true, encoding: .utf8)
        let broken = try cli.run(["ats", Self.resume("software")], environment: ["XDG_CONFIG_HOME": cli.path("config")])
        #expect(broken.status == 1 && broken.stderr.contains("skills.yaml:3:5: error: unknown key 'colour' in a skill"), "\(broken)")
    }
}
