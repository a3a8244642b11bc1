import FolioCore
import Foundation

/// Turns the site model into the list of output files (pages, lists, tags, feeds,
/// sitemap, aliases, copied assets). Rendering itself happens lazily in the writer.
struct SiteRenderer: Sendable {
    let config: SiteConfig
    let model: SiteModel
    let theme: Theme
    let context: TemplateContext
    let siteDirectory: URL

    init(config: SiteConfig, model: SiteModel, theme: Theme, siteDirectory: URL, buildYear: Int) {
        self.config = config
        self.model = model
        self.theme = theme
        self.siteDirectory = siteDirectory
        self.context = TemplateContext(config: config, model: model, theme: theme, buildYear: buildYear)
    }

    func outputs() -> [Output] {
        var outputs: [Output] = []
        outputs.append(homeOutput())
        outputs += model.regularPages.map(pageOutput)
        for section in model.sections {
            let subsections = subsectionLinks(section)
            outputs += listOutputs(page: section.page, pages: section.pages, layout: listLayout(section.path),
                                   extra: ["subsections": subsections],
                                   extraKey: subsections.map { "\($0["url"]!) \($0["title"]!) \($0["count"]!)" }.joined(separator: "\n"))
        }
        if !model.tags.isEmpty {
            outputs.append(tagsIndexOutput())
            for tag in model.tags {
                let page = Page.generated(kind: .tag, title: tag.name, urlPath: tag.urlPath)
                outputs += listOutputs(page: page, pages: tag.pages, layout: "tag", extra: ["tag": tag.name], extraKey: tag.name)
            }
        }
        outputs.append(notFoundOutput())
        outputs += model.aliases.map(aliasOutput)
        outputs += feedOutputs()
        outputs.append(Output(path: "sitemap.xml", fingerprint: sitemapFingerprint(), source: .render { Sitemap(context: context).xml() }))
        outputs.append(Output(path: "robots.txt", fingerprint: context.fingerprint, source: .render {
            "User-agent: *\nAllow: /\n\nSitemap: \(context.permalink("sitemap.xml"))\n"
        }))
        if let resume = model.resume { outputs += resumeOutputs(resume) }
        outputs += copies()
        return outputs
    }

    // MARK: - Pages

    func baseContext(for page: Page, withContent: Bool = true, pageNumber: Int = 1) -> [String: Any] {
        [
            "site": context.site.value,
            "page": context.page(page, withContent: withContent),
            "menus": context.menus(for: page),
            "meta": context.meta(for: page, pageNumber: pageNumber),
        ]
    }

    private func layout(for page: Page, default name: String) -> String {
        if let template = page.frontMatter.template { return template }
        let top = page.section.split(separator: "/").first.map(String.init) ?? ""
        if !top.isEmpty, theme.layouts.contains("\(name)-\(top)") { return "\(name)-\(top)" }
        return name
    }

    private func listLayout(_ sectionPath: String) -> String {
        let top = sectionPath.split(separator: "/").first.map(String.init) ?? ""
        return theme.layouts.contains("list-\(top)") ? "list-\(top)" : "list"
    }

    private func pageOutput(_ page: Page) -> Output {
        let layout = layout(for: page, default: "page")
        var fingerprint = context.fingerprint
        fingerprint.add(page.sourceFingerprint)
        fingerprint.add(page.urlPath)
        fingerprint.add(layout)
        return Output(path: page.urlPath + "index.html", fingerprint: fingerprint, source: .render {
            theme.render(baseContext(for: page), layout: layout)
        })
    }

