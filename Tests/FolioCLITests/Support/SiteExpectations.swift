import FolioCore
import Foundation

/// What a build of a site should produce, worked out from its content files by a reader
/// much simpler than Folio's own (top-level `key: value` lines and `[a, b]` or `- a`
/// lists), so the tests do not restate the example's page list by hand.
struct SiteExpectations {
    /// A content file and what its front matter says.
    struct ContentFile {
        var relative: String  // relative to content/
        var fields: [String: String]
        var lists: [String: [String]]

        var draft: Bool { fields["draft"] == "true" }
        var tags: [String] { lists["tags"] ?? [] }
        var aliases: [String] { lists["aliases"] ?? [] }
        var title: String? { fields["title"].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) } }

        private var folder: String {
            (relative as NSString).deletingLastPathComponent
        }
        private var baseName: String {
            ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
        }

        var isSection: Bool { baseName == "_index" && !folder.isEmpty }
        var isHome: Bool { folder.isEmpty && (baseName == "index" || baseName == "_index") }

        /// The page's folder in the output, ending in `/` ("" for home).
        var urlPath: String {
            if isHome { return "" }
            if isSection { return folder + "/" }
            if baseName == "index" {  // a page bundle: content/projects/x/index.md
                let parent = (folder as NSString).deletingLastPathComponent
                let name = fields["slug"] ?? (folder as NSString).lastPathComponent
                return (parent.isEmpty ? "" : parent + "/") + name + "/"
            }
            return (folder.isEmpty ? "" : folder + "/") + (fields["slug"] ?? baseName) + "/"
        }

        /// The section a regular page is listed in ("" at the top).
        var section: String { isSection || isHome ? "" : (urlPath.split(separator: "/").dropLast().joined(separator: "/")) }
    }

    let site: URL
    let files: [ContentFile]
    let baseURL: String
    let paginate: Int
    let theme: String

    init(site: URL) throws {
        self.site = site
        let config = try Files.read(site.appendingPathComponent("folio.yaml"))
        let settings = Self.topLevelFields(config)
        baseURL = settings["baseURL"] ?? "http://localhost/"
        paginate = settings["paginate"].flatMap(Int.init) ?? 10
        theme = settings["theme"] ?? "portfolio"
        let content = site.appendingPathComponent("content")
        files = Files.all(under: content).filter { $0.hasSuffix(".md") }.sorted().map { relative in
            let text = (try? Files.read(content.appendingPathComponent(relative))) ?? ""
            let (fields, lists) = Self.frontMatter(text)
            return ContentFile(relative: relative, fields: fields, lists: lists)
        }
    }

    func published(drafts: Bool) -> [ContentFile] {
        files.filter { drafts || !$0.draft }
    }

    func regularPages(drafts: Bool = false) -> [ContentFile] {
        published(drafts: drafts).filter { !$0.isSection && !$0.isHome }
    }

    var drafts: [ContentFile] { files.filter(\.draft) }

    /// Tag slugs used by the published pages.
    func tagSlugs(drafts: Bool = false) -> Set<String> {
        Set(published(drafts: drafts).flatMap(\.tags).map(Slug.make))
    }

    /// Output folders of every list page of every section, including `page/N/` ones.
    func sectionListPaths(drafts: Bool = false) -> [String] {
        var result: [String] = []
        for section in published(drafts: drafts).filter(\.isSection) {
            let count = regularPages(drafts: drafts).filter { $0.section == String(section.urlPath.dropLast()) }.count
            result.append(section.urlPath)
            let pages = max(1, (count + paginate - 1) / paginate)
            if pages > 1 { result += (2...pages).map { "\(section.urlPath)page/\($0)/" } }
        }
        return result
    }

    /// Every HTML page the build must write (relative paths of their index.html files).
    func htmlPages(drafts: Bool = false) -> [String] {
        var folders = [""] + regularPages(drafts: drafts).map(\.urlPath) + sectionListPaths(drafts: drafts)
        let tags = tagSlugs(drafts: drafts)
        if !tags.isEmpty { folders += ["tags/"] + tags.map { "tags/\($0)/" } }
        return folders.map { $0 + "index.html" }
    }

    /// Absolute URL of a site-relative folder.
    func permalink(_ urlPath: String) -> String {
        baseURL + urlPath
    }

    /// Alias folders (without leading slash, ending in `/`) and the page each points to.
    func aliases(drafts: Bool = false) -> [(alias: String, target: ContentFile)] {
        published(drafts: drafts).flatMap { file in
            file.aliases.map { alias in
                var path = alias.hasPrefix("/") ? String(alias.dropFirst()) : alias
                if !path.hasSuffix("/") && !path.hasSuffix(".html") { path += "/" }
                return (path, file)
            }
        }
    }

    /// Theme asset files, relative to the theme's `assets/` folder (bundled themes only).
    func themeAssets() -> Set<String> {
        Files.all(under: Folio.packageRoot.appendingPathComponent("Themes/\(theme)/assets"))
    }

    // MARK: - A deliberately small YAML reader

    static func topLevelFields(_ yaml: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let first = line.first, first != " ", first != "#", first != "-",
                  let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { fields[key] = value }
        }
        return fields
    }

    /// Scalars and lists of a content file's front matter.
    static func frontMatter(_ text: String) -> ([String: String], [String: [String]]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return ([:], [:]) }
        var fields: [String: String] = [:], lists: [String: [String]] = [:]
        var openList: String?
        for line in lines[1..<end] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let key = openList, trimmed.hasPrefix("- ") {
                lists[key, default: []].append(String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces))
                continue
            }
            openList = nil
            guard !line.hasPrefix(" "), !trimmed.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.isEmpty {
                openList = key
            } else if value.hasPrefix("["), value.hasSuffix("]") {
                lists[key] = value.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } else {
                fields[key] = value
            }
        }
        return (fields, lists)
    }
}
