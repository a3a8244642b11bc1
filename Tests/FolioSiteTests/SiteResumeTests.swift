import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// folio.yaml `resume:` publishes /resume/ and the resume in every format beside it.
@Suite struct SiteResumeTests {
    func site(resume: String = "resume.json") throws -> TestSite {
        let site = try TestSite.copy(GoldenTests.fixtures.appendingPathComponent("basic/site"))
        try site.write("folio.yaml", try site.read("folio.yaml") + "resume: \(resume)\n")
        try FileManager.default.copyItem(at: ResumeModelTests.resumes.appendingPathComponent("sample.json"),
                                         to: site.url.appendingPathComponent("resume.json"))
        return site
    }

    func build(_ site: TestSite) throws -> SiteBuilder.Report {
        var options = SiteBuilder.Options(siteDirectory: site.url)
        options.themeDirectories = [GoldenTests.fixtures.appendingPathComponent("_themes")]
        options.gzip = false
        return try SiteBuilder(options: options).build()
    }

    @Test func publishesEveryFormat() throws {
        let site = try site()
        defer { site.remove() }
        let report = try build(site)
        let files = try TestSite.files(under: site.url.appendingPathComponent("public"))
        for format in ["docx", "txt", "md", "json"] { #expect(files["resume/resume.\(format)"] != nil, "no resume.\(format)") }
        #expect((files["resume/resume.pdf"] != nil) == (ChromiumPDF.executable != nil))
        #expect(report.warnings.isEmpty == (ChromiumPDF.executable != nil))
        // The golden theme has no resume layout, so the page is the standalone design.
        let page = String(decoding: files["resume/index.html"]!, as: UTF8.self)
        #expect(page.contains("Richard Hendriks") && page.contains("@page"))
        #expect(String(decoding: files["sitemap.xml"]!, as: UTF8.self).contains("https://basic.example/resume/"))
        // A rebuild with nothing changed renders nothing again (PDF included).
        #expect(try build(site).filesWritten == 0)
    }

    @Test func usesTheThemesResumeLayoutWhenThereIsOne() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("layouts/resume.mustache", "{{<base}}{{$main}}<h1>{{resume.name}}</h1>{{#formats}}<a href=\"{{url}}\">{{name}}</a>{{/formats}}{{/main}}{{/base}}")
        _ = try build(site)
        let page = try site.read("public/resume/index.html")
        #expect(page.contains("<h1>Richard Hendriks</h1>") && page.contains("<a href=\"/resume/resume.docx\">DOCX</a>"))
        #expect(page.contains("<nav>"), "the page is part of the site")
    }

    @Test func aResumeOutsideTheSiteIsRefused() throws {
        let site = try site(resume: "../../etc/passwd")
        defer { site.remove() }
        do {
            _ = try build(site)
            Issue.record("expected an error")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.first?.description.hasPrefix("folio.yaml:") == true)
            #expect(error.diagnostics.first?.message.contains("must be a file inside the site folder") == true)
        }
    }

    @Test func anInvalidResumeFailsTheBuildWithItsLocation() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("resume.json", "{\"basics\": {\"name\": \"A\"},\n \"work\": [{\"startDate\": \"soon\"}]}")
        do {
            _ = try build(site)
            Issue.record("expected an error")
        } catch let error as DiagnosticError {
            #expect(error.diagnostics.map(\.description) == ["resume.json:2:25: error: work[0].startDate \"soon\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"])
        }
    }

    @Test func aContentPageAtResumeConflicts() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("content/resume.md", "Old placeholder.\n")
        #expect(throws: DiagnosticError.self) { try build(site) }
    }
}