    private func homeOutput() -> Output {
        let home = model.home
        let recent = Array(model.datedPages.prefix(config.paginate))
        var fingerprint = context.fingerprint
        fingerprint.add(home.sourceFingerprint)
        Self.addList(recent, to: &fingerprint)
        var sectionPages: [String: Any] = [:]
        for section in model.sections {
            let listed = Array(section.pages.prefix(config.paginate))
            Self.addList(listed, to: &fingerprint)
            sectionPages[section.path] = listed.map { context.page($0, withContent: false) }
        }
        let layout = home.frontMatter.template ?? "home"
        let sections = PlainBox(value: sectionPages)
        return Output(path: "index.html", fingerprint: fingerprint, source: .render {
            var values = baseContext(for: home)
            values["pages"] = recent.map { context.page($0, withContent: false) }
            values["sectionPages"] = sections.value
            return theme.render(values, layout: layout)
        })
    }

    private static func addList(_ pages: [Page], to fingerprint: inout Fingerprint) {
        fingerprint.add(UInt64(pages.count))
        for page in pages {
            fingerprint.add(page.sourceFingerprint)
            fingerprint.add(page.urlPath)
        }
    }

    private func subsectionLinks(_ section: SiteModel.Section) -> [[String: Any]] {
        section.subsections.compactMap { path in
            model.sections.first { $0.path == path }.map {
                ["title": $0.page.title, "url": context.url($0.page.urlPath), "count": $0.pages.count]
            }
        }
    }

    /// A list page and its pagination: `/posts/`, `/posts/page/2/`, ...
    /// `extraKey` stands for `extra` in the fingerprint (dictionaries print in no fixed order).
    private func listOutputs(page: Page, pages: [Page], layout: String, extra: [String: Any], extraKey: String) -> [Output] {
        let size = config.paginate
        let total = max(1, (pages.count + size - 1) / size)
        let layout = page.frontMatter.template ?? layout
        let extraBox = PlainBox(value: extra)
        return (1...total).map { number in
            let chunk = Array(pages.dropFirst((number - 1) * size).prefix(size))
            var fingerprint = context.fingerprint
            fingerprint.add(page.sourceFingerprint)
            fingerprint.add(layout)
            fingerprint.add(UInt64(number))
            fingerprint.add(UInt64(total))
            fingerprint.add(extraKey)
            Self.addList(chunk, to: &fingerprint)
            let path = page.urlPath + (number == 1 ? "" : "page/\(number)/") + "index.html"
            return Output(path: path, fingerprint: fingerprint, source: .render {
                var values = baseContext(for: page, pageNumber: number)
                values["pages"] = chunk.map { context.page($0, withContent: false) }
                if total > 1 { values["pagination"] = pagination(page: page, number: number, total: total) }
                for (key, value) in extraBox.value { values[key] = value }
                return theme.render(values, layout: layout)
            })
        }
    }

    private func pagination(page: Page, number: Int, total: Int) -> [String: Any] {
        func url(_ n: Int) -> String { context.url(page.urlPath + (n == 1 ? "" : "page/\(n)/")) }
        // Links to the first and last page and to the two on each side of this one, with
        // gaps marked, so a section of 1,000 list pages does not list 1,000 links on each.
        let shown = Set([1, total] + Array(max(1, number - 2)...min(total, number + 2))).sorted()
        var links: [[String: Any]] = []
        for (index, n) in shown.enumerated() {
            if index > 0, n - shown[index - 1] > 1 { links.append(["gap": true]) }
            links.append(["number": n, "url": url(n), "current": n == number])
        }
        var result: [String: Any] = ["current": number, "total": total, "pages": links]
        if number > 1 { result["prevURL"] = url(number - 1) }
        if number < total { result["nextURL"] = url(number + 1) }
        return result
    }

    private func tagsIndexOutput() -> Output {
        let page = Page.generated(kind: .tags, title: "Tags", urlPath: "tags/")
        let layout = theme.layouts.contains("tags") ? "tags" : "list"
        var fingerprint = context.fingerprint
        fingerprint.add(layout)
        return Output(path: "tags/index.html", fingerprint: fingerprint, source: .render {
            theme.render(baseContext(for: page), layout: layout)
        })
    }

    private func notFoundOutput() -> Output {
        let page = Page.generated(kind: .notFound, title: "Page not found", urlPath: "404/")
        var fingerprint = context.fingerprint
        fingerprint.add("404")
        return Output(path: "404.html", fingerprint: fingerprint, source: .render {
            theme.render(baseContext(for: page), layout: "404")
        })
    }

