import FolioCore
import Foundation

/// Plain text for applicant tracking systems: one column, no tables, section headings
/// in capitals, dates in one format, lines wrapped at 80 columns.
public struct ResumeTextRenderer: Sendable {
    public var width = 80

    public init() {}

    public func render(_ resume: ResumeDocument) -> String {
        var lines: [String] = [resume.name.uppercased()]
        if let label = resume.label { lines.append(label) }
        let contacts = resume.contacts.map { link -> String in
            guard let url = link.url, !url.hasPrefix("mailto:"), !url.hasPrefix("tel:"), link.label != ResumeDocument.shortURL(url) else {
                return link.label
            }
            return "\(link.label) (\(url))"
        }
        lines += wrapSegments(contacts, separator: " | ")
        if let summary = resume.summary {
            lines += ["", "SUMMARY"] + wrap(summary, indent: "")
        }
        for section in resume.sections {
            lines += ["", section.title.uppercased()]
            for entry in section.entries {
                lines += entryLines(entry, compact: section.isCompact)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func entryLines(_ entry: ResumeDocument.Entry, compact: Bool) -> [String] {
        if compact {
            var line = entry.title
            if let subtitle = entry.subtitle { line += " (\(subtitle))" }
            if !entry.keywords.isEmpty { line += ": " + entry.keywords.joined(separator: ", ") }
            return wrap(line, indent: "", hanging: "  ")
        }
        var lines: [String] = []
        lines += wrap([entry.title, entry.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "), indent: "")
        let details = [entry.location, entry.plainDates].compactMap { $0 }
        if !details.isEmpty { lines += wrap(details.joined(separator: " | "), indent: "") }
        if let url = entry.url { lines.append(url) }
        if let summary = entry.summary { lines += wrap(summary, indent: "") }
        for bullet in entry.bullets { lines += wrap(bullet, indent: "  - ", hanging: "    ") }
        if !entry.keywords.isEmpty { lines += wrap("Keywords: " + entry.keywords.joined(separator: ", "), indent: "") }
        lines.append("")
        if lines.last == "" { lines.removeLast() }
        return [""] + lines
    }

    /// Joins `segments` with `separator`, breaking lines only between segments.
    func wrapSegments(_ segments: [String], separator: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for segment in segments {
            if line.isEmpty {
                line = segment
            } else if line.count + separator.count + segment.count > width {
                lines.append(line)
                line = segment
            } else {
                line += separator + segment
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Greedy word wrap; a word longer than the line (a URL) gets a line of its own.
    func wrap(_ text: String, indent: String, hanging: String? = nil) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard !words.isEmpty else { return [] }
        var lines: [String] = []
        var line = indent
        var lineHasWord = false
        for word in words {
            let candidate = lineHasWord ? line + " " + word : line + word
            if candidate.count > width, lineHasWord {
                lines.append(line)
                line = (hanging ?? indent) + word
            } else {
                line = candidate
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}

/// Markdown that reads well on GitHub and in any Markdown viewer.
public struct ResumeMarkdownRenderer: Sendable {
    public init() {}

    public func render(_ resume: ResumeDocument) -> String {
        var out = "# \(escape(resume.name))\n\n"
        if let label = resume.label { out += "**\(escape(label))**\n\n" }
        let contacts = resume.contacts.map { link in
            link.url.map { "[\(escape(link.label))](\(destination($0)))" } ?? escape(link.label)
        }
        if !contacts.isEmpty { out += contacts.joined(separator: " · ") + "\n\n" }
        if let summary = resume.summary { out += "## Summary\n\n\(escape(summary))\n\n" }
        for section in resume.sections {
            out += "## \(section.title)\n\n"
            if section.isCompact {
                for entry in section.entries {
                    var line = "- **\(escape(entry.title))**"
                    if let subtitle = entry.subtitle { line += " (\(escape(subtitle)))" }
                    if !entry.keywords.isEmpty { line += ": " + entry.keywords.map(escape).joined(separator: ", ") }
                    out += line + "\n"
                }
                out += "\n"
                continue
            }
            for entry in section.entries {
                var heading = "### " + escape(entry.title)
                if let subtitle = entry.subtitle { heading += entry.title.isEmpty ? escape(subtitle) : " — " + escape(subtitle) }
                out += heading + "\n\n"
                let details = [entry.dates, entry.location].compactMap { $0 }.map(escape)
                if !details.isEmpty { out += "*" + details.joined(separator: " · ") + "*\n\n" }
                if let url = entry.url { out += "<\(destination(url))>\n\n" }
                if let summary = entry.summary { out += escape(summary) + "\n\n" }
                for bullet in entry.bullets { out += "- \(escape(bullet))\n" }
                if !entry.bullets.isEmpty { out += "\n" }
                if !entry.keywords.isEmpty { out += "Keywords: " + entry.keywords.map(escape).joined(separator: ", ") + "\n\n" }
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// Backslash-escapes what Markdown would read as formatting or HTML.
    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }

    /// A link destination that cannot break out of `(...)` or `<...>`.
    func destination(_ url: String) -> String {
        url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: ")", with: "%29")
            .replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: "<", with: "%3C")
    }
}
