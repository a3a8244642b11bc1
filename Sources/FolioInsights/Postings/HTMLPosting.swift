import FolioCore
import Foundation

/// A posting from an HTML page: the page's `JobPosting` JSON-LD when it has one (what
/// job sites embed for search engines), else its visible text, titled by its first `h1`
/// or its `title`.
enum HTMLPosting {
    static func posting(_ html: String) -> Posting {
        let text = HTMLText.text(html)
        for block in jsonLDBlocks(html) {
            guard let (value, _) = try? JSONParser.parse(block, path: "") else { continue }
            if var posting = JobPostingLD.find(in: value).first.map(JobPostingLD.posting) {
                if posting.text.trimmingWhitespace().isEmpty { posting.text = text }
                posting.source = "html"
                return posting
            }
        }
        // The page title often says "Role | Company"; the h1, when there is one, is the role.
        var posting = PostingImporter.plainPosting(text, source: "html", heading: element("title", in: html))
        if let heading = element("h1", in: html) { posting.title = heading }
        posting.text = text
        return posting
    }

    /// The contents of every `<script type="application/ld+json">`.
    static func jsonLDBlocks(_ html: String) -> [String] {
        var blocks: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "application/ld+json", options: .caseInsensitive) {
            rest = rest[start.upperBound...]
            guard let open = rest.firstIndex(of: ">"), let close = rest.range(of: "</script", options: .caseInsensitive) else { break }
            guard open < close.lowerBound else { continue }
            blocks.append(String(rest[rest.index(after: open)..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    /// The text of the first `<name>` element.
    static func element(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "<\(name)", options: .caseInsensitive),
              let open = html[start.upperBound...].firstIndex(of: ">"),
              let close = html[open...].range(of: "</\(name)", options: .caseInsensitive) else { return nil }
        let text = HTMLText.text(String(html[html.index(after: open)..<close.lowerBound]))
        return text.isEmpty ? nil : text
    }
}
