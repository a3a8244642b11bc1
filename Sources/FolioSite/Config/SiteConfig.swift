import FolioCore
import Foundation
import Yams

/// The settings of a site, read from its `folio.yaml`.
///
/// ```yaml
/// title: Ada Lovelace
/// baseURL: https://ada.example/
/// language: en
/// theme: portfolio
/// author: { name: Ada Lovelace, email: ada@example.com, jobTitle: Engineer }
/// menus:
///   main:
///     - { name: Projects, url: /projects/, weight: 1 }
/// paginate: 10
/// markdown: { smartPunctuation: true, unsafe: false }
/// params: { tagline: Analytical engines, mostly }
/// ```
public struct SiteConfig: Sendable {
    public struct Author: Sendable {
        public var name = ""
        public var email = ""
        public var url = ""
        public var image = ""
        public var jobTitle = ""
        public var description = ""
        public var location = ""
        /// Profile links (GitHub, LinkedIn, ...), used as JSON-LD `sameAs`.
        public var sameAs: [String] = []
    }

    public struct MenuItem: Sendable {
        public var name: String
        public var url: String
        public var weight: Int
    }

    public var title = "My Site"
    /// Always ends with `/`.
    public var baseURL = "http://localhost/" {
        didSet { (rootPath, origin) = Self.split(baseURL) }
    }
    /// The path part of `baseURL`, percent-encoded, e.g. `/` or `/~ada/`; prefixed to every site URL.
    public private(set) var rootPath = "/"
    /// Scheme and host of `baseURL` without a trailing slash, e.g. `https://ada.example`.
    public private(set) var origin = "http://localhost"
    public var language = "en"
    public var description = ""
    public var theme = "portfolio"
    /// Where `theme:` is written in folio.yaml, to point at it when the theme is unknown.
    var themeLocation = (line: 0, column: 0)
    public var author = Author()
    public var menus: [String: [MenuItem]] = [:]
    /// Pages per list page.
    public var paginate = 10
    public var smartPunctuation = true
    /// Let raw HTML in Markdown through (GFM tagfilter still applies).
    public var unsafeHTML = false
    /// Write `.gz` files beside text outputs.
    public var gzip = true
    /// Entries in each Atom feed.
    public var feedLimit = 20
    /// A JSON Resume file (relative to the site) to publish at /resume/ in every format.
    public var resume: String?
    /// Where `resume:` is written, for errors about the file it names.
    var resumeLocation = (line: 0, column: 0)
    /// The resume design for PDF (and a theme without a `resume` layout); default: the theme's.
    public var resumeDesign: String?
    /// Anything under `params:`, for templates.
    public var params: [String: Any] {
        get { paramsBox.value }
        set { paramsBox = ParamsBox(value: newValue) }
    }
    private var paramsBox = ParamsBox(value: [:])
    /// Hash of the file's bytes: every output depends on it.
    var fingerprint = Fingerprint()

    public init() {}

    private static func split(_ baseURL: String) -> (root: String, origin: String) {
        guard let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host else {
            return ("/", String(baseURL.dropLast()))
        }
        let encoded = url.path.isEmpty ? "/" : URLPath.encode(url.path)
        let root = encoded.hasSuffix("/") ? encoded : encoded + "/"
        return (root, url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)")
    }
}

/// Values from YAML are immutable plain data; the box makes that explicit to the compiler.
private struct ParamsBox: @unchecked Sendable {
    let value: [String: Any]
}

