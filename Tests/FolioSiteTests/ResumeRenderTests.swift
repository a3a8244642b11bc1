import FolioCore
import Foundation
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import FolioSite

/// Every format: golden plain text and Markdown, DOCX structure, escaping of hostile
/// text, designs, PDF when Chromium is installed.
@Suite struct ResumeRenderTests {
    static let resumes = ResumeModelTests.resumes
    let renderer = ResumeRenderer(loader: ThemeLoader(siteDirectory: URL(fileURLWithPath: "/nonexistent")))

    func resume(_ name: String) throws -> Resume {
        try Resume.load(file: Self.resumes.appendingPathComponent(name))
    }

    /// Golden files in `_resumes/expected`; regenerate with FOLIO_UPDATE_GOLDEN=1.
    @Test(arguments: ["full", "sample"], ["txt", "md"])
    func goldenTextAndMarkdown(_ name: String, _ format: String) throws {
        let output = try renderer.render(try resume(name + ".json"), as: ResumeRenderer.Format(rawValue: format)!)
        let expected = Self.resumes.appendingPathComponent("expected/\(name).\(format)")
        if GoldenTests.updating {
            try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try output.write(to: expected)
        }
        #expect(String(decoding: output, as: UTF8.self) == (try String(contentsOf: expected, encoding: .utf8)))
    }

    @Test func plainTextIsOneColumnWithinEightyColumns() throws {
        let text = String(decoding: try renderer.render(try resume("sample.json"), as: .txt), as: UTF8.self)
        for line in text.split(separator: "\n") where !line.contains("://") {
            #expect(line.count <= 80, "too long: \(line)")
        }
        #expect(text.contains("\nEXPERIENCE\n") && text.contains("\nEDUCATION\n"))
        #expect(text.contains("2013-12 - 2014-12"))
        #expect(!text.contains("\t") && !text.contains("|-"))
    }

    @Test func hostileTextIsEscapedInEveryFormat() throws {
        let resume = try resume("full.json")
        for format in [ResumeRenderer.Format.html, .md] {
            let text = String(decoding: try renderer.render(resume, as: format), as: UTF8.self)
            #expect(!text.contains("<script>"), "\(format) lets a script through")
            #expect(!text.contains("javascript:"), "\(format) keeps a javascript: link")
            #expect(!text.contains("<b>likes</b>"), "\(format) keeps raw HTML")
        }
        let html = String(decoding: try renderer.render(resume, as: .html), as: UTF8.self)
        #expect(html.contains("Ada &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Lovelace"))
        #expect(!html.contains("http://") && !html.contains("<link") && !html.contains("src=\"http"), "no external requests")
    }

    @Test(arguments: ["modern", "classic", "compact"])
    func everyDesignRendersTheWholeResume(_ design: String) throws {
        var renderer = self.renderer
        renderer.design = design
        renderer.paper = .letter
        let html = String(decoding: try renderer.render(try resume("sample.json"), as: .html), as: UTF8.self)
        #expect(html.contains("@page { size: Letter;"))
        for text in ["Richard Hendriks", "Pied Piper", "University of Oklahoma", "Digital Compression Pioneer Award",
                     "Certified Kubernetes Administrator", "Video compression for 3d media", "Web Development",
                     "English", "Wildlife", "Erlich Bachman", "Miss Direction", "CoderDojo"] {
            #expect(html.contains(text), "\(design) leaves out \(text)")
        }
        // An entry without a summary must not show the resume's summary in its place.
        #expect(html.components(separatedBy: "Richard hails from Tulsa").count == 2)
    }

    @Test func unknownDesignIsAClearError() {
        var renderer = self.renderer
        renderer.design = "nope"
        do {
            _ = try renderer.render(try resume("sample.json"), as: .html)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("unknown resume design 'nope'; available: classic, compact, modern"))
        }
    }

    @Test func docxIsAWellFormedWordPackage() throws {
        let data = try renderer.render(try resume("full.json"), as: .docx)
        let archive = try Archive(data: data, accessMode: .read)
        let names = Set(archive.map(\.path))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                     "word/styles.xml", "word/numbering.xml", "docProps/core.xml", "docProps/app.xml"] {
            #expect(names.contains(part), "missing \(part)")
        }
        var document = ""
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            let parser = XMLParser(data: bytes)
            #expect(parser.parse(), "\(entry.path) is not well-formed XML: \(String(describing: parser.parserError))")
            if entry.path == "word/document.xml" { document = String(decoding: bytes, as: UTF8.self) }
        }
        #expect(document.contains("Ada &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; Lovelace") || document.contains("Ada &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Lovelace"))
        #expect(document.contains("<w:hyperlink r:id=\"rIdLink1\""))
        #expect(document.contains("<w:numId w:val=\"1\"/>"), "highlights are a bullet list")
        #expect(!document.contains("\u{1}"), "control characters are removed")
    }

    @Test(.enabled(if: ChromiumPDF.executable != nil, "Chromium is not installed (apt-get install chromium)"))
    func pdfHasRealTextAndLinks() throws {
        let data = try renderer.render(try resume("sample.json"), as: .pdf)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.contains("/URI"), "links are live")
        if let text = try? PDFText.extract(data) {
            #expect(text.contains("Richard Hendriks") && text.contains("Pied Piper"))
        }
    }

    @Test func coverLetterUsesTheResumeHeader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-letter-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("letter.md")
        try Data("""
        ---
        recipient: Dana <Fischer>
        company: Hooli
        role: Staff Engineer
        date: 2026-11-24
        ---
        Dear Dana,

        I would like to **compress** your data.

        Regards
        """.utf8).write(to: file)
        let letter = try CoverLetter.load(file: file, displayPath: "letter.md")
        let resume = try resume("sample.json")
        let html = String(decoding: try renderer.renderLetter(letter, resume: resume, as: .html), as: UTF8.self)
        #expect(html.contains("Richard Hendriks") && html.contains("richard.hendriks@mail.com"))
        #expect(html.contains("Dana &lt;Fischer&gt;") && html.contains("<strong>compress</strong>"))
        #expect(html.contains("Application for Staff Engineer at Hooli"))
        let text = String(decoding: try renderer.renderLetter(letter, resume: resume, as: .txt), as: UTF8.self)
        #expect(text.hasPrefix("Richard Hendriks\n") && text.contains("November 24, 2026") && text.contains("I would like to compress your data."))
        let docx = try Archive(data: try renderer.renderLetter(letter, resume: resume, as: .docx), accessMode: .read)
        #expect(docx["word/document.xml"] != nil)
        #expect(throws: DiagnosticError.self) { try renderer.renderLetter(letter, resume: resume, as: .json) }
    }
}

/// `pdftotext` from poppler-utils, when installed.
enum PDFText {
    static func extract(_ pdf: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID()).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
