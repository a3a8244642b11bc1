import FolioCore
import Foundation

/// Finds the files under `content/` and turns the Markdown ones into pages, in parallel.
struct ContentLoader: Sendable {
    let siteDirectory: URL
    let markdown: Markdown
    let includeDrafts: Bool
    /// Title of a home page whose front matter has none.
    let siteTitle: String

    /// A file under `content/` that is not Markdown: copied next to its page.
    struct Resource: Sendable {
        var source: URL
        /// Output path relative to the site root.
        var outputPath: String
    }

    struct Result: Sendable {
        var pages: [Page]
        var resources: [Resource]
        var diagnostics: [Diagnostic]
    }

    private struct Candidate: Sendable {
        var path: String  // absolute
        var relative: String  // relative to content/
        var fileName: Substring {
            guard let slash = relative.lastIndex(of: "/") else { return relative[...] }
            return relative[relative.index(after: slash)...]
        }
    }

    func load() -> Result {
        let contentDirectory = siteDirectory.appendingPathComponent("content")
        var markdownFiles: [Candidate] = []
        var others: [Candidate] = []
        walk(contentDirectory.path, relative: "", markdown: &markdownFiles, others: &others)
        let bundleFolders = Set(markdownFiles.filter { $0.fileName == "index.md" && !$0.relative.isEmpty }
            .map { Self.folder(of: $0.relative) })

        let cache = ContentCache(file: siteDirectory.appendingPathComponent(".folio-cache/content.bin"),
                                 key: "smart=\(markdown.smartPunctuation) unsafe=\(markdown.unsafe) root=\(markdown.rootPath)")
        let (cached, records) = cache.load()
        let parsed = parallelMap(markdownFiles) { candidate -> (ContentCache.Entry?, Swift.Result<Page?, DiagnosticError>, fresh: Bool) in
            let stamp = ContentCache.stamp(of: candidate.path)
            var fresh = false
            let entry: ContentCache.Entry
            if let stamp, let hit = cached[candidate.relative], hit.stamp == stamp {
                entry = hit
            } else {
                do throws(DiagnosticError) {
                    entry = ContentCache.Entry(stamp: stamp ?? .init(size: -1, modified: 0), parsed: try self.parse(candidate))
                    fresh = true
                } catch {
                    return (nil, .failure(error), true)
                }
            }
            return (entry, .success(self.page(from: candidate, parsed: entry.parsed, bundleFolders: bundleFolders)), fresh)
        }
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        var fresh: [(String, ContentCache.Entry)] = []
        for (candidate, (entry, result, isFresh)) in zip(markdownFiles, parsed) {
            if isFresh, let entry { fresh.append((candidate.relative, entry)) }
            switch result {
            case .success(let page?): pages.append(page)
            case .success(nil): break
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        if !fresh.isEmpty {
            cache.save(fresh: fresh, liveCount: markdownFiles.count, previousRecords: records) {
                var all: [String: ContentCache.Entry] = [:]
                for (candidate, (entry, _, _)) in zip(markdownFiles, parsed) { all[candidate.relative] = entry }
                return all
            }
        }
        let resources = others.map { Resource(source: URL(fileURLWithPath: $0.path), outputPath: $0.relative) }
        return Result(pages: pages, resources: resources, diagnostics: diagnostics)
    }

    private func walk(_ directory: String, relative: String, markdown: inout [Candidate], others: inout [Candidate]) {
        for entry in FileIO.list(directory) {
            let absolute = directory + "/" + entry.name
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isDirectory {
                walk(absolute, relative: path, markdown: &markdown, others: &others)
            } else if entry.name.hasSuffix(".md") || entry.name.hasSuffix(".markdown") {
                markdown.append(Candidate(path: absolute, relative: path))
            } else {
                others.append(Candidate(path: absolute, relative: path))
            }
        }
    }

    static func folder(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }

    /// Reads and parses one content file: front matter and Markdown.
    private func parse(_ candidate: Candidate) throws(DiagnosticError) -> ParsedFile {
        let displayPath = "content/" + candidate.relative
        guard let bytes = FileIO.read(candidate.path) else {
            throw DiagnosticError(Diagnostic(path: displayPath, message: "cannot read the file"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(Diagnostic(path: displayPath, message: "the file is not UTF-8 text"))
        }
        let (matter, body, bodyLine) = try FrontMatter.split(text, path: displayPath)
        var fingerprint = Fingerprint()
        fingerprint.add(bytes)
        return ParsedFile(frontMatter: matter, markdown: markdown.render(String(body)), bodyLine: bodyLine,
                          fingerprint: fingerprint)
    }

    /// The page a parsed file becomes: its kind, URL and section follow from where it is.
    private func page(from candidate: Candidate, parsed: ParsedFile, bundleFolders: Set<String>) -> Page? {
        var matter = parsed.frontMatter
        if matter.draft && !includeDrafts { return nil }
        let displayPath = "content/" + candidate.relative
        let fileName = candidate.fileName
        let baseName = String(fileName[..<fileName.lastIndex(of: ".")!])
        let folder = Self.folder(of: candidate.relative)
        let kind: Page.Kind
        let urlPath: String
        let section: String
        if baseName == "_index" || (baseName == "index" && folder.isEmpty) {
            kind = folder.isEmpty ? .home : .section
            urlPath = folder.isEmpty ? "" : folder + "/"
            section = folder
        } else if baseName == "index" {
            // A page bundle: content/projects/foo/index.md is the page /projects/foo/.
            kind = .page
            let parent = Self.folder(of: folder)
            let name = matter.slug ?? String(folder[folder.index(after: folder.lastIndex(of: "/") ?? folder.startIndex)...])
                .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            urlPath = (parent.isEmpty ? "" : parent + "/") + name + "/"
            section = parent
        } else {
            kind = .page
            urlPath = (folder.isEmpty ? "" : folder + "/") + (matter.slug ?? baseName) + "/"
            section = folder
        }
        if matter.title == nil {
            matter.title = kind == .home ? siteTitle : Self.titleFromFileName(baseName == "index" || baseName == "_index"
                ? String(folder.split(separator: "/").last ?? "") : baseName)
        }
        return Page(kind: kind, sourcePath: displayPath, frontMatter: matter, markdown: parsed.markdown,
                    bodyLine: parsed.bodyLine, urlPath: urlPath, section: section, sourceFingerprint: parsed.fingerprint)
    }

    /// `my-first-post` -> `My first post`.
    static func titleFromFileName(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
