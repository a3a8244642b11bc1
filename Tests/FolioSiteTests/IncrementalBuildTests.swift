import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// Rebuilds write only what changed, failed builds leave the last good output alone,
/// and outputs of removed pages go away.
@Suite struct IncrementalBuildTests {
    let fixtures = GoldenTests.fixtures

    func builder(_ site: TestSite, configure: (inout SiteBuilder.Options) -> Void = { _ in }) -> SiteBuilder {
        var options = SiteBuilder.Options(siteDirectory: site.url)
        options.buildYear = 2025
        options.themeDirectories = [fixtures.appendingPathComponent("_themes")]
        configure(&options)
        return SiteBuilder(options: options)
    }

    func basicSite() throws -> TestSite {
        try TestSite.copy(fixtures.appendingPathComponent("basic/site"))
    }

    func modificationDates(_ site: TestSite) throws -> [String: Date] {
        let output = site.url.appendingPathComponent("public")
        var dates: [String: Date] = [:]
        for path in try TestSite.files(under: output).keys {
            dates[path] = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return dates
    }

    @Test func unchangedRebuildWritesNothing() throws {
        let site = try basicSite()
        defer { site.remove() }
        let first = try builder(site).build()
        #expect(first.filesWritten > 10)
        let second = try builder(site).build()
        #expect(second.filesWritten == 0)
        #expect(second.filesUnchanged == first.filesWritten)
    }

    @Test func editingOnePageRewritesOnlyWhatDependsOnIt() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site).build()
        let before = try modificationDates(site)
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("content/about.md", try site.read("content/about.md").replacingOccurrences(of: "Lots.", with: "Lots and lots."))
        let report = try builder(site).build()
        let after = try modificationDates(site)
        let touched = Set(after.filter { before[$0.key] != $0.value }.map(\.key))
        // The page itself (and its .gz); the sitemap does not change (no dates), lists do not include it.
        #expect(touched == ["about/index.html", "about/index.html.gz"])
        #expect(report.filesWritten == 1)
        #expect(try site.read("public/about/index.html").contains("Lots and lots."))
    }

    @Test func editingAPostRewritesItsListsAndTags() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site) { $0.gzip = false }.build()
        try site.write("content/posts/first.md", try site.read("content/posts/first.md").replacingOccurrences(of: "First post", with: "Renamed post"))
        let report = try builder(site) { $0.gzip = false }.build()
        for path in ["posts/first/index.html", "posts/index.html", "tags/swift/index.html", "tags/notes/index.html", "index.html", "atom.xml", "posts/atom.xml"] {
            #expect(try site.read("public/" + path).contains("Renamed post"), "\(path) should show the new title")
        }
        #expect(!(try site.read("public/about/index.html")).contains("Renamed post"))
        #expect(report.filesWritten < 10)
    }

    @Test func removedPagesLoseTheirOutput() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site).build()
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/posts/2023/older/index.html").path))
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("content/posts/2023"))
        let report = try builder(site).build()
        #expect(report.filesRemoved >= 2)
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/posts/2023").path))
    }

    @Test func failedBuildLeavesThePreviousOutput() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site).build()
        let before = try TestSite.files(under: site.url.appendingPathComponent("public"))
        try site.write("content/about.md", "---\ntitle: [broken\n---\nNew text that must not appear.\n")
        try site.write("content/new.md", "A new page that must not appear.\n")
        #expect(throws: DiagnosticError.self) { try builder(site).build() }
        #expect(try TestSite.files(under: site.url.appendingPathComponent("public")) == before)
        // --clean too: the old folder stays when the new build fails.
        #expect(throws: DiagnosticError.self) { try builder(site) { $0.clean = true }.build() }
        #expect(try TestSite.files(under: site.url.appendingPathComponent("public")) == before)
    }

    @Test func cleanRemovesFilesTheBuildDidNotMake() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site).build()
        try site.write("public/stray.txt", "left over")
        _ = try builder(site).build()
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/stray.txt").path))
        let report = try builder(site) { $0.clean = true }.build()
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/stray.txt").path))
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("public/index.html").path))
        #expect(report.filesWritten > 10)
    }

    @Test func gzipCopiesDecompressToTheOriginal() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site).build()
        let files = try TestSite.files(under: site.url.appendingPathComponent("public"))
        #expect(files["index.html.gz"] != nil && files["sitemap.xml.gz"] != nil && files["assets/style.css.gz"] != nil)
        #expect(files["images/ada.png.gz"] == nil)
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gunzip.arguments = ["-dc", site.url.appendingPathComponent("public/index.html.gz").path]
        let pipe = Pipe()
        gunzip.standardOutput = pipe
        try gunzip.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        #expect(data == files["index.html"])
    }

    @Test func wellKnownFilesAreCopiedButOtherHiddenFilesAreNot() throws {
        let site = try basicSite()
        defer { site.remove() }
        try site.write("static/.well-known/security.txt", "Contact: mailto:ada@example.com\n")
        try site.write("static/.DS_Store", "junk")
        try site.write("static/.git/config", "secret")
        _ = try builder(site).build()
        let files = try TestSite.files(under: site.url.appendingPathComponent("public"))
        #expect(files[".well-known/security.txt"] != nil)
        #expect(files[".DS_Store"] == nil && files[".git/config"] == nil)
    }

    @Test func noGzipWritesNoGzFiles() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site) { $0.gzip = false }.build()
        #expect(try TestSite.files(under: site.url.appendingPathComponent("public")).keys.allSatisfy { !$0.hasSuffix(".gz") })
    }

    @Test func brokenLinksWarnByDefaultAndFailWithCheckLinks() throws {
        let site = try basicSite()
        defer { site.remove() }
        try site.write("content/links.md", "See [nothing](/no/such/page/) and [ok](/about/) and [ext](https://example.com/x).\n")
        let report = try builder(site).build()
        #expect(report.warnings.map(\.description) == [
            "content/links.md:1:5: warning: link to \"/no/such/page/\" goes nowhere: no page or file at /no/such/page/",
        ])
        do {
            _ = try builder(site) { $0.strictLinks = true }.build()
            Issue.record("--check-links should fail the build")
        } catch {
            #expect(error.diagnostics.map(\.severity) == [.error])
        }
    }

    @Test func draftsAreIncludedOnRequest() throws {
        let site = try TestSite.copy(fixtures.appendingPathComponent("drafts/site"))
        defer { site.remove() }
        _ = try builder(site) { $0.includeDrafts = true }.build()
        #expect(try site.read("public/posts/draft/index.html").contains("Secret draft"))
        #expect(try site.read("public/secret/index.html").contains("/posts/draft/"))
    }

    @Test func outputInsideTheSiteSourcesIsRefused() throws {
        let site = try basicSite()
        defer { site.remove() }
        for output in [site.url, site.url.appendingPathComponent("content/out"), site.url.deletingLastPathComponent()] {
            #expect(throws: DiagnosticError.self) { try builder(site) { $0.outputDirectory = output }.build() }
        }
    }

    @Test func baseURLOverrideChangesPermalinks() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site) { $0.baseURL = "https://other.example/sub/"; $0.gzip = false }.build()
        let home = try site.read("public/index.html")
        #expect(home.contains("<link rel=\"canonical\" href=\"https://other.example/sub/\">"))
        #expect(home.contains("href=\"/sub/posts/\""))
        // Site-relative links written in Markdown follow the site into its sub-path.
        #expect(try site.read("public/posts/first/index.html").contains("<a href=\"/sub/posts/second-post/\">the second</a>"))
        // The author's image in JSON-LD too.
        try site.write("folio.yaml", try site.read("folio.yaml").replacingOccurrences(of: "  jobTitle: Analyst", with: "  jobTitle: Analyst\n  image: /images/ada.png"))
        _ = try builder(site) { $0.baseURL = "https://other.example/sub/"; $0.gzip = false }.build()
        #expect(try site.read("public/index.html").contains("\"image\": \"https://other.example/sub/images/ada.png\""))
    }

    @Test func contentCacheIsReusedAndNeverTrustedBlindly() throws {
        let site = try basicSite()
        defer { site.remove() }
        _ = try builder(site) { $0.gzip = false }.build()
        let cache = site.url.appendingPathComponent(".folio-cache/content.bin")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        // Same size, new content: the modification time tells.
        Thread.sleep(forTimeInterval: 0.01)
        try site.write("content/about.md", try site.read("content/about.md").replacingOccurrences(of: "Lots.", with: "Many."))
        _ = try builder(site) { $0.gzip = false }.build()
        #expect(try site.read("public/about/index.html").contains("Many."))
        // A damaged cache is ignored, not believed.
        try Data("garbage".utf8).write(to: cache)
        try site.write("content/about.md", try site.read("content/about.md").replacingOccurrences(of: "Many.", with: "Few."))
        _ = try builder(site) { $0.gzip = false }.build()
        #expect(try site.read("public/about/index.html").contains("Few."))
        // A cut-off append (crash mid-write) loses only the cut record.
        let bytes = try Data(contentsOf: cache)
        try bytes.prefix(bytes.count - 10).write(to: cache)
        _ = try builder(site) { $0.gzip = false }.build()
        #expect(try site.read("public/posts/first/index.html").contains("The first paragraph is the summary."))
    }

    @Test func aPartialNamedLikeALayoutIsAnError() throws {
        let site = try basicSite()
        defer { site.remove() }
        try site.write("layouts/partials/page.mustache", "oops")
        do {
            _ = try builder(site).build()
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "layouts/partials/page.mustache: error: partial 'page' has the name of a layout, and would replace it; rename the partial",
            ])
        }
    }
}
