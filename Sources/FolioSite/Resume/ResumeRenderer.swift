import FolioCore
import Foundation

/// Renders a resume in any of Folio's formats. Independent of where the resume came
/// from (a file today, the local replica later).
public struct ResumeRenderer: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case html, pdf, docx, txt, md, json, yaml

        public var fileExtension: String { rawValue }
        public var isBinary: Bool { self == .pdf || self == .docx }
    }

    public var design: String
    public var paper: ResumeDocxRenderer.Paper
    public var loader: ThemeLoader

    public init(design: String = "modern", paper: ResumeDocxRenderer.Paper = .a4, loader: ThemeLoader) {
        self.design = design
        self.paper = paper
        self.loader = loader
    }

    public func render(_ resume: Resume, as format: Format) throws(DiagnosticError) -> Data {
        let document = ResumeDocument(resume)
        switch format {
        case .json: return Data(resume.json.encoded(pretty: true).utf8)
        case .yaml: return Data(resume.json.yamlText().utf8)
        case .txt: return Data(ResumeTextRenderer().render(document).utf8)
        case .md: return Data(ResumeMarkdownRenderer().render(document).utf8)
        case .html: return Data(try html(document).utf8)
        case .pdf: return try ChromiumPDF.render(html: try html(document))
        case .docx:
            do { return try ResumeDocxRenderer(paper: paper).render(document) } catch {
                throw DiagnosticError(Diagnostic(path: "resume.docx", message: "cannot write the DOCX: \(error)"))
            }
        }
    }

    func html(_ document: ResumeDocument, letter: CoverLetter? = nil) throws(DiagnosticError) -> String {
        try ResumeHTMLRenderer(design: design, loader: loader).render(document, paper: paper, letter: letter)
    }

    /// A cover letter in the design of the resume it goes with.
    public func renderLetter(_ letter: CoverLetter, resume: Resume, as format: Format) throws(DiagnosticError) -> Data {
        let document = ResumeDocument(resume)
        switch format {
        case .html: return Data(try html(document, letter: letter).utf8)
        case .pdf: return try ChromiumPDF.render(html: try html(document, letter: letter))
        case .txt: return Data(letter.plainText(from: document).utf8)
        case .docx:
            do { return try letter.docx(from: document, paper: paper) } catch {
                throw DiagnosticError(Diagnostic(path: "letter.docx", message: "cannot write the DOCX: \(error)"))
            }
        default:
            throw DiagnosticError(Diagnostic(path: "letter", message: "a cover letter renders as html, pdf, docx or txt, not \(format.rawValue)"))
        }
    }
}

/// PDF through headless Chromium's print-to-PDF: real, selectable text and live links.
public enum ChromiumPDF {
    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium binary on PATH, if any.
    public static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for folder in path.split(separator: ":") where access("\(folder)/\(name)", X_OK) == 0 {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    public static func render(html: String) throws(DiagnosticError) -> Data {
        guard let chromium = executable else {
            throw DiagnosticError(Diagnostic(path: "resume.pdf", message:
                "PDF needs Chromium, which is not installed. Install it (Debian/Ubuntu: sudo apt-get install chromium) or choose another --format"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("resume.html")
        let output = folder.appendingPathComponent("resume.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-extensions",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--print-to-pdf=\(output.path)", input.absoluteString,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        } catch {
            throw DiagnosticError(Diagnostic(path: "resume.pdf", message: "could not run Chromium: \(error.localizedDescription)"))
        }
        guard let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8)) else {
            throw DiagnosticError(Diagnostic(path: "resume.pdf", message: "Chromium did not produce a PDF (\(chromium))"))
        }
        return data
    }
}
