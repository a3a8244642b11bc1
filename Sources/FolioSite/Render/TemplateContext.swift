import FolioCore
import Foundation

/// Builds the plain dictionaries Mustache templates see. The keys are documented in
/// `docs/themes.md`; keep the two in step.
struct TemplateContext: Sendable {
    let config: SiteConfig
    let model: SiteModel
    /// The `site` object, the same for every page.
    let site: PlainBox
    /// What every page's output depends on besides its own data.
    let fingerprint: Fingerprint

    init(config: SiteConfig, model: SiteModel, theme: Theme, buildYear: Int) {
        self.config = config
        self.model = model
        var site: [String: Any] = [
            "title": config.title,
            "baseURL": config.baseURL,
            "root": config.rootPath,
            "language": config.language,
            "params": config.params,
            "year": buildYear,
            "generator": "Folio",
            "feedURL": config.rootPath + "atom.xml",
            "author": Self.author(config.author, rootPath: config.rootPath),
        ]
        site["sections"] = model.sections.filter { !$0.path.contains("/") }.map { section in
            ["title": section.page.title, "url": config.rootPath + URLPath.encode(section.page.urlPath),
             "name": section.path, "count": section.pages.count] as [String: Any]
        }
        site["tags"] = model.tags.map { Self.tagLink($0, root: config.rootPath) }
        site["hasTags"] = !model.tags.isEmpty
        if !config.description.isEmpty { site["description"] = config.description }
        self.site = PlainBox(value: site)

        var fingerprint = Fingerprint()
        fingerprint.add(config.fingerprint)
        fingerprint.add(theme.fingerprint)
        fingerprint.add(UInt64(buildYear))
        fingerprint.add(config.baseURL)
        for section in model.sections {
            fingerprint.add(section.path)
            fingerprint.add(section.page.title)
            fingerprint.add(UInt64(section.pages.count))
        }
        for tag in model.tags {
            fingerprint.add(tag.name)
            fingerprint.add(UInt64(tag.pages.count))
        }
        self.fingerprint = fingerprint
    }

    static func author(_ author: SiteConfig.Author, rootPath: String) -> [String: Any] {
        let image = author.image.hasPrefix("/") ? rootPath + author.image.dropFirst() : author.image
        return nonEmpty([
            "name": author.name, "email": author.email, "url": author.url, "image": image,
            "jobTitle": author.jobTitle, "description": author.description, "location": author.location,
            "sameAs": author.sameAs,
        ])
    }

    /// Mustache treats "" as true in `{{#key}}`; leaving empty values out lets templates
    /// write `{{#site.author.email}}...{{/site.author.email}}`.
    static func nonEmpty(_ values: [String: Any]) -> [String: Any] {
        values.filter { _, value in
            if let text = value as? String { return !text.isEmpty }
            if let list = value as? [Any] { return !list.isEmpty }
            return true
        }
    }

    static func tagLink(_ tag: SiteModel.Tag, root: String) -> [String: Any] {
        ["name": tag.name, "url": root + URLPath.encode(tag.urlPath), "count": tag.pages.count]
    }

    func url(_ urlPath: String) -> String { config.rootPath + URLPath.encode(urlPath) }
    func permalink(_ urlPath: String) -> String { config.origin + url(urlPath) }

    /// The `page` object: everything about one page.
    func page(_ page: Page, withContent: Bool) -> [String: Any] {
        let matter = page.frontMatter
        var result: [String: Any] = [
            "kind": page.kind.rawValue,
            "title": page.title,
            "url": url(page.urlPath),
            "permalink": permalink(page.urlPath),

            "section": page.section,
            "params": matter.params,
            "wordCount": page.markdown.wordCount,
            "readingTime": page.readingTime,
            "weight": matter.weight,
            "draft": matter.draft,
        ]
        if withContent {
            let html = page.markdown.html
            if !html.isEmpty { result["content"] = html }
            let toc = page.markdown.headings.filter { $0.level >= 2 && $0.level <= 3 }
            if toc.count >= 2 {
                result["toc"] = toc.map { ["level": $0.level, "text": $0.text, "id": $0.id] as [String: Any] }
            }
        }
        if !page.summary.isEmpty { result["summary"] = page.summary }
        if !page.metaDescription.isEmpty { result["description"] = page.metaDescription }
        if let date = matter.date { result["date"] = Self.date(date) }
        if let updated = matter.updated { result["updated"] = Self.date(updated) }
        if !matter.tags.isEmpty {
            result["tags"] = matter.tags.map { name in
                ["name": name, "url": url("tags/\(Slug.make(name))/")] as [String: Any]
            }
        }
        return result
    }

    static func date(_ date: DateValue) -> [String: Any] {
        ["iso": date.iso8601, "date": date.isoDate, "display": date.display, "year": date.year,
         "monthYear": date.monthYear, "text": date.text]
    }

