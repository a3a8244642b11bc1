import CCmarkGFM
import FolioCore
import Foundation

/// A Markdown document rendered to HTML, with what the site needs to know about it.
public struct RenderedMarkdown: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        /// The `id` attribute given to the heading: a slug of its text, unique in the page.
        public var id: String
    }

    public struct Link: Sendable, Hashable {
        public var destination: String
        /// 1-based line and column in the Markdown text.
        public var line: Int
        public var column: Int
    }

    /// The HTML, decoded on demand when it comes from the build cache (most cached pages
    /// are never rendered again, so their HTML is never decoded).
    public var html: String { htmlText.string }
    var htmlText: LazyText
    public var headings: [Heading]
    /// Links and images, for the link checker.
    public var links: [Link]
    /// Text of the first paragraph, for summaries.
    public var firstParagraph: String
    public var wordCount: Int
}

/// Text held either as a `String` or as UTF-8 bytes inside a larger shared buffer.
enum LazyText: Sendable {
    case string(String)
    case slice(SharedBytes, Range<Int>)

    var string: String {
        switch self {
        case .string(let string): return string
        case .slice(let storage, let range):
            return storage.bytes.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF8.self) }
        }
    }
}

/// An immutable byte buffer shared by the slices that point into it.
final class SharedBytes: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

/// Markdown to HTML with cmark-gfm: GFM tables, strikethrough, autolinks, task lists and
/// tagfilter, footnotes, heading ids, and optional smart punctuation.
///
/// Raw HTML is dropped (`<!-- raw HTML omitted -->`) and dangerous link schemes such as
/// `javascript:` are removed unless `unsafe` is set. Safe to use from several threads.
public struct Markdown: Sendable {
    public var smartPunctuation: Bool
    public var unsafe: Bool
    /// Put before links and images that start with `/`, so `/posts/` in a site published
    /// under `https://host/~ada/` becomes `/~ada/posts/`. `/` (or empty) changes nothing.
    public var rootPath: String

    public init(smartPunctuation: Bool = true, unsafe: Bool = false, rootPath: String = "/") {
        self.smartPunctuation = smartPunctuation
        self.unsafe = unsafe
        self.rootPath = rootPath
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers the GFM extensions once per process.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.allSatisfy { cmark_find_syntax_extension($0) != nil }
    }()

    private var options: Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if unsafe { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Renders `text`.
    public func render(_ text: String) -> RenderedMarkdown {
        precondition(Self.registered, "cmark-gfm extensions missing: install libcmark-gfm-extensions-dev")
        let options = self.options
        guard let parser = cmark_parser_new(options) else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        var source = text
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        var walk = DocumentWalk()
        walk.visit(document)
        if rootPath.count > 1 {
            let prefix = String(rootPath.dropLast())
            for node in walk.siteLinkNodes {
                guard let url = cmark_node_get_url(node) else { continue }
                cmark_node_set_url(node, prefix + String(cString: url))
            }
        }
        let headings = addHeadingIDs(walk.headingNodes, options: options, extensions: extensions)

        guard let cString = cmark_render_html(document, options, extensions) else { fatalError("cmark-gfm: out of memory") }
        defer { free(cString) }
        return RenderedMarkdown(
            htmlText: .string(String(cString: cString)),
            headings: headings,
            links: walk.links,
            firstParagraph: walk.firstParagraph ?? "",
            wordCount: walk.wordCount
        )
    }

    /// cmark-gfm gives headings no ids. Each heading is rendered on its own, given an id,
    /// and replaced by a custom block holding that HTML: custom blocks are emitted verbatim
    /// even in safe mode, and the heading's inline content was already rendered safely.
    private func addHeadingIDs(_ nodes: [(OpaquePointer, Int, String)], options: Int32,
                               extensions: UnsafeMutablePointer<cmark_llist>?) -> [RenderedMarkdown.Heading] {
        var used: [String: Int] = [:]
        var headings: [RenderedMarkdown.Heading] = []
        for (node, level, text) in nodes {
            var id = Slug.make(text)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id += "-\(count)"
            } else {
                used[id] = 1
            }
            headings.append(.init(level: level, text: text, id: id))
            guard let rendered = cmark_render_html(node, options, extensions) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            let open = "<h\(level)"
            if html.hasPrefix(open) {
                html = open + " id=\"\(id)\"" + html.dropFirst(open.count)
            }
            while html.hasSuffix("\n") { html.removeLast() }
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, html)
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        return headings
    }
}

/// One pass over the document tree collecting headings, links, words and the first paragraph.
private struct DocumentWalk {
    var headingNodes: [(OpaquePointer, Int, String)] = []
    /// Links and images whose destination starts with `/` (site-relative).
    var siteLinkNodes: [OpaquePointer] = []
    var links: [RenderedMarkdown.Link] = []
    var firstParagraph: String?
    var wordCount = 0
    private var inWord = false

    mutating func visit(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                inWord = false
                headingNodes.append((node, Int(cmark_node_get_heading_level(node)), Self.text(of: node)))
            case CMARK_NODE_PARAGRAPH:
                inWord = false
                guard firstParagraph == nil else { break }
                if cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                    firstParagraph = Self.text(of: node)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node) {
                    let destination = String(cString: url)
                    if destination.hasPrefix("/") && !destination.hasPrefix("//") { siteLinkNodes.append(node) }
                    links.append(.init(destination: destination,
                                       line: Int(cmark_node_get_start_line(node)),
                                       column: Int(cmark_node_get_start_column(node))))
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                // Words run on across inline nodes: "*para*." is one word.
                if let literal = cmark_node_get_literal(node) { wordCount += Self.words(in: literal, inWord: &inWord) }
            case CMARK_NODE_CODE_BLOCK:
                inWord = false
                if let literal = cmark_node_get_literal(node) { wordCount += Self.words(in: literal, inWord: &inWord) }
                inWord = false
            default:
                inWord = false
            }
        }
    }

    /// The plain text of a node's inline content, soft breaks as spaces.
    static func text(of node: OpaquePointer) -> String {
        var result = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                result += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                result += " "
            } else if type != CMARK_NODE_HTML_INLINE {
                result += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return result
    }

    static func words(in literal: UnsafePointer<CChar>, inWord: inout Bool) -> Int {
        var count = 0
        var pointer = literal
        while pointer.pointee != 0 {
            let c = UInt8(bitPattern: pointer.pointee)
            let space = c == 32 || c == 10 || c == 9 || c == 13
            if !space && !inWord { count += 1 }
            inWord = !space
            pointer += 1
        }
        return count
    }
}
