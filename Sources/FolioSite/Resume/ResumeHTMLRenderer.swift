import FolioCore
import Foundation
import Mustache

/// A resume (or a cover letter) as one self-contained HTML document in one of the
/// bundled designs, with print CSS for A4 or Letter and no external requests.
///
/// Designs live in a theme's `resume/` folder: `NAME.mustache` and `NAME.css`.
public struct ResumeHTMLRenderer: Sendable {
    public let design: String
    let template: MustacheTemplate
    let css: String

    /// Every design that can be found, by name.
    public static func designs(in loader: ThemeLoader) -> [String: URL] {
        var result: [String: URL] = [:]
        for path in loader.searchPaths.reversed() {
            for theme in FileIO.list(path.path) where theme.isDirectory {
                let folder = path.appendingPathComponent(theme.name).appendingPathComponent("resume")
                for file in FileIO.list(folder.path) where file.name.hasSuffix(".mustache") {
                    result[String(file.name.dropLast(".mustache".count))] = folder.appendingPathComponent(file.name)
                }
            }
        }
        return result
    }

    /// Loads design `name` (`modern`, `classic`, `compact`, or one of a site's own).
    public init(design name: String, loader: ThemeLoader) throws(DiagnosticError) {
        let designs = Self.designs(in: loader)
        guard let file = designs[name] else {
            throw DiagnosticError(Diagnostic(path: name, message:
                "unknown resume design '\(name)'; available: \(designs.keys.sorted().joined(separator: ", "))"))
        }
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw DiagnosticError(Diagnostic(path: file.path, message: "cannot read the design"))
        }
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw DiagnosticError(Diagnostic(path: file.path, line: error.context.lineNumber, column: error.context.columnNumber,
                                             message: "template error: \(error.error)"))
        } catch {
            throw DiagnosticError(Diagnostic(path: file.path, message: "template error: \(error)"))
        }
        css = (try? String(contentsOf: file.deletingPathExtension().appendingPathExtension("css"), encoding: .utf8)) ?? ""
        design = name
    }

    public func render(_ resume: ResumeDocument, paper: ResumeDocxRenderer.Paper, letter: CoverLetter? = nil) -> String {
        var context = Self.context(resume)
        context["css"] = css
        context["paper"] = paper == .a4 ? "A4" : "Letter"
        context["title"] = letter == nil ? "\(resume.name) – Resume" : "\(resume.name) – Cover letter"
        if let letter { context["letter"] = letter.context }
        return template.render(context)
    }

    /// Template data for a resume; also used by the site's `resume` layout.
    static func context(_ resume: ResumeDocument) -> [String: Any] {
        func section(_ section: ResumeDocument.Section) -> [String: Any] {
            TemplateContext.nonEmpty([
                "id": section.id, "title": section.title, "isCompact": section.isCompact,
                "entries": section.entries.map { entry in
                    // Missing values are `false`, not absent: an absent key would make
                    // Mustache look it up in the enclosing resume (its summary, its location).
                    func value(_ text: String?) -> Any { text.map { $0 as Any } ?? false }
                    return [
                        "title": entry.title, "subtitle": value(entry.subtitle), "dates": value(entry.dates),
                        "location": value(entry.location), "url": value(entry.url),
                        "shortURL": value(entry.url.map(ResumeDocument.shortURL)), "summary": value(entry.summary),
                        "bullets": entry.bullets, "hasBullets": !entry.bullets.isEmpty, "keywords": entry.keywords,
                        "keywordList": value(entry.keywords.isEmpty ? nil : entry.keywords.joined(separator: ", ")),
                    ] as [String: Any]
                },
            ])
        }
        let side = ["skills", "languages", "interests"]
        let resumeValues = TemplateContext.nonEmpty([
            "name": resume.name, "label": resume.label ?? "", "summary": resume.summary ?? "",
            "image": resume.image ?? "", "email": resume.email ?? "", "phone": resume.phone ?? "",
            "url": resume.url ?? "", "location": resume.location ?? "",
            "contacts": resume.contacts.map { ["label": $0.label, "url": $0.url.map { $0 as Any } ?? false] as [String: Any] },
            "sections": resume.sections.map(section),
            "mainSections": resume.sections.filter { !side.contains($0.id) }.map(section),
            "sideSections": resume.sections.filter { side.contains($0.id) }.map(section),
        ])
        return ["resume": resumeValues]
    }
}