    /// The main menu with `active` set for the item the page is under.
    func menus(for page: Page) -> [String: Any] {
        var menus: [String: Any] = [:]
        let here = url(page.urlPath)
        for (name, items) in config.menus {
            menus[name] = items.map { item -> [String: Any] in
                let href = item.url.hasPrefix("/") ? config.rootPath + item.url.dropFirst() : item.url
                let active = href == here || (href != config.rootPath && href.hasSuffix("/") && here.hasPrefix(href))
                return ["name": item.name, "url": href, "active": active]
            }
        }
        return menus
    }

    /// `<head>` material: title, description, canonical URL, Open Graph, feed, JSON-LD.
    func meta(for page: Page, pageNumber: Int = 1) -> [String: Any] {
        let isHome = page.kind == .home
        var title = isHome || page.title.isEmpty ? config.title : "\(page.title) · \(config.title)"
        if pageNumber > 1 { title = "\(page.title.isEmpty ? config.title : page.title) (page \(pageNumber)) · \(config.title)" }
        let description = isHome && page.metaDescription.isEmpty ? config.description : page.metaDescription
        let canonicalPath = pageNumber > 1 ? page.urlPath + "page/\(pageNumber)/" : page.urlPath
        var meta: [String: Any] = [
            "title": title,
            "canonical": page.kind == .notFound ? permalink("404.html") : permalink(canonicalPath),
            "ogType": page.kind == .page && page.frontMatter.date != nil ? "article" : "website",
            "language": config.language,
            "feedURL": feedURL(for: page),
        ]
        // A page's own image is relative to the page (a bundle's picture); the author's to the site.
        if let image = page.frontMatter.params["image"] as? String, !image.isEmpty {
            meta["ogImage"] = absolute(image, base: page.urlPath)
        } else if !config.author.image.isEmpty {
            meta["ogImage"] = absolute(config.author.image)
        }
        if !description.isEmpty { meta["description"] = description }
        if page.kind == .notFound { meta["noindex"] = true }
        if isHome { meta["jsonLD"] = personJSONLD() }
        return meta
    }

    func feedURL(for page: Page) -> String {
        if page.kind == .section, model.sections.first(where: { $0.path == page.section })?.pages
            .contains(where: { $0.frontMatter.date != nil }) == true {
            return url(page.urlPath) + "atom.xml"
        }
        return config.rootPath + "atom.xml"
    }

    /// An absolute URL for a link written in folio.yaml or front matter: `https://...` as
    /// is, `/x` from the site root, anything else from `base` (the site root by default).
    func absolute(_ link: String, base: String = "") -> String {
        if link.hasPrefix("http://") || link.hasPrefix("https://") { return link }
        if link.hasPrefix("/") { return config.origin + config.rootPath + link.dropFirst() }
        return config.origin + config.rootPath + URLPath.encode(base) + link
    }

    /// A site-relative URL for a link from folio.yaml: `/x` gets the site's root path.
    func siteURL(_ link: String) -> String {
        link.hasPrefix("/") && !link.hasPrefix("//") ? config.rootPath + link.dropFirst() : link
    }

    /// schema.org `ProfilePage` about a `Person`, safe to put inside `<script>`.
    func personJSONLD() -> String {
        let author = config.author
        var fields: [(String, String)] = [("@type", "\"Person\""), ("name", Escape.jsonString(author.name.isEmpty ? config.title : author.name))]
        if !author.jobTitle.isEmpty { fields.append(("jobTitle", Escape.jsonString(author.jobTitle))) }
        if !author.description.isEmpty { fields.append(("description", Escape.jsonString(author.description))) }
        if !author.email.isEmpty { fields.append(("email", Escape.jsonString("mailto:" + author.email))) }
        if !author.image.isEmpty { fields.append(("image", Escape.jsonString(absolute(author.image)))) }
        fields.append(("url", Escape.jsonString(author.url.isEmpty ? config.baseURL : author.url)))
        if !author.location.isEmpty {
            fields.append(("address", "{\"@type\": \"PostalAddress\", \"addressLocality\": \(Escape.jsonString(author.location))}"))
        }
        if !author.sameAs.isEmpty {
            fields.append(("sameAs", "[" + author.sameAs.map(Escape.jsonString).joined(separator: ", ") + "]"))
        }
        let person = "{" + fields.map { "\(Escape.jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        return "{\"@context\": \"https://schema.org\", \"@type\": \"ProfilePage\", \"url\": \(Escape.jsonString(config.baseURL)), \"mainEntity\": \(person)}"
    }
}

/// Percent-encoding for URL paths built from file names and slugs.
enum URLPath {
    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "?#;")
        return set
    }()

    static func encode(_ path: String) -> String {
        // Almost every path is plain ASCII that needs no escaping; Foundation's encoder
        // is slow enough to show up in profiles of large sites.
        if path.utf8.allSatisfy(isPlain) { return path }
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}
