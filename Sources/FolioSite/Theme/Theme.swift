import FolioCore
import FolioThemes
import Foundation
import Mustache

/// A theme ready to render: its Mustache templates (with the site's overrides), and the
/// folders of assets to copy.
public struct Theme: Sendable {
    /// The layouts every theme must provide.
    public static let requiredLayouts = ["base", "home", "page", "list", "tag", "404"]

    public var name: String
    public var directory: URL
    public var description: String
    /// The resume design theme.yaml names (`resume: modern`), if any.
    public var resumeDesign: String?
    let library: MustacheLibrary
    /// Names of the layouts (not partials) available.
    public let layouts: Set<String>
    /// Asset folders, theme first, so the site's own files win when both have one.
    let assetDirectories: [URL]
    /// Changes when any template changes; every rendered page depends on it.
    let fingerprint: Fingerprint

    func render(_ context: [String: Any], layout: String) -> String {
        library.render(context, withTemplate: layout) ?? ""
    }
}

/// Finds and loads themes.
///
/// A theme named in `folio.yaml` is looked up, in order, in the site's `themes/` folder,
/// in each `--theme-dir`, in `$FOLIO_THEMES` (colon-separated), and among the themes
/// bundled with Folio.
public struct ThemeLoader: Sendable {
    public var searchPaths: [URL]

    public init(siteDirectory: URL, extraDirectories: [URL] = []) {
        var paths = [siteDirectory.appendingPathComponent("themes")] + extraDirectories
        if let env = ProcessInfo.processInfo.environment["FOLIO_THEMES"] {
            paths += env.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        if let bundled = BundledThemes.directory { paths.append(bundled) }
        self.searchPaths = paths
    }

    /// Names of every theme that can be found.
    public func available() -> [String] {
        var names = Set<String>()
        for path in searchPaths {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
            for entry in entries where FileManager.default.fileExists(
                atPath: path.appendingPathComponent(entry).appendingPathComponent("layouts").path) {
                names.insert(entry)
            }
        }
        return names.sorted()
    }

    /// Loads theme `name`, with templates in `siteDirectory/layouts` overriding the theme's.
    public func load(_ name: String, siteDirectory: URL, configPath: String = "folio.yaml",
                     line: Int = 0, column: Int = 0) throws(DiagnosticError) -> Theme {
        guard !name.contains("/"), name != "..", let directory = searchPaths
            .map({ $0.appendingPathComponent(name) })
            .first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("layouts").path) })
        else {
            let known = available()
            throw DiagnosticError(Diagnostic(path: configPath, line: line, column: column, message:
                "unknown theme '\(name)'; available: \(known.isEmpty ? "none" : known.joined(separator: ", ")) (themes are looked up in the site's themes/ folder, --theme-dir, $FOLIO_THEMES and Folio's bundled themes)"))
        }
        var collector = TemplateCollector(siteDirectory: siteDirectory)
        collector.add(folder: directory.appendingPathComponent("layouts"))
        collector.add(folder: siteDirectory.appendingPathComponent("layouts"))
        let (library, layouts, fingerprint) = try collector.compile()
        for required in Theme.requiredLayouts where !layouts.contains(required) {
            throw DiagnosticError(Diagnostic(path: collector.display(directory.appendingPathComponent("layouts/\(required).mustache")),
                                             message: "theme '\(name)' has no '\(required)' layout; every theme needs \(Theme.requiredLayouts.joined(separator: ", "))"))
        }
        let themeYAML = (try? String(contentsOf: directory.appendingPathComponent("theme.yaml"), encoding: .utf8)) ?? ""
        return Theme(
            name: name, directory: directory, description: Self.value("description", in: themeYAML) ?? "",
            resumeDesign: Self.value("resume", in: themeYAML), library: library, layouts: layouts,
            assetDirectories: [directory.appendingPathComponent("assets"), siteDirectory.appendingPathComponent("assets")],
            fingerprint: fingerprint)
    }

    /// A top-level `key: value` line of theme.yaml.
    private static func value(_ key: String, in yaml: String) -> String? {
        yaml.split(separator: "\n").first { $0.hasPrefix(key + ":") }
            .map { String($0.dropFirst(key.count + 1)).trimmingWhitespace() }
    }
}

/// Gathers `.mustache` files (later folders override earlier ones by name), parses them,
/// and checks that every partial and parent they name exists.
private struct TemplateCollector {
    let siteDirectory: URL
    /// name -> file; layouts are `base`, partials are registered by their file name too.
    var files: [String: URL] = [:]
    var layoutNames = Set<String>()
    var partialNames = Set<String>()

    init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    mutating func add(folder: URL) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        for entry in entries where entry.hasSuffix(".mustache") {
            let name = String(entry.dropLast(".mustache".count))
            files[name] = folder.appendingPathComponent(entry)
            layoutNames.insert(name)
        }
        let partials = folder.appendingPathComponent("partials")
        for entry in (try? manager.contentsOfDirectory(atPath: partials.path)) ?? [] where entry.hasSuffix(".mustache") {
            let name = String(entry.dropLast(".mustache".count))
            files[name] = partials.appendingPathComponent(entry)
            partialNames.insert(name)
        }
    }

    /// A path as the user would want to see it: relative to the site when inside it.
    func display(_ url: URL) -> String {
        let site = siteDirectory.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(site) ? String(path.dropFirst(site.count)) : path
    }

    func compile() throws(DiagnosticError) -> (MustacheLibrary, Set<String>, Fingerprint) {
        var library = MustacheLibrary()
        var fingerprint = Fingerprint()
        var diagnostics: [Diagnostic] = []
        // Layouts and partials share one namespace in Mustache: a partial named like a
        // layout would silently replace it.
        for name in layoutNames.intersection(partialNames).sorted() {
            diagnostics.append(Diagnostic(path: display(files[name]!), message:
                "partial '\(name)' has the name of a layout, and would replace it; rename the partial"))
        }
        var texts: [(String, URL, String)] = []
        for (name, url) in files.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                diagnostics.append(Diagnostic(path: display(url), message: "cannot read template as UTF-8 text"))
                continue
            }
            fingerprint.add(name)
            fingerprint.add(text)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                texts.append((name, url, text))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(path: display(url), line: error.context.lineNumber,
                                              column: error.context.columnNumber,
                                              message: "template error: \(Self.describe(error.error))"))
            } catch {
                diagnostics.append(Diagnostic(path: display(url), message: "template error: \(error)"))
            }
        }
        for (_, url, text) in texts {
            diagnostics += missingReferences(in: text, file: url)
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return (library, layoutNames, fingerprint)
    }

    /// `{{> name}}` and `{{< name}}` naming no template render as nothing in Mustache;
    /// a theme author wants to hear about it instead.
    private func missingReferences(in text: String, file: URL) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.hasPrefix("*"), files[name] == nil {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        result.append(Diagnostic(path: display(file), line: lineIndex + 1, column: column,
                                                 message: "template names '\(name)', but there is no layout or partial of that name"))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }

    private static func describe(_ error: any Error) -> String {
        guard let parseError = error as? MustacheTemplate.Error else { return "\(error)" }
        switch parseError {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "unfinished tag: a '{{' without its '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed ({{/name}} missing)"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
        case .textInsideInheritSection: return "only {{$block}} overrides may appear inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "invalid {{% config }} tag"
        case .unrecognisedConfigVariable: return "unknown {{% config }} variable"
        }
    }
}
