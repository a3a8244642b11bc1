import FolioCore

/// One page of the site: a content file, or a page Folio makes (section lists, tags, 404).
///
/// A class, so that the lists, sections and tags that hold a page share it instead of
/// copying it (sorting 10,000 structs of this size showed up in profiles).
public final class Page: Sendable {
    public enum Kind: String, Sendable {
        case home, page, section, tag, tags, resume, notFound = "404"
    }

    public let kind: Kind
    /// The content file, relative to the site (`content/posts/hello.md`); empty for generated pages.
    public let sourcePath: String
    public let frontMatter: FrontMatter
    public let markdown: RenderedMarkdown
    /// Line of the file where the Markdown body starts.
    public let bodyLine: Int
    /// Output folder relative to the site root, ending in `/` (`posts/hello/`); empty for home.
    public let urlPath: String
    /// Content folder this page belongs to (`posts`, `projects/2024`); empty at the top.
    public let section: String
    /// Hash of the source file's bytes.
    let sourceFingerprint: Fingerprint

    public var title: String { frontMatter.title ?? "" }

    /// The summary shown in lists and meta descriptions: front matter `summary`, then
    /// `description`, then the first paragraph cut at a word near 240 characters.
    public var summary: String {
        if let summary = frontMatter.summary, !summary.isEmpty { return summary }
        if let description = frontMatter.description, !description.isEmpty { return description }
        return Self.truncate(markdown.firstParagraph, to: 240)
    }

    /// For `<meta name="description">`: `description`, else the summary.
    public var metaDescription: String {
        if let description = frontMatter.description, !description.isEmpty { return description }
        return summary
    }

    /// Minutes to read at 200 words a minute, at least 1.
    public var readingTime: Int { max(1, (markdown.wordCount + 199) / 200) }

    static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    init(kind: Kind, sourcePath: String, frontMatter: FrontMatter, markdown: RenderedMarkdown, bodyLine: Int,
         urlPath: String, section: String, sourceFingerprint: Fingerprint) {
        self.kind = kind
        self.sourcePath = sourcePath
        self.frontMatter = frontMatter
        self.markdown = markdown
        self.bodyLine = bodyLine
        self.urlPath = urlPath
        self.section = section
        self.sourceFingerprint = sourceFingerprint
    }

    /// A page with no content file behind it.
    static func generated(kind: Kind, title: String, urlPath: String, section: String = "") -> Page {
        var matter = FrontMatter()
        matter.title = title
        return Page(kind: kind, sourcePath: "", frontMatter: matter,
                    markdown: RenderedMarkdown(htmlText: .string(""), headings: [], links: [], firstParagraph: "", wordCount: 0),
                    bodyLine: 1, urlPath: urlPath, section: section, sourceFingerprint: Fingerprint())
    }
}
