import FolioCore
import Foundation

/// The whole site as it will be published: pages with their URLs, sections, tags.
///
/// Building the model is where cross-page problems are found: two pages claiming one
/// URL, aliases that would land outside the output folder, layouts that do not exist.
struct SiteModel: Sendable {
    struct Section: Sendable {
        /// Folder relative to `content/` (`posts`).
        var path: String
        /// The section's own page (from `_index.md` or made up).
        var page: Page
        /// Regular pages directly in the folder, sorted for lists.
        var pages: [Page]
        var subsections: [String]
    }

    struct Tag: Sendable {
        var name: String
        var slug: String
        var pages: [Page]
        var urlPath: String { "tags/\(slug)/" }
    }

    struct Alias: Sendable {
        /// Output file relative to the output root (`old/path/index.html`).
        var outputPath: String
        var target: Page
    }

    /// The resume named by folio.yaml `resume:`, published at /resume/.
    struct SiteResume: Sendable {
        var resume: Resume
        var page: Page
        /// Hash of the resume file.
        var fingerprint: Fingerprint
    }

    var home: Page
    var resume: SiteResume?
    var regularPages: [Page]
    var sections: [Section]
    var tags: [Tag]
    var aliases: [Alias]
    var resources: [ContentLoader.Resource]

    /// Every page that gets a URL, for link checking and the sitemap.
    var allPages: [Page] {
        [home] + sections.map(\.page) + regularPages + (resume.map { [$0.page] } ?? [])
    }

    /// Every dated regular page, newest first.
    let datedPages: [Page]

    init(home: Page, regularPages: [Page], sections: [Section], tags: [Tag], aliases: [Alias],
         resources: [ContentLoader.Resource]) {
        self.home = home
        self.regularPages = regularPages
        self.sections = sections
        self.tags = tags
        self.aliases = aliases
        self.resources = resources
        self.datedPages = regularPages.filter { $0.frontMatter.date != nil }.sorted(by: Self.listOrder)
    }

    /// Lists sort by weight (set weights first, low to high), then newest date, then title.
    static func listOrder(_ a: Page, _ b: Page) -> Bool {
        let wa = a.frontMatter.weight, wb = b.frontMatter.weight
        if wa != wb {
            if wa == 0 { return false }
            if wb == 0 { return true }
            return wa < wb
        }
        let da = a.frontMatter.date?.epochSeconds ?? Int64.min, db = b.frontMatter.date?.epochSeconds ?? Int64.min
        if da != db { return da > db }
        if a.title != b.title { return a.title < b.title }
        return a.urlPath < b.urlPath
    }
}

extension SiteModel {
    /// Assembles the model from loaded content; returns every problem found.
    static func build(content: ContentLoader.Result, config: SiteConfig, theme: Theme,
                      resume: SiteResume? = nil) -> (SiteModel?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var home = Page.generated(kind: .home, title: config.title, urlPath: "")
        var sectionPages: [String: Page] = [:]
        var regular: [Page] = []
        for page in content.pages {
            switch page.kind {
            case .home:
                home = page
            case .section: sectionPages[page.section] = page
            default: regular.append(page)
            }
        }
        for page in content.pages {
            if let template = page.frontMatter.template, !theme.layouts.contains(template) {
                diagnostics.append(Diagnostic(path: page.sourcePath, line: page.frontMatter.templateLine,
                                              column: page.frontMatter.templateColumn,
                                              message: "template '\(template)' is not a layout of theme '\(theme.name)' (layouts: \(theme.layouts.sorted().joined(separator: ", ")))"))
            }
        }

        // Sections: every content folder holding pages or an _index.md, plus their parents.
        var sectionPaths = Set(regular.map(\.section)).union(sectionPages.keys)
        for path in sectionPaths { var p = path; while !p.isEmpty { p = ContentLoader.folder(of: p); sectionPaths.insert(p) } }
        sectionPaths.remove("")
        let grouped = Dictionary(grouping: regular, by: \.section)
        let sections = sectionPaths.sorted().map { path -> Section in
            let page = sectionPages[path] ?? Page.generated(
                kind: .section, title: ContentLoader.titleFromFileName(String(path.split(separator: "/").last ?? "")),
                urlPath: path + "/", section: path)
            let subsections = sectionPaths.filter { ContentLoader.folder(of: $0) == path && $0 != path }.sorted()
            return Section(path: path, page: page, pages: (grouped[path] ?? []).sorted(by: listOrder), subsections: subsections)
        }

        // Tags, by slug so "Swift" and "swift" are one tag.
        var tagsBySlug: [String: Tag] = [:]
        for page in regular.sorted(by: listOrder) {
            for name in page.frontMatter.tags {
                let slug = Slug.make(name)
                guard !slug.isEmpty else {
                    diagnostics.append(Diagnostic(path: page.sourcePath, line: 1, column: 1, message: "tag \"\(name)\" has no letters or digits to make a URL from"))
                    continue
                }
                tagsBySlug[slug, default: Tag(name: name, slug: slug, pages: [])].pages.append(page)
            }
        }
        let tags = tagsBySlug.values.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }

