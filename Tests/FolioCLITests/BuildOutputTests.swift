import Foundation
import Testing

/// `folio build` on a copy of Sites/example: every page, feed and file a visitor or a
/// crawler would ask for is there, worked out from the site's own content files.
@Suite("folio build: what the example site publishes")
struct BuildOutputTests {
    @Test("every page, feed, alias and asset is written, with one summary line")
    func publishesEverything() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let expected = try SiteExpectations(site: site)

        let run = try await Folio.run(["build", site.path, "--output", out.path])
        let summary = try BuildSummary.of(run)
        #expect(run.stderr.isEmpty, "the example builds without warnings:\n\(run.stderr)")
        #expect(summary.written > 0)
        #expect(summary.unchanged == 0)
        let files = Files.all(under: out)

        // Pages: home, each published content page, section lists with their page/N/, tags.
        // folio.yaml `resume: resume.yaml` adds /resume/ and the resume's formats.
        let pages = expected.htmlPages() + ["resume/index.html"]
        for format in ["docx", "txt", "md", "json"] {
            #expect(files.contains("resume/resume.\(format)"), "missing resume/resume.\(format)")
        }
        for page in pages {
            #expect(files.contains(page), "missing \(page)")
        }
        #expect(pages.contains("about/index.html") && pages.contains("resume/index.html"))
        #expect(pages.contains("projects/index.html") && pages.contains("posts/index.html"))
        #expect(pages.contains("posts/page/2/index.html"), "the example has more posts than fit on one list page")
        #expect(!expected.tagSlugs().isEmpty && pages.contains("tags/index.html"))
        // The summary counts content pages, section lists, tag pages and the tags index.
        #expect(summary.pages == expected.published(drafts: false).count + expected.tagSlugs().count + 1 + 1)

        // Fixed outputs.
        for file in ["sitemap.xml", "atom.xml", "posts/atom.xml", "robots.txt", "404.html"] {
            #expect(files.contains(file), "missing \(file)")
        }
        // Static files, page-bundle resources and theme assets.
        #expect(files.contains("favicon.svg") && files.contains("images/maya.svg"))
        #expect(files.contains("projects/ledgerline/architecture.svg"))
        let assets = expected.themeAssets()
        #expect(!assets.isEmpty)
        for asset in assets {
            #expect(files.contains("assets/" + asset), "missing theme asset assets/\(asset)")
        }
        // Gzip copies beside every HTML file (and they really are gzip).
        let html = files.filter { $0.hasSuffix(".html") }
        for file in html {
            #expect(files.contains(file + ".gz"), "no \(file).gz")
        }
        let gz = try Data(contentsOf: out.appendingPathComponent("index.html.gz"))
        #expect(gz.prefix(2) == Data([0x1F, 0x8B]))
        // No page outside what the content says (besides aliases and the 404 page).
        let aliasPages = Set(expected.aliases().map { $0.alias + "index.html" })
        #expect(html.subtracting(pages).subtracting(aliasPages) == ["404.html"])
    }

    @Test("sitemap lists every page; feeds and robots.txt point at the site")
    func sitemapFeedsRobots() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let expected = try SiteExpectations(site: site)
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", out.path]))

        let sitemap = try Files.read(out.appendingPathComponent("sitemap.xml"))
        let listed = Set(sitemap.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first })
        var wanted = [""] + expected.regularPages().map(\.urlPath) + expected.published(drafts: false).filter(\.isSection).map(\.urlPath)
        wanted += ["tags/"] + expected.tagSlugs().map { "tags/\($0)/" }
        for path in wanted {
            #expect(listed.contains(expected.permalink(path)), "sitemap.xml does not list \(expected.permalink(path))")
        }
        for draft in expected.drafts {
            #expect(!listed.contains(expected.permalink(draft.urlPath)), "sitemap.xml lists the draft \(draft.relative)")
        }

        let feed = try Files.read(out.appendingPathComponent("atom.xml"))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        let posts = try Files.read(out.appendingPathComponent("posts/atom.xml"))
        for post in expected.regularPages().filter({ $0.section == "posts" }) {
            #expect(posts.contains("<id>\(expected.permalink(post.urlPath))</id>"), "posts/atom.xml lacks \(post.relative)")
        }
        let robots = try Files.read(out.appendingPathComponent("robots.txt"))
        #expect(robots.contains("Sitemap: \(expected.permalink("sitemap.xml"))"))
    }

    @Test("home page carries JSON-LD Person, canonical link and Open Graph title")
    func homePageMetadata() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let expected = try SiteExpectations(site: site)
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", out.path]))

        let home = try Files.read(out.appendingPathComponent("index.html"))
        #expect(home.contains("application/ld+json"))
        #expect(home.contains(#""@type": "Person""#) || home.contains(#""@type":"Person""#), "no JSON-LD Person on the home page")
        #expect(home.contains(#"<link rel="canonical" href="\#(expected.baseURL)">"#))
        #expect(home.contains(#"property="og:title""#))
        #expect(home.contains("Maya Okafor"))

        let about = try Files.read(out.appendingPathComponent("about/index.html"))
        #expect(about.contains(#"<link rel="canonical" href="\#(expected.permalink("about/"))">"#))
    }

    @Test("an alias from front matter becomes a redirect page to its target")
    func aliasRedirect() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let out = temp.path("out")
        let expected = try SiteExpectations(site: site)
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", out.path]))

        let aliases = expected.aliases()
        #expect(aliases.contains { $0.alias == "2023/old-url/" }, "the example's lagos-to-berlin post has an alias")
        for (alias, target) in aliases {
            let page = try Files.read(out.appendingPathComponent(alias + "index.html"))
            let url = expected.permalink(target.urlPath)
            #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=\#(url)">"#), "\(alias) does not redirect to \(url)")
            #expect(page.contains(#"<link rel="canonical" href="\#(url)">"#))
        }
    }

    @Test("drafts are left out, and --drafts puts them in")
    func drafts() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let expected = try SiteExpectations(site: site)
        let drafts = expected.drafts
        #expect(!drafts.isEmpty, "the example has a draft post")

        let plain = temp.path("plain"), withDrafts = temp.path("drafts")
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", plain.path]))
        _ = try BuildSummary.of(try await Folio.run(["build", site.path, "--output", withDrafts.path, "--drafts"]))
        for draft in drafts {
            #expect(!Files.exists(plain.appendingPathComponent(draft.urlPath + "index.html")), "\(draft.relative) published")
            #expect(Files.exists(withDrafts.appendingPathComponent(draft.urlPath + "index.html")), "\(draft.relative) missing with --drafts")
            let title = try #require(draft.title)
            #expect(!(try Files.read(plain.appendingPathComponent("posts/index.html"))).contains(title))
        }
        for page in expected.htmlPages(drafts: true) {
            #expect(Files.exists(withDrafts.appendingPathComponent(page)), "missing \(page) with --drafts")
        }
    }
}