extension SiteConfig {
    /// Reads `folio.yaml` (or `folio.yml`) from `siteDirectory`.
    public static func load(siteDirectory: URL) throws(DiagnosticError) -> SiteConfig {
        let candidates = ["folio.yaml", "folio.yml"]
        guard let name = candidates.first(where: {
            FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent($0).path)
        }) else {
            throw DiagnosticError(Diagnostic(
                path: siteDirectory.appendingPathComponent("folio.yaml").path,
                message: "no folio.yaml in \(siteDirectory.path); is this a site folder? (`folio init DIR` makes one)"))
        }
        let file = siteDirectory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: file.path),
              let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(Diagnostic(path: name, message: "cannot read the file as UTF-8 text"))
        }
        var config = try parse(text, path: name)
        config.fingerprint.add(text)
        return config
    }

    /// Parses the text of a `folio.yaml`; `path` is used in diagnostics.
    static func parse(_ text: String, path: String) throws(DiagnosticError) -> SiteConfig {
        let reader = YAMLReader(path: path, lineOffset: 0)
        let root = try reader.parse(text)
        var config = SiteConfig()
        for (key, keyNode, value) in try reader.mapping(root, what: "folio.yaml") {
            switch key {
            case "title": config.title = try reader.string(value, key: key)
            case "baseURL", "baseUrl", "base_url":
                config.baseURL = try parseBaseURL(reader.string(value, key: key), node: value, reader: reader)
            case "language", "languageCode": config.language = try reader.string(value, key: key)
            case "description": config.description = try reader.string(value, key: key)
            case "theme":
                config.theme = try reader.string(value, key: key)
                config.themeLocation = (value.mark?.line ?? 0, value.mark?.column ?? 0)
            case "author": config.author = try parseAuthor(value, reader: reader)
            case "menus", "menu": config.menus = try parseMenus(value, reader: reader)
            case "paginate":
                config.paginate = try reader.int(value, key: key)
                guard config.paginate > 0 else {
                    throw DiagnosticError(reader.error(value, "paginate must be at least 1"))
                }
            case "smartPunctuation": config.smartPunctuation = try reader.bool(value, key: key)
            case "unsafe": config.unsafeHTML = try reader.bool(value, key: key)
            case "gzip": config.gzip = try reader.bool(value, key: key)
            case "feedLimit": config.feedLimit = max(1, try reader.int(value, key: key))
            case "markdown":
                for (mdKey, _, mdValue) in try reader.mapping(value, what: "markdown") {
                    switch mdKey {
                    case "smartPunctuation": config.smartPunctuation = try reader.bool(mdValue, key: mdKey)
                    case "unsafe": config.unsafeHTML = try reader.bool(mdValue, key: mdKey)
                    default: throw DiagnosticError(reader.error(mdValue, "unknown markdown option '\(mdKey)' (known: smartPunctuation, unsafe)"))
                    }
                }
            case "params":
                config.params = YAMLReader.plain(value) as? [String: Any] ?? [:]
            case "resume":
                config.resume = try reader.string(value, key: key)
                config.resumeLocation = (value.mark?.line ?? 0, value.mark?.column ?? 0)
            case "resumeDesign": config.resumeDesign = try reader.string(value, key: key)
            default:
                throw DiagnosticError(reader.error(keyNode, "unknown setting '\(key)'; put custom values under 'params:'"))
            }
        }
        return config
    }

    private static func parseBaseURL(_ text: String, node: Node, reader: YAMLReader) throws(DiagnosticError) -> String {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw DiagnosticError(reader.error(node, "baseURL \"\(text)\" must be an absolute http(s) URL, like https://example.com/"))
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    private static func parseAuthor(_ node: Node, reader: YAMLReader) throws(DiagnosticError) -> Author {
        if case .scalar = node { return Author(name: try reader.string(node, key: "author")) }
        var author = Author()
        for (key, _, value) in try reader.mapping(node, what: "author") {
            switch key {
            case "name": author.name = try reader.string(value, key: key)
            case "email": author.email = try reader.string(value, key: key)
            case "url": author.url = try reader.string(value, key: key)
            case "image": author.image = try reader.string(value, key: key)
            case "jobTitle", "label": author.jobTitle = try reader.string(value, key: key)
            case "description", "summary": author.description = try reader.string(value, key: key)
            case "location": author.location = try reader.string(value, key: key)
            case "sameAs", "profiles": author.sameAs = try reader.strings(value, key: key)
            default: throw DiagnosticError(reader.error(value, "unknown author field '\(key)' (known: name, email, url, image, jobTitle, description, location, sameAs)"))
            }
        }
        return author
    }

    private static func parseMenus(_ node: Node, reader: YAMLReader) throws(DiagnosticError) -> [String: [MenuItem]] {
        var menus: [String: [MenuItem]] = [:]
        for (menuName, _, itemsNode) in try reader.mapping(node, what: "menus") {
            guard case .sequence(let items) = itemsNode else {
                throw DiagnosticError(reader.error(itemsNode, "menu '\(menuName)' must be a list of { name, url, weight }"))
            }
            var parsed: [MenuItem] = []
            for (index, item) in items.enumerated() {
                var name = "", url = "", weight = index + 1
                for (key, _, value) in try reader.mapping(item, what: "a menu item") {
                    switch key {
                    case "name": name = try reader.string(value, key: key)
                    case "url": url = try reader.string(value, key: key)
                    case "weight": weight = try reader.int(value, key: key)
                    default: throw DiagnosticError(reader.error(value, "unknown menu item field '\(key)' (known: name, url, weight)"))
                    }
                }
                guard !name.isEmpty, !url.isEmpty else {
                    throw DiagnosticError(reader.error(item, "a menu item needs both 'name' and 'url'"))
                }
                parsed.append(MenuItem(name: name, url: url, weight: weight))
            }
            menus[menuName] = parsed.sorted { ($0.weight, $0.name) < ($1.weight, $1.name) }
        }
        return menus
    }
}
