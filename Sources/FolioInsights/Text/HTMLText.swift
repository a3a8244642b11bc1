import Foundation

/// The readable text of an HTML document or fragment: tags removed, `script`, `style`,
/// `noscript`, `template` and comments dropped with their content, entities decoded, block
/// elements (`p`, `li`, `h1`, `br`, ...) turned into line breaks and list items into `- `.
///
/// ```swift
/// HTMLText.text("<p>Hello &amp; <b>welcome</b></p><script>x()</script>")  // "Hello & welcome"
/// ```
public enum HTMLText {
    /// The text of `html`.
    public static func text(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count / 2)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            rest = rest[open...]
            guard let next = rest.dropFirst().first, next.isLetter || next == "/" || next == "!" else {
                output.append(rest.removeFirst())
                continue
            }
            if rest.hasPrefix("<!--") {
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { output += rest; rest = ""; break }
            let tag = tagName(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            if droppedElements.contains(tag) {
                rest = rest.range(of: "</\(tag)", options: .caseInsensitive).map { rest[$0.upperBound...] } ?? ""
                if let end = rest.firstIndex(of: ">") { rest = rest[rest.index(after: end)...] }
            } else if tag == "li" {
                output += "\n- "
            } else if blockElements.contains(tag) || blockElements.contains(String(tag.drop { $0 == "/" })) {
                output += "\n"
            } else {
                output += " "
            }
        }
        output += rest
        return tidy(Entities.decode(output))
    }

    /// The lower-cased name of a tag from what is between `<` and `>` (`/p` for `</p>`).
    static func tagName(_ inside: Substring) -> String {
        let closing = inside.hasPrefix("/")
        let name = (closing ? inside.dropFirst() : inside).prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return (closing ? "/" : "") + name.lowercased()
    }

    /// Lines trimmed, runs of spaces folded, at most one blank line in a row.
    static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let folded = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || $0 == "\r" }).joined(separator: " ")
            if folded.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(folded == "-" ? "" : folded)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static let droppedElements: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "iframe", "object"]
    static let blockElements: Set<String> = [
        "p", "div", "br", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "blockquote", "pre", "dd", "dt", "dl", "hr", "main", "nav", "aside", "title", "body", "html",
    ]
}