        // Resources: files in a page bundle follow the page's URL (its slug may differ from the folder).
        var bundleURL: [String: String] = [:]
        for page in regular where page.sourcePath.hasSuffix("/index.md") {
            bundleURL[ContentLoader.folder(of: String(page.sourcePath.dropFirst("content/".count)))] = page.urlPath
        }
        let resources = content.resources.map { resource -> ContentLoader.Resource in
            var copy = resource
            let folder = ContentLoader.folder(of: resource.outputPath)
            if let url = bundleURL[folder] {
                copy.outputPath = url + resource.source.lastPathComponent
            }
            return copy
        }

        var model = SiteModel(home: home, regularPages: regular, sections: sections, tags: tags, aliases: [], resources: resources)
        model.resume = resume
        var claims = URLClaims()
        diagnostics += claims.claimPages(model)
        let (aliases, aliasProblems) = claims.aliases(for: regular + sections.map(\.page) + [home])
        model.aliases = aliases
        diagnostics += aliasProblems
        return (diagnostics.contains { $0.severity == .error } ? nil : model, diagnostics)
    }
}

/// Keeps track of which output path belongs to whom, to report two claims on one URL.
private struct URLClaims {
    var owners: [String: String] = [:]

    mutating func claim(_ outputPath: String, by owner: String, line: Int = 1) -> Diagnostic? {
        if let existing = owners[outputPath] {
            let file = [owner, existing].first { $0.hasPrefix("content/") } ?? "content"
            return Diagnostic(path: file, line: file == owner ? line : (file == "content" ? 0 : 1), column: 1,
                              message: "/\(outputPath) is claimed twice: by \(existing.isEmpty ? "a generated page" : existing) and by \(owner.isEmpty ? "a generated page" : owner); change a slug or rename a file")
        }
        owners[outputPath] = owner
        return nil
    }

    mutating func claimPages(_ model: SiteModel) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func owner(_ page: Page) -> String {
            if page.kind == .resume { return "the resume page /resume/ (folio.yaml resume:)" }
            return page.sourcePath.isEmpty ? "the \(page.kind.rawValue) page /\(page.urlPath)" : page.sourcePath
        }
        for page in model.allPages {
            if let problem = claim(page.urlPath + "index.html", by: owner(page)) { problems.append(problem) }
        }
        if !model.tags.isEmpty {
            if let problem = claim("tags/index.html", by: "the tags index /tags/") { problems.append(problem) }
            for tag in model.tags {
                if let problem = claim(tag.urlPath + "index.html", by: "the tag page /\(tag.urlPath)") { problems.append(problem) }
            }
        }
        return problems
    }

    /// Checks and claims every alias; an alias may not leave the output folder.
    mutating func aliases(for pages: [Page]) -> ([SiteModel.Alias], [Diagnostic]) {
        var aliases: [SiteModel.Alias] = []
        var problems: [Diagnostic] = []
        for page in pages {
            for (index, alias) in page.frontMatter.aliases.enumerated() {
                let line = index < page.frontMatter.aliasLines.count ? page.frontMatter.aliasLines[index] : 0
                guard let path = OutputPath.normalize(alias, defaultFile: "index.html") else {
                    problems.append(Diagnostic(path: page.sourcePath, line: line,
                                               message: "alias \"\(alias)\" would be written outside the output folder; use a path inside the site like /old/url/"))
                    continue
                }
                if let problem = claim(path, by: page.sourcePath, line: line) {
                    problems.append(problem)
                    continue
                }
                aliases.append(.init(outputPath: path, target: page))
            }
        }
        return (aliases, problems)
    }
}

/// Output paths are relative, `/`-separated, and never leave the output folder.
enum OutputPath {
    /// Turns a site path (`/old/url/`, `old.html`) into an output file path
    /// (`old/url/index.html`, `old.html`); nil if it would escape the output folder or is empty.
    static func normalize(_ sitePath: String, defaultFile: String) -> String? {
        let withoutQuery = sitePath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let decoded = withoutQuery.removingPercentEncoding ?? withoutQuery
        guard !decoded.contains("\\"), !decoded.contains("\0") else { return nil }
        var components: [Substring] = []
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { return nil }
            components.append(component)
        }
        guard !components.isEmpty else { return nil }
        let joined = components.joined(separator: "/")
        let last = components.last!
        if last.contains(".") && !sitePath.hasSuffix("/") { return joined }
        return joined + "/" + defaultFile
    }
}
