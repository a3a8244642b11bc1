import Foundation
import Testing

@Suite("folio init, themes and --help")
struct InitAndHelpTests {
    @Test("folio init makes a site that builds at once")
    func initThenBuild() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = temp.path("my-site")
        let created = try await Folio.run(["init", site.path, "--title", "Ada Lovelace"])
        #expect(created.status == 0, "\(created)")
        #expect(created.stdout.contains("folio serve"), "init says what to do next")
        #expect(Files.exists(site.appendingPathComponent("folio.yaml")))

        let built = try await Folio.run(["build", site.path])
        _ = try BuildSummary.of(built)
        #expect(built.stderr.isEmpty, "a new site builds without warnings:\n\(built.stderr)")
        let home = site.appendingPathComponent("public/index.html")
        #expect(Files.exists(home))
        #expect(try Files.read(home).contains("Ada Lovelace"))
    }

    @Test("folio init refuses a folder that is not empty")
    func initNonEmpty() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let folder = temp.path("taken")
        let keep = folder.appendingPathComponent("notes.txt")
        try Files.write("mine", to: keep)
        let run = try await Folio.run(["init", folder.path])
        #expect(run.status != 0, "\(run)")
        #expect(!run.stderr.isEmpty, "says why it refused")
        #expect(try Files.read(keep) == "mine")
        #expect(!Files.exists(folder.appendingPathComponent("folio.yaml")))
    }

    @Test("folio themes lists the bundled themes")
    func themes() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let run = try await Folio.run(["themes", site.path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdoutLines.contains("portfolio") && run.stdoutLines.contains("minimal"), "\(run)")
    }

    @Test("folio --help names every subcommand")
    func help() async throws {
        let run = try await Folio.run(["--help"])
        #expect(run.status == 0, "\(run)")
        for word in ["build", "serve", "init", "themes", "USAGE"] {
            #expect(run.stdout.contains(word), "folio --help does not mention \(word)")
        }
    }

    @Test("folio build --help lists every option")
    func buildHelp() async throws {
        let run = try await Folio.run(["build", "--help"])
        #expect(run.status == 0, "\(run)")
        for option in ["--output", "--drafts", "--base-url", "--clean", "--no-gzip", "--check-links", "--theme-dir"] {
            #expect(run.stdout.contains(option), "folio build --help does not mention \(option)")
        }
    }

    @Test("folio serve --help lists its options")
    func serveHelp() async throws {
        let run = try await Folio.run(["serve", "--help"])
        #expect(run.status == 0, "\(run)")
        for option in ["--port", "--no-drafts", "--theme-dir"] {
            #expect(run.stdout.contains(option), "folio serve --help does not mention \(option)")
        }
    }
}
