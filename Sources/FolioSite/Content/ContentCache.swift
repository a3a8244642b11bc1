import FolioCore
import CoreFoundation  // struct stat is attributed to it once ZIPFoundation is linked
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What parsing one content file produced; cached between builds.
struct ParsedFile: Sendable {
    var frontMatter: FrontMatter
    var markdown: RenderedMarkdown
    var bodyLine: Int
    var fingerprint: Fingerprint
}

/// Parsed content files from the last build, keyed by path and checked by size and
/// modification time, so a rebuild reads and parses only the files that changed.
///
/// Kept in `SITE/.folio-cache/content.bin`. A cache that cannot be read (missing, from
/// another Folio version or other Markdown options, damaged) is ignored, never trusted.
struct ContentCache: Sendable {
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var modified: Int64  // nanoseconds
    }

    struct Entry: Sendable {
        var stamp: Stamp
        var parsed: ParsedFile
    }

    private static let magic = "folio-content-cache-3"
    let file: URL
    /// Changes when anything that affects parsing changes (Markdown options).
    let key: String

    /// The file's size and modification time, or nil if it cannot be read.
    static func stamp(of path: String) -> Stamp? {
        var info = Glibc.stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// What the cache holds, and how many records the file has (later records of a path
    /// replace earlier ones).
    func load() -> (entries: [String: Entry], records: Int) {
        guard let bytes = FileIO.read(file.path) else { return ([:], 0) }
        var reader = BinaryReader(bytes)
        guard reader.string() == Self.magic, reader.string() == key else { return ([:], 0) }
        var entries: [String: Entry] = [:]
        var records = 0
        while !reader.isAtEnd {
            // A record cut short (a crash while appending) ends the cache there.
            guard let path = reader.string(), let entry = Self.readEntry(&reader) else { break }
            entries[path] = entry
            records += 1
        }
        return (entries, records)
    }

    /// Appends `fresh` entries; rewrites the whole file from `all` when appending would
    /// leave it mostly stale records, or when there is no valid file yet.
    func save(fresh: [(String, Entry)], liveCount: Int, previousRecords: Int, all: () -> [String: Entry]) {
        let rewrite = previousRecords == 0 || previousRecords + fresh.count > 2 * liveCount + 64
        var writer = BinaryWriter()
        if rewrite {
            writer.string(Self.magic)
            writer.string(key)
        }
        for (path, entry) in rewrite ? all().sorted(by: { $0.key < $1.key }) : fresh {
            writer.string(path)
            Self.write(entry, to: &writer)
        }
        if rewrite {
            try? FileIO.write(writer.bytes, to: file.path)
        } else {
            FileIO.append(writer.bytes, to: file.path)
        }
    }

    private static func write(_ entry: Entry, to writer: inout BinaryWriter) {
        writer.int(Int(entry.stamp.size))
        writer.int(Int(entry.stamp.modified))
        let parsed = entry.parsed
        writer.u64(parsed.fingerprint.value)
        writer.int(parsed.bodyLine)
        let matter = parsed.frontMatter
        writer.optionalString(matter.title)
        writer.optionalString(matter.date?.text)
        writer.optionalString(matter.updated?.text)
        writer.bool(matter.draft)
        writer.optionalString(matter.slug)
        writer.strings(matter.tags)
        writer.optionalString(matter.summary)
        writer.optionalString(matter.description)
        writer.int(matter.weight)
        writer.strings(matter.aliases)
        writer.optionalString(matter.template)
        writer.int(matter.templateLine)
        writer.int(matter.templateColumn)
        writer.strings(matter.aliasLines.map(String.init))
        writer.plain(matter.params)
        let markdown = parsed.markdown
        writer.text(markdown.htmlText)
        writer.int(markdown.headings.count)
        for heading in markdown.headings {
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
        }
        writer.int(markdown.links.count)
        for link in markdown.links {
            writer.string(link.destination)
            writer.int(link.line)
            writer.int(link.column)
        }
        writer.string(markdown.firstParagraph)
        writer.int(markdown.wordCount)
    }

    private static func readEntry(_ reader: inout BinaryReader) -> Entry? {
        guard let size = reader.int(), let modified = reader.int(), let fingerprint = reader.u64(),
              let bodyLine = reader.int() else { return nil }
        var matter = FrontMatter()
        guard let title = reader.optionalString(), let date = reader.optionalString(), let updated = reader.optionalString(),
              let draft = reader.bool(), let slug = reader.optionalString(), let tags = reader.strings(),
              let summary = reader.optionalString(), let description = reader.optionalString(), let weight = reader.int(),
              let aliases = reader.strings(), let template = reader.optionalString(), let templateLine = reader.int(),
              let templateColumn = reader.int(), let aliasLines = reader.strings(),
              let params = reader.plain() as? [String: Any] else { return nil }
        matter.title = title
        matter.date = date.flatMap(DateValue.init)
        matter.updated = updated.flatMap(DateValue.init)
        matter.draft = draft
        matter.slug = slug
        matter.tags = tags
        matter.summary = summary
        matter.description = description
        matter.weight = weight
        matter.aliases = aliases
        matter.template = template
        matter.templateLine = templateLine
        matter.templateColumn = templateColumn
        matter.aliasLines = aliasLines.compactMap { Int($0) }
        matter.params = params
        guard let html = reader.lazyText(), let headingCount = reader.int(), headingCount >= 0 else { return nil }
        var headings: [RenderedMarkdown.Heading] = []
        for _ in 0..<headingCount {
            guard let level = reader.int(), let text = reader.string(), let id = reader.string() else { return nil }
            headings.append(.init(level: level, text: text, id: id))
        }
        guard let linkCount = reader.int(), linkCount >= 0 else { return nil }
        var links: [RenderedMarkdown.Link] = []
        for _ in 0..<linkCount {
            guard let destination = reader.string(), let line = reader.int(), let column = reader.int() else { return nil }
            links.append(.init(destination: destination, line: line, column: column))
        }
        guard let firstParagraph = reader.string(), let wordCount = reader.int() else { return nil }
        var hash = Fingerprint()
        hash.set(fingerprint)
        let markdown = RenderedMarkdown(htmlText: html, headings: headings, links: links, firstParagraph: firstParagraph,
                                        wordCount: wordCount)
        return Entry(stamp: Stamp(size: Int64(size), modified: Int64(modified)),
                     parsed: ParsedFile(frontMatter: matter, markdown: markdown, bodyLine: bodyLine, fingerprint: hash))
    }
}
