import Foundation
import Testing

@Suite("folio resume render and folio letter render")
struct ResumeCommandTests {
    static let resume = Folio.exampleSite.appendingPathComponent("resume.yaml")

    @Test("text formats go to standard output")
    func textToStdout() async throws {
        let txt = try await Folio.run(["resume", "render", Self.resume.path, "--format", "txt"])
        #expect(txt.status == 0, "\(txt)")
        #expect(txt.stdout.hasPrefix("MAYA OKAFOR\n") && txt.stdout.contains("\nEXPERIENCE\n"))
        let json = try await Folio.run(["resume", "render", Self.resume.path, "-f", "json"])
        #expect(json.stdout.contains("\"name\": \"Maya Okafor\""))
        let yaml = try await Folio.run(["resume", "render", Self.resume.path, "-f", "yaml"])
        #expect(yaml.stdout.contains("name: Maya Okafor"))
    }

    @Test("--all writes every format, -o writes one file")
    func files() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let all = try await Folio.run(["resume", "render", Self.resume.path, "--all", "-o", temp.path("all").path])
        #expect(all.status == 0, "\(all)")
        for format in ["html", "docx", "txt", "md", "json", "yaml"] {
            #expect(Files.exists(temp.path("all/resume.\(format)")), "no resume.\(format)")
        }
        let docx = try await Folio.run(["resume", "render", Self.resume.path, "-f", "docx", "--paper", "letter", "-o", temp.path("r.docx").path])
        #expect(docx.status == 0)
        #expect(try Data(contentsOf: temp.path("r.docx")).prefix(2) == Data("PK".utf8))
        let html = try await Folio.run(["resume", "render", Self.resume.path, "--theme", "classic", "-o", temp.path("r.html").path])
        #expect(html.status == 0)
        #expect(try Files.read(temp.path("r.html")).contains("Georgia"))
    }

    @Test("a resume in the replica renders by name")
    func fromReplica() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let store = temp.path("replica.sqlite").path
        let imported = try await Folio.run(["resume", "import", Self.resume.path, "--name", "maya", "--store", store])
        #expect(imported.status == 0, "\(imported)")
        let txt = try await Folio.run(["resume", "render", "maya", "-f", "txt", "--store", store])
        #expect(txt.status == 0, "\(txt)")
        #expect(txt.stdout.hasPrefix("MAYA OKAFOR\n"))
        let missing = try await Folio.run(["resume", "render", "nobody", "--store", store])
        #expect(missing.status == 1 && missing.stderr.contains("no resume named \"nobody\""))
    }

    @Test("a broken resume prints path:line:col and exits 1")
    func brokenResume() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let file = temp.path("bad.yaml")
        try Files.write("basics:\n  name: Ada\nwork:\n  - startDate: 2019-13\n", to: file)
        let run = try await Folio.run(["resume", "render", file.path, "-f", "txt"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.yaml:4:16: error: work[0].startDate \"2019-13\" is not a date"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let unknown = try await Folio.run(["resume", "render", Self.resume.path, "--theme", "nope"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown resume design 'nope'"))
        let format = try await Folio.run(["resume", "render", Self.resume.path, "-f", "rtf"])
        #expect(format.status == 64)
    }

    @Test("a cover letter takes its header from the resume it names")
    func letter() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        try FileManager.default.copyItem(at: Self.resume, to: temp.path("resume.yaml"))
        let letter = temp.path("letter.md")
        try Files.write("""
        ---
        recipient: Dana Fischer
        company: Acme GmbH
        role: Staff Engineer
        date: 2026-11-24
        resume: resume.yaml
        ---
        Dear Dana,

        I build ledgers that balance.
        """, to: letter)
        let txt = try await Folio.run(["letter", "render", letter.path, "-f", "txt"])
        #expect(txt.status == 0, "\(txt)")
        #expect(txt.stdout.hasPrefix("Maya Okafor\n") && txt.stdout.contains("Re: Staff Engineer"))
        let html = try await Folio.run(["letter", "render", letter.path, "--theme", "compact", "-o", temp.path("l.html").path])
        #expect(html.status == 0)
        #expect(try Files.read(temp.path("l.html")).contains("Application for Staff Engineer at Acme GmbH"))
        try Files.write("---\nrole: X\n---\nHello.\n", to: letter)
        let orphan = try await Folio.run(["letter", "render", letter.path])
        #expect(orphan.status != 0 && orphan.stderr.contains("names no resume"))
    }
}
