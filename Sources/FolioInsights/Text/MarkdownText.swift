import Foundation

/// Plain text from Markdown, enough for keyword analysis: headings, emphasis, links,
/// images, code fences and HTML tags lose their syntax; list items keep a `- `.
public enum MarkdownText {
    /// The text of `markdown`.
    public static func text(_ markdown: String) -> String {
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("```") || text.hasPrefix("~~~") || text.allSatisfy({ "-=*_ ".contains($0) }) && text.count >= 3 {
                continue
            }
            text = String(text.drop { $0 == "#" || $0 == ">" }).trimmingCharacters(in: .whitespaces)
            if let first = text.first, "*+".contains(first), text.dropFirst().first == " " { text = "- " + text.dropFirst(2) }
            lines.append(inline(text))
        }
        return HTMLText.text(lines.joined(separator: "\n"))
    }

    /// `[label](url)` to `label`, `![alt](src)` to `alt`, emphasis and code marks removed.
    static func inline(_ line: String) -> String {
        var output = ""
        var rest = Substring(line)
        while let index = rest.firstIndex(where: { "[*_`!".contains($0) }) {
            output += rest[..<index]
            rest = rest[index...]
            if rest.hasPrefix("!["), let link = linkParts(rest.dropFirst()) {
                output += link.label
                rest = link.rest
            } else if rest.hasPrefix("["), let link = linkParts(rest) {
                output += link.label
                rest = link.rest
            } else if rest.first == "!" || rest.first == "[" {
                output.append(rest.removeFirst())
            } else {
                rest.removeFirst()
            }
        }
        return output + rest
    }

    static func linkParts(_ text: Substring) -> (label: Substring, rest: Substring)? {
        guard let close = text.firstIndex(of: "]") else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let after = text[text.index(after: close)...]
        guard after.hasPrefix("("), let end = after.firstIndex(of: ")") else { return nil }
        return (label, after[after.index(after: end)...])
    }
}
