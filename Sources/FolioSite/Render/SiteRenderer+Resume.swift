import FolioCore
import Foundation

extension SiteRenderer {
    /// The design used for the resume's PDF (and its page, when the theme has no `resume`
    /// layout): folio.yaml `resumeDesign`, else the theme's `resume:` in theme.yaml, else modern.
    var resumeDesign: String {
        config.resumeDesign ?? theme.resumeDesign ?? "modern"
    }

    /// /resume/ and the resume in every format beside it.
    func resumeOutputs(_ siteResume: SiteModel.SiteResume) -> [Output] {
        let resume = siteResume.resume
        let page = siteResume.page
        let renderer = ResumeRenderer(design: resumeDesign, paper: .a4,
                                      loader: ThemeLoader(siteDirectory: siteDirectory))
        var formats: [ResumeRenderer.Format] = [.docx, .txt, .md, .json]
        if ChromiumPDF.executable != nil { formats.insert(.pdf, at: 0) }
        var fingerprint = context.fingerprint
        fingerprint.add(siteResume.fingerprint)
        fingerprint.add(resumeDesign)

        var outputs: [Output] = formats.map { format in
            Output(path: "resume/resume.\(format.fileExtension)", fingerprint: fingerprint, source: .renderBytes {
                () throws(DiagnosticError) -> [UInt8] in [UInt8](try renderer.render(resume, as: format))
            })
        }
        let links = PlainBox(value: ["formats": formats.map { format -> [String: Any] in
            ["name": format == .md ? "Markdown" : format.rawValue.uppercased(),
             "url": context.url("resume/resume.\(format.fileExtension)"), "format": format.rawValue]
        }])
        let document = ResumeDocument(resume)
        let hasLayout = theme.layouts.contains("resume")
        outputs.append(Output(path: "resume/index.html", fingerprint: fingerprint, source: .render {
            guard hasLayout else {
                return (try? renderer.html(document)) ?? ""
            }
            var values = baseContext(for: page)
            for (key, value) in ResumeHTMLRenderer.context(document) { values[key] = value }
            values["formats"] = links.value["formats"]
            return theme.render(values, layout: "resume")
        }))
        return outputs
    }

    /// Notes for the person building (not errors): a format that could not be made.
    var notes: [Diagnostic] {
        guard model.resume != nil, ChromiumPDF.executable == nil else { return [] }
        return [Diagnostic(path: config.resume ?? "resume", severity: .warning,
                           message: "resume.pdf was not made: Chromium is not installed (sudo apt-get install chromium)")]
    }
}
