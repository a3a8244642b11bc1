import Foundation
import Testing

/// Incremental rebuilds and the options of `folio build`.
@Suite("folio build: rebuilds and options")
struct BuildOptionsTests {
    @Test("a rebuild without changes writes nothing; editing one post rewrites only a few files")
    func incremental() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let arguments = ["build", site.path, "--output", out.path]

        let first = try BuildSummary.of(try await Folio.run(arguments))
        let again = try BuildSummary.of(try await Folio.run(arguments))
        #expect(again.written == 0, "a rebuild with no changes wrote \(again.written) files")
        #expect(again.unchanged == first.written)
        #expect(again.removed == 0)

        let post = site.appendingPathComponent("content/posts/swift-on-the-server.md")
        let marker = "Edited paragraph \(UUID().uuidString.prefix(8))."
        try Files.write(try Files.read(post) + "\n\(marker)\n", to: post)
        let edited = try BuildSummary.of(try await Folio.run(arguments))
        #expect(edited.written > 0)
        #expect(edited.written < 15, "one edited post rewrote \(edited.written) files")
        #expect(try Files.read(out.appendingPathComponent("posts/swift-on-the-server/index.html")).contains(marker))
    }

    @Test("--no-gzip writes no .gz files")
    func noGzip() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", out.path, "--no-gzip"]))
        let files = Files.all(under: out)
        #expect(files.contains("index.html"))
        #expect(files.filter { $0.hasSuffix(".gz") }.isEmpty)
    }

    @Test("turning gzip off and on again never leaves a stale .gz beside a file")
    func gzipToggle() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let arguments = ["build", site.path, "--output", out.path]
        _ = try BuildSummary.of(try await Folio.run(arguments))

        let post = site.appendingPathComponent("content/posts/swift-on-the-server.md")
        try Files.write(try Files.read(post) + "\nEdited while gzip was off.\n", to: post)
        _ = try BuildSummary.of(try await Folio.run(arguments + ["--no-gzip"]))
        try await expectFreshGzip(out, "posts/swift-on-the-server/index.html", after: "an edit built with --no-gzip")

        _ = try BuildSummary.of(try await Folio.run(arguments))
        try await expectFreshGzip(out, "posts/swift-on-the-server/index.html", after: "gzip was turned on again")
        #expect(Files.exists(out.appendingPathComponent("posts/swift-on-the-server/index.html.gz")))
    }

    /// A `.gz` beside `file`, if there is one, holds the same bytes as `file`: web servers
    /// that serve precompressed files (nginx gzip_static) would otherwise serve old pages.
    private func expectFreshGzip(_ out: URL, _ file: String, after step: String) async throws {
        let gz = out.appendingPathComponent(file + ".gz")
        guard Files.exists(gz) else { return }
        let page = try Data(contentsOf: out.appendingPathComponent(file))
        let fresh = try await Subprocess.gunzip(gz) == page
        #expect(fresh, "\(file).gz is stale after \(step): it no longer matches \(file)")
    }

    @Test("--clean removes a file the build did not write")
    func clean() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let arguments = ["build", site.path, "--output", out.path]
        _ = try BuildSummary.of(try await Folio.run(arguments))
        let stray = out.appendingPathComponent("stray/leftover.txt")
        try Files.write("not Folio's", to: stray)

        _ = try BuildSummary.of(try await Folio.run(arguments))
        #expect(Files.exists(stray), "a plain build leaves files it did not write alone")

        _ = try BuildSummary.of(try await Folio.run(arguments + ["--clean"]))
        #expect(!Files.exists(stray), "--clean left a stray file")
        #expect(Files.exists(out.appendingPathComponent("index.html")))
        #expect(Files.exists(out.appendingPathComponent("posts/page/2/index.html")))
        let parent = Set((try? FileManager.default.contentsOfDirectory(atPath: temp.url.path)) ?? [])
        #expect(parent == ["site", "out"], "--clean left its scratch folders behind: \(parent.sorted())")
    }

    @Test("every link in the published example leads to a file of the site")
    func linksResolve() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let expected = try SiteExpectations(site: site)
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", out.path]))
        let broken = PublishedLinks.broken(in: out, baseURL: expected.baseURL)
        #expect(broken.count == 0, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    @Test("with a base URL in a sub-folder, every link stays inside that sub-folder")
    func linksResolveUnderSubPath() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let base = "https://x.example/sub/"
        let run = try await Folio.run(["build", site.path, "--output", out.path, "--base-url", base])
        _ = try BuildSummary.of(run)
        let broken = PublishedLinks.broken(in: out, baseURL: base)
        #expect(broken.count == 0, "\(broken.count) links leave https://x.example/sub/, e.g.:\n\(broken.prefix(8).joined(separator: "\n"))")
    }

    @Test("--base-url replaces baseURL in canonical links, the sitemap and feeds")
    func baseURL() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let base = "https://x.example/sub/"
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", out.path, "--base-url", base]))

        let home = try Files.read(out.appendingPathComponent("index.html"))
        #expect(home.contains(#"<link rel="canonical" href="https://x.example/sub/">"#))
        let about = try Files.read(out.appendingPathComponent("about/index.html"))
        #expect(about.contains(#"<link rel="canonical" href="https://x.example/sub/about/">"#))
        #expect(about.contains("/sub/assets/"), "asset links use the base URL's path")
        let sitemap = try Files.read(out.appendingPathComponent("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://x.example/sub/posts/</loc>"))
        #expect(!sitemap.contains("maya.example"))
    }
}
