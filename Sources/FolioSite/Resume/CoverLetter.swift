import FolioCore
import Foundation

/// A cover letter: Markdown with front matter naming the recipient, company, role, date
/// and the resume it goes with; rendered in that resume's design.
///
/// ```markdown
/// ---
/// recipient: Dana Fischer
/// company: Acme GmbH
/// role: Staff Engineer
/// date: 2026-11-24
/// resume: resume.yaml
/// ---
/// Dear Dana, ...
/// ```
public struct CoverLetter: Sendable {
    public var recipient: String?
    public var company: String?
    public var role: String?
    public var date: String?
    /// The resume file, relative to the letter.
    public var resume: String?
    public var bodyHTML: String
    public var bodyText: String
    /// Paragraphs of the body as plain text, for DOCX and plain text.
    public var paragraphs: [String]

    /// Reads a letter file; problems name `path:line:col`.
    public static func load(file: URL, displayPath: String) throws(DiagnosticError) -> CoverLetter {
        guard let bytes = FileIO.read(file.path), let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticError(Diagnostic(path: displayPath, message: "cannot read the letter as UTF-8 text"))
        }
        let (matter, body, _) = try FrontMatter.split(text, path: displayPath)
        func value(_ key: String) -> String? {
            (matter.params[key] as? String) ?? (matter.params[key].map { "\($0)" })
        }
        let markdown = Markdown(smartPunctuation: true, unsafe: false).render(String(body))
        let paragraphs = body.components(separatedBy: "\n\n").map { $0.split(separator: "\n").joined(separator: " ").trimmingWhitespace() }
            .filter { !$0.isEmpty }
        guard !paragraphs.isEmpty else {
            throw DiagnosticError(Diagnostic(path: displayPath, message: "the letter has no text below its front matter"))
        }
        return CoverLetter(recipient: value("recipient"), company: value("company"), role: value("role"),
                           date: matter.date?.display ?? value("date"), resume: value("resume"),
                           bodyHTML: markdown.html, bodyText: paragraphs.joined(separator: "\n\n"), paragraphs: paragraphs)
    }

    var context: [String: Any] {
        TemplateContext.nonEmpty([
            "recipient": recipient ?? "", "company": company ?? "", "role": role ?? "", "date": date ?? "",
            "body": bodyHTML,
            "subject": role.map { "Application for \($0)" + (company.map { " at \($0)" } ?? "") } ?? "",
        ])
    }

    /// The letter as plain text, wrapped at 80 columns.
    public func plainText(from resume: ResumeDocument) -> String {
        let wrapper = ResumeTextRenderer()
        var lines = [resume.name]
        lines += wrapper.wrap(resume.contacts.map(\.label).joined(separator: " | "), indent: "")
        lines.append("")
        if let date { lines.append(date) }
        lines += [recipient, company].compactMap { $0 }
        if let role { lines += ["", "Re: \(role)"] }
        for paragraph in paragraphs { lines += [""] + wrapper.wrap(Self.stripMarkdown(paragraph), indent: "") }
        return lines.joined(separator: "\n") + "\n"
    }

    public func docx(from resume: ResumeDocument, paper: ResumeDocxRenderer.Paper) throws -> Data {
        var docx = DocxWriter(paper: paper == .a4 ? .a4 : .letter, title: "\(resume.name) – Cover letter", author: resume.name)
        docx.heading(resume.name, level: 0)
        docx.paragraph([.text(resume.contacts.map(\.label).joined(separator: "  ·  "))], spacingAfter: 360)
        for line in [date, recipient, company].compactMap({ $0 }) { docx.paragraph([.text(line)], spacingAfter: 0) }
        if let role { docx.paragraph([.text("Re: \(role)", bold: true)]) }
        for paragraph in paragraphs { docx.paragraph([.text(Self.stripMarkdown(paragraph))], spacingAfter: 200) }
        return try docx.package()
    }

    /// Markdown emphasis and links to plain words.
    static func stripMarkdown(_ text: String) -> String {
        var result = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        result = result.replacingOccurrences(of: #"\[([^\]]*)\]\(([^)]*)\)"#, with: "$1 ($2)", options: .regularExpression)
        return result.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
    }
}
