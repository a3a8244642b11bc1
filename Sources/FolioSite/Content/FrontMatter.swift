import FolioCore
import Yams

/// The YAML header of a content file, between `---` lines.
///
/// Known keys are typed; every other key, and everything under `params:`, reaches
/// templates as `page.params`.
public struct FrontMatter: Sendable {
    public var title: String?
    public var date: DateValue?
    public var updated: DateValue?
    public var draft = false
    public var slug: String?
    public var tags: [String] = []
    public var summary: String?
    public var description: String?
    public var weight = 0
    public var aliases: [String] = []
    /// A layout name overriding the default (`page`, `list`, ...).
    public var template: String?
    /// Where `template:` was written, to point at it when the layout does not exist.
    var templateLine = 0, templateColumn = 0
    var aliasLines: [Int] = []
    public var params: [String: Any] {
        get { paramsBox.value }
        set { paramsBox = PlainBox(value: newValue) }
    }
    private var paramsBox = PlainBox(value: [:])

    public init() {}
}

/// Immutable plain YAML data; safe to share between threads.
struct PlainBox: @unchecked Sendable {
    let value: [String: Any]
}

extension FrontMatter {
    /// Splits a content file into its front matter and body, and parses the front matter.
    ///
    /// Returns the parsed front matter, the Markdown body and the line the body starts on
    /// (1-based), so body diagnostics can point into the file.
    static func split(_ text: String, path: String) throws(DiagnosticError) -> (FrontMatter, body: Substring, bodyLine: Int) {
        var content = Substring(text)
        if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
        let bytes = content.utf8
        guard bytes.starts(with: "---\n".utf8) || bytes.starts(with: "---\r\n".utf8) else {
            return (FrontMatter(), content, 1)
        }
        // Walk the lines (by UTF-8 bytes: "\r\n" is one Character) to the closing `---` or `...`.
        var lineNumber = 1
        var cursor = bytes.index(after: bytes.firstIndex(of: UInt8(ascii: "\n"))!)
        let headerStart = cursor
        while cursor < bytes.endIndex {
            lineNumber += 1
            let lineEnd = bytes[cursor...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var line = bytes[cursor..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(content[headerStart..<cursor])
                let bodyStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
                return (try parse(yaml, path: path), content[bodyStart...], lineNumber + 1)
            }
            cursor = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        throw DiagnosticError(Diagnostic(path: path, line: 1, column: 1,
                                         message: "front matter starts with '---' but has no closing '---' line"))
    }

    /// Parses front matter YAML text that starts on line 2 of its file.
    static func parse(_ yaml: String, path: String) throws(DiagnosticError) -> FrontMatter {
        let reader = YAMLReader(path: path, lineOffset: 1)
        let root = try reader.parse(yaml)
        var matter = FrontMatter()
        var params: [String: Any] = [:]
        for (key, _, value) in try reader.mapping(root, what: "front matter") {
            switch key {
            case "title": matter.title = try reader.string(value, key: key)
            case "date": matter.date = try reader.date(value, key: key)
            case "updated", "lastmod": matter.updated = try reader.date(value, key: key)
            case "draft": matter.draft = try reader.bool(value, key: key)
            case "slug": matter.slug = try validSlug(value, reader: reader)
            case "tags": matter.tags = try reader.strings(value, key: key).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            case "summary": matter.summary = try reader.string(value, key: key)
            case "description": matter.description = try reader.string(value, key: key)
            case "weight": matter.weight = try reader.int(value, key: key)
            case "aliases":
                matter.aliases = try reader.strings(value, key: key)
                matter.aliasLines = aliasLines(value, reader: reader)
            case "template", "layout":
                matter.template = try reader.string(value, key: key)
                matter.templateLine = (value.mark?.line ?? 0) + 1
                matter.templateColumn = value.mark?.column ?? 0
            case "params":
                for (paramKey, paramValue) in YAMLReader.plain(value) as? [String: Any] ?? [:] {
                    params[paramKey] = paramValue
                }
            default:
                if let plain = YAMLReader.plain(value) { params[key] = plain }
            }
        }
        matter.params = params
        return matter
    }

    private static func validSlug(_ node: Node, reader: YAMLReader) throws(DiagnosticError) -> String {
        let slug = try reader.string(node, key: "slug").trimmingWhitespace()
        guard !slug.isEmpty, slug != ".", slug != "..", !slug.contains("/"), !slug.contains("\\") else {
            throw DiagnosticError(reader.error(node, "slug \"\(slug)\" must be one non-empty path segment without '/' (it names the page's folder)"))
        }
        return slug
    }

    private static func aliasLines(_ node: Node, reader: YAMLReader) -> [Int] {
        if case .sequence(let items) = node { return items.map { ($0.mark?.line ?? 0) + reader.lineOffset } }
        return [(node.mark?.line ?? 0) + reader.lineOffset]
    }
}

