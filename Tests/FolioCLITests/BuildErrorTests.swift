import Foundation
import Testing

/// What `folio build` does with bad input: a located message on stderr, a failing exit
/// status, and the previous output left as it was.
@Suite("folio build: bad input")
struct BuildErrorTests {
    @Test("broken front matter: path:line:col error, non-zero exit, previous output untouched")
    func brokenFrontMatter() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let arguments = ["build", site.path, "--output", out.path]
        _ = try BuildSummary.of(try await Folio.run(arguments))
        let before = Files.contents(under: out)

        // Line 3 of the file: an unclosed flow sequence.
        let post = site.appendingPathComponent("content/posts/swift-on-the-server.md")
        var lines = try Files.read(post).components(separatedBy: "\n")
        #expect(lines[2].hasPrefix("date:"))
        lines[2] = "tags: [swift, server"
        lines[3] = "date: 2024-06-15"
        try Files.write(lines.joined(separator: "\n"), to: post)
        let marker = "Must never be published \(UUID().uuidString.prefix(8))"
        let about = site.appendingPathComponent("content/about.md")
        try Files.write(try Files.read(about) + "\n\(marker)\n", to: about)

        let run = try await Folio.run(arguments)
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty, "nothing on stdout when the build fails:\n\(run)")
        let pattern = #"(^|\n)content/posts/swift-on-the-server\.md:\d+:\d+: error: .+"#
        #expect(run.stderr.range(of: pattern, options: .regularExpression) != nil, "no located error:\n\(run)")
        let after = Files.contents(under: out)
        #expect(after == before, "a failed build changed the output")
        #expect(!(try Files.read(out.appendingPathComponent("about/index.html"))).contains(marker))
    }

    @Test("a site folder that does not exist is a clear error")
    func missingSite() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let missing = temp.path("no-such-site")
        let run = try await Folio.run(["build", missing.path, "--output", temp.path("out").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("folio.yaml"), "the message should say what is missing:\n\(run)")
        #expect(run.stderr.contains(missing.path))
        #expect(!Files.exists(temp.path("out")))
        #expect(!Files.exists(missing), "a failed build must not create the site folder")
    }

    @Test("an unknown theme names the theme, the line in folio.yaml and the themes there are")
    func unknownTheme() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let config = site.appendingPathComponent("folio.yaml")
        let text = try Files.read(config)
        #expect(text.contains("theme: portfolio\n"))
        try Files.write(text.replacingOccurrences(of: "theme: portfolio\n", with: "theme: no-such-theme\n"), to: config)
        let themeLine = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("theme:") }.map { $0 + 1 } ?? 0

        let run = try await Folio.run(["build", site.path, "--output", temp.path("out").path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("folio.yaml:\(themeLine):"), "the error should point at the theme line:\n\(run)")
        #expect(run.stderr.contains("unknown theme 'no-such-theme'"))
        #expect(run.stderr.contains("portfolio") && run.stderr.contains("minimal"), "lists the available themes")
        #expect(!Files.exists(temp.path("out")))
    }

    @Test("an output folder that would overwrite the site's own files is refused")
    func outputInsideSite() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let before = Files.contents(under: site)
        for output in [site, site.appendingPathComponent("content/out"), site.appendingPathComponent("static")] {
            let run = try await Folio.run(["build", site.path, "--output", output.path])
            #expect(run.status != 0, "\(run)")
            #expect(run.stderr.contains("overwrite the site's own files"), "\(run)")
        }
        #expect(Files.contents(under: site) == before, "a refused build changed the site")
    }

    @Test("--base-url that is not an absolute URL is an argument error (exit 64)")
    func badBaseURL() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let run = try await Folio.run(["build", site.path, "--output", temp.path("out").path, "--base-url", "notaurl"])
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("--base-url"))
        #expect(!Files.exists(temp.path("out")))
    }

    @Test("an unknown option is an argument error (exit 64)")
    func unknownOption() async throws {
        let run = try await Folio.run(["build", "--no-such-option"])
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("--no-such-option"))
    }
}
