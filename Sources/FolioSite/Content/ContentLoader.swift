import FolioCore
import Foundation

/// Finds the files under `content/` and turns the Markdown ones into pages, in parallel.
struct ContentLoader: Sendable {
    let siteDirectory: URL
    let markdown: Markdown
    let includeDrafts: Bool

    /// A file under `content/` that is not Markdown: copied next to its page.
    struct Resource: Sendable {
        var source: URL
        /// Output path relative to the site root.
        var outputPath: String
    }

    struct Result: Sendable {
        var pages: [Page]
        var resources: [Resource]
        /// Every content folder, relative to `content/` ("" is the top).
        var folders: Set<String>
        var diagnostics: [Diagnostic]
    }

    private struct Candidate: Sendable {
        var url: URL
        var relative: String  // relative to content/
    }

    func load() -> Result {
        let contentDirectory = siteDirectory.appendingPathComponent("content")
        var markdownFiles: [Candidate] = []
        var others: [Candidate] = []
        var folders: Set<String> = [""]
        walk(contentDirectory, relative: "", markdown: &markdownFiles, others: &others, folders: &folders)
        let bundleFolders = Set(markdownFiles.filter { $0.url.lastPathComponent == "index.md" && !$0.relative.isEmpty }
            .map { Self.folder(of: $0.relative) })

        let parsed = parallelMap(markdownFiles) { candidate -> Swift.Result<Page?, DiagnosticError> in
            do throws(DiagnosticError) {
                return .success(try self.page(from: candidate, bundleFolders: bundleFolders))
            } catch {
                return .failure(error)
            }
        }
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        for result in parsed {
            switch result {
            case .success(let page?): pages.append(page)
            case .success(nil): break
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        let resources = others.map { Resource(source: $0.url, outputPath: $0.relative) }
        return Result(pages: pages, resources: resources, folders: folders.subtracting(bundleFolders), diagnostics: diagnostics)
    }

    private func walk(_ directory: URL, relative: String, markdown: inout [Candidate], others: inout [Candidate],
                      folders: inout Set<String>) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let url = directory.appendingPathComponent(entry)
            let path = relative.isEmpty ? entry : relative + "/" + entry
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                folders.insert(path)
                walk(url, relative: path, markdown: &markdown, others: &others, folders: &folders)
            } else if entry.hasSuffix(".md") || entry.hasSuffix(".markdown") {
                markdown.append(Candidate(url: url, relative: path))
            } else {
                others.append(Candidate(url: url, relative: path))
            }
        }
    }

    static func folder(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }

    private func page(from candidate: Candidate, bundleFolders: Set<String>) throws(DiagnosticError) -> Page? {
        let displayPath = "content/" + candidate.relative
        guard let data = FileManager.default.contents(atPath: candidate.url.path) else {
            throw DiagnosticError(Diagnostic(path: displayPath, message: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(Diagnostic(path: displayPath, message: "the file is not UTF-8 text"))
        }
        var (matter, body, bodyLine) = try FrontMatter.split(text, path: displayPath)
        if matter.draft && !includeDrafts { return nil }

        let fileName = candidate.url.lastPathComponent
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
            matter.title = kind == .home ? nil : Self.titleFromFileName(baseName == "index" || baseName == "_index"
                ? String(folder.split(separator: "/").last ?? "") : baseName)
        }
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        let rendered = markdown.render(String(body))
        return Page(kind: kind, sourcePath: displayPath, frontMatter: matter, markdown: rendered, bodyLine: bodyLine,
                    urlPath: urlPath, section: section, sourceFingerprint: fingerprint)
    }

    /// `my-first-post` -> `My first post`.
    static func titleFromFileName(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