    private func aliasOutput(_ alias: SiteModel.Alias) -> Output {
        let target = context.permalink(alias.target.urlPath)
        let escaped = Escape.html(target)
        return Output(path: alias.outputPath, fingerprint: nil, source: .render {
            """
            <!DOCTYPE html>
            <html lang="\(Escape.html(config.language))"><head><meta charset="utf-8">
            <title>\(Escape.html(alias.target.title))</title>
            <link rel="canonical" href="\(escaped)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(escaped)">
            </head><body><p>This page has moved to <a href="\(escaped)">\(escaped)</a>.</p></body></html>

            """
        })
    }

    private func feedOutputs() -> [Output] {
        let feed = AtomFeed(context: context, limit: config.feedLimit)
        func output(_ urlPath: String, title: String, pages: [Page]) -> Output {
            let entries = Array(pages.prefix(config.feedLimit))
            var fingerprint = context.fingerprint
            fingerprint.add(title)
            Self.addList(entries, to: &fingerprint)
            return Output(path: urlPath + "atom.xml", fingerprint: fingerprint, source: .render {
                feed.xml(title: title, urlPath: urlPath, pages: entries)
            })
        }
        var outputs = [output("", title: config.title, pages: model.datedPages)]
        for section in model.sections where section.pages.contains(where: { $0.frontMatter.date != nil }) {
            let dated = section.pages.filter { $0.frontMatter.date != nil }
                .sorted { $0.frontMatter.date! > $1.frontMatter.date! }
            outputs.append(output(section.page.urlPath, title: "\(section.page.title) · \(config.title)", pages: dated))
        }
        return outputs
    }

    // MARK: - Copies

    /// Theme assets (to `assets/`), the site's `static/` (to the root) and content resources.
    private func copies() -> [Output] {
        var byPath: [String: URL] = [:]
        for directory in theme.assetDirectories {
            for (relative, url) in Self.files(under: directory) { byPath["assets/" + relative] = url }
        }
        for (relative, url) in Self.files(under: siteDirectory.appendingPathComponent("static")) { byPath[relative] = url }
        for resource in model.resources { byPath[resource.outputPath] = resource.source }
        return byPath.sorted { $0.key < $1.key }.map { path, source in
            // A copy is redone when its source's path, size or modification time changes.
            var fingerprint: Fingerprint?
            if let stamp = ContentCache.stamp(of: source.path) {
                var hash = Fingerprint()
                hash.add(source.path)
                hash.add(UInt64(bitPattern: stamp.size))
                hash.add(UInt64(bitPattern: stamp.modified))
                fingerprint = hash
            }
            return Output(path: path, fingerprint: fingerprint, source: .copy(source))
        }
    }

    /// The sitemap changes when a page's URL or date does.
    private func sitemapFingerprint() -> Fingerprint {
        var fingerprint = context.fingerprint
        for page in model.allPages {
            fingerprint.add(page.urlPath)
            fingerprint.add((page.frontMatter.updated ?? page.frontMatter.date)?.text ?? "")
        }
        return fingerprint
    }

    /// Every regular file under `directory` by relative path. Symbolic links are not
    /// followed (they could lead out of the site); hidden files are left out except
    /// `.well-known/` (security.txt and friends) and `.htaccess`.
    static func files(under directory: URL) -> [(String, URL)] {
        var result: [(String, URL)] = []
        func walk(_ path: String, _ relative: String) {
            for entry in FileIO.list(path, includeHidden: true) {
                if entry.name.hasPrefix("."), entry.name != ".well-known", entry.name != ".htaccess" { continue }
                let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory {
                    walk(path + "/" + entry.name, child)
                } else {
                    result.append((child, URL(fileURLWithPath: path + "/" + entry.name)))
                }
            }
        }
        walk(directory.path, "")
        return result
    }
}
