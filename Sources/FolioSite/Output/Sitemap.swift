import FolioCore
/// `sitemap.xml` (sitemaps.org 0.9) listing every page with its last change.
struct Sitemap {
    let context: TemplateContext

    func xml() -> String {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """
        var entries: [(String, String?)] = context.model.allPages.map { page in
            (page.urlPath, (page.frontMatter.updated ?? page.frontMatter.date)?.iso8601)
        }
        if !context.model.tags.isEmpty {
            entries.append(("tags/", nil))
            entries += context.model.tags.map { ($0.urlPath, nil) }
        }
        for (path, lastmod) in entries.sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url><loc>\(Escape.xml(context.permalink(path)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}

/// An Atom (RFC 4287) feed of dated pages, newest first, with full content.
struct AtomFeed {
    let context: TemplateContext
    let limit: Int

    func xml(title: String, urlPath: String, pages: [Page]) -> String {
        let entries = pages.prefix(limit)
        let updated = entries.compactMap { ($0.frontMatter.updated ?? $0.frontMatter.date) }.max()?.iso8601
            ?? "1970-01-01T00:00:00Z"
        let feedURL = context.permalink(urlPath + "atom.xml")
        let author = context.config.author.name.isEmpty ? context.config.title : context.config.author.name
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escape.xml(context.config.language))">
          <title>\(Escape.xml(title))</title>
          <id>\(Escape.xml(feedURL))</id>
          <link rel="self" type="application/atom+xml" href="\(Escape.xml(feedURL))"/>
          <link rel="alternate" type="text/html" href="\(Escape.xml(context.permalink(urlPath)))"/>
          <updated>\(updated)</updated>
          <author><name>\(Escape.xml(author))</name></author>
          <generator>Folio</generator>

        """
        for page in entries {
            let link = Escape.xml(context.permalink(page.urlPath))
            let published = page.frontMatter.date?.iso8601 ?? updated
            xml += """
              <entry>
                <title>\(Escape.xml(page.title))</title>
                <id>\(link)</id>
                <link rel="alternate" type="text/html" href="\(link)"/>
                <published>\(published)</published>
                <updated>\((page.frontMatter.updated ?? page.frontMatter.date)?.iso8601 ?? published)</updated>
                <summary>\(Escape.xml(page.summary))</summary>
            \(page.frontMatter.tags.map { "    <category term=\"\(Escape.xml($0))\"/>\n" }.joined())    <content type="html">\(Escape.xml(page.markdown.html))</content>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}
