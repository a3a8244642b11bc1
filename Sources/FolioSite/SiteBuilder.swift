import FolioCore
import Foundation

/// What `folio build` does: load, check, render and write a site.
///
/// ```swift
/// let report = try SiteBuilder(options: .init(siteDirectory: URL(fileURLWithPath: "Sites/example"))).build()
/// print(report.summary)
/// ```
///
/// Every problem in the user's files is found before anything is written, so a failed
/// build leaves the previous output as it was.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var siteDirectory: URL
        /// Defaults to `SITE/public`.
        public var outputDirectory: URL?
        public var includeDrafts = false
        /// Replaces `baseURL` from `folio.yaml`.
        public var baseURL: String?
        /// Empty the output folder first (the new output replaces the old one in one step).
        public var clean = false
        /// Nil: as `folio.yaml` says (default on).
        public var gzip: Bool?
        /// Broken internal links fail the build instead of warning.
        public var strictLinks = false
        /// More folders to look for themes in.
        public var themeDirectories: [URL] = []
        /// The year templates see as `site.year`; injectable so golden tests stay stable.
        public var buildYear: Int?

        public init(siteDirectory: URL) {
            self.siteDirectory = siteDirectory
        }

        var resolvedOutput: URL {
            (outputDirectory ?? siteDirectory.appendingPathComponent("public")).standardizedFileURL
        }
    }

    public struct Report: Sendable {
        public var pages: Int
        public var filesWritten: Int
        public var filesUnchanged: Int
        public var filesRemoved: Int
        public var seconds: Double
        public var warnings: [Diagnostic]
        public var outputDirectory: URL

        /// `Built 42 pages: 12 files written, 80 unchanged in 0.21 s -> public/`.
        public var summary: String {
            var text = "Built \(pages) page\(pages == 1 ? "" : "s"): \(filesWritten) file\(filesWritten == 1 ? "" : "s") written, \(filesUnchanged) unchanged"
            if filesRemoved > 0 { text += ", \(filesRemoved) removed" }
            text += String(format: " in %.2f s", seconds)
            if !warnings.isEmpty { text += ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")" }
            return text + " -> \(outputDirectory.path)"
        }
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    public func build() throws(DiagnosticError) -> Report {
        let start = DispatchTime.now()
        var timings = PhaseTimer()
        let site = options.siteDirectory.standardizedFileURL
        let output = options.resolvedOutput
        try checkOutputLocation(site: site, output: output)

        var config = try SiteConfig.load(siteDirectory: site)
        if let baseURL = options.baseURL {
            config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            config.fingerprint.add(baseURL)
        }
        if let gzip = options.gzip { config.gzip = gzip }
        config.fingerprint.add(options.includeDrafts ? "drafts" : "")
        let theme = try ThemeLoader(siteDirectory: site, extraDirectories: options.themeDirectories)
            .load(config.theme, siteDirectory: site, line: config.themeLocation.line, column: config.themeLocation.column)

        let markdown = Markdown(smartPunctuation: config.smartPunctuation, unsafe: config.unsafeHTML, rootPath: config.rootPath)
        timings.lap("config and theme")
        let content = ContentLoader(siteDirectory: site, markdown: markdown, includeDrafts: options.includeDrafts,
                                    siteTitle: config.title).load()
        timings.lap("load content")
        var diagnostics = content.diagnostics
        var resume: SiteModel.SiteResume?
        if let file = config.resume {
            do throws(DiagnosticError) { resume = try Self.loadResume(file, site: site, config: config) } catch {
                diagnostics += error.diagnostics
            }
        }
        let (builtModel, modelProblems) = SiteModel.build(content: content, config: config, theme: theme, resume: resume)
        diagnostics += modelProblems
        guard diagnostics.isEmpty, let model = builtModel else {
            throw DiagnosticError(diagnostics.sorted { ($0.path, $0.line) < ($1.path, $1.line) })
        }

        let year = options.buildYear ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let renderer = SiteRenderer(config: config, model: model, theme: theme, siteDirectory: site, buildYear: year)
        let outputs = renderer.outputs()
        timings.lap("model and outputs")
        let linkProblems = LinkChecker(model: model, outputs: outputs, config: config, strict: options.strictLinks).check()
        let notes = renderer.notes
        if options.strictLinks, !linkProblems.isEmpty { throw DiagnosticError(linkProblems) }

        timings.lap("link check")
        let result = try write(outputs, to: output, site: site, gzip: config.gzip)
        timings.lap("render and write")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Report(pages: model.allPages.count + model.tags.count + (model.tags.isEmpty ? 0 : 1),
                      filesWritten: result.written, filesUnchanged: result.unchanged, filesRemoved: result.removed,
                      seconds: seconds, warnings: notes + linkProblems, outputDirectory: output)
    }

    /// Reads the resume folio.yaml names; it must be inside the site folder.
    static func loadResume(_ file: String, site: URL, config: SiteConfig) throws(DiagnosticError) -> SiteModel.SiteResume {
        let location = config.resumeLocation
        guard !file.hasPrefix("/"), !file.split(separator: "/").contains(".."), !file.isEmpty else {
            throw DiagnosticError(Diagnostic(path: "folio.yaml", line: location.line, column: location.column,
                                             message: "resume \"\(file)\" must be a file inside the site folder, like resume.yaml"))
        }
        let url = site.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DiagnosticError(Diagnostic(path: "folio.yaml", line: location.line, column: location.column,
                                             message: "resume \"\(file)\" does not exist in the site folder"))
        }
        let resume = try Resume.load(file: url, displayPath: file)
        var fingerprint = Fingerprint()
        fingerprint.add(FileIO.read(url.path) ?? [])
        let page = Page.generated(kind: .resume, title: "Resume", urlPath: "resume/")
        return SiteModel.SiteResume(resume: resume, page: page, fingerprint: fingerprint)
    }

    /// The output folder may not be the site itself, hold it, or sit among its sources.
    private func checkOutputLocation(site: URL, output: URL) throws(DiagnosticError) {
        let sitePath = site.path + "/", outputPath = output.path + "/"
        let inside = ["content/", "static/", "layouts/", "themes/", "assets/"].contains { outputPath.hasPrefix(sitePath + $0) }
        if sitePath.hasPrefix(outputPath) || inside {
            throw DiagnosticError(Diagnostic(path: output.path, message:
                "the output folder would overwrite the site's own files; choose another --output (the default is SITE/public)"))
        }
    }

    private func write(_ outputs: [Output], to output: URL, site: URL, gzip: Bool) throws(DiagnosticError) -> OutputWriter.Result {
        let manager = FileManager.default
        let cache = site.appendingPathComponent(".folio-cache")
        var key = Fingerprint()
        key.add(output.path)
        let manifest = cache.appendingPathComponent("manifest-\(key.hex).txt")
        guard options.clean else {
            return try OutputWriter(outputDirectory: output, manifestFile: manifest, gzip: gzip).write(outputs)
        }
        // --clean: build into a fresh folder beside the old one, then swap them.
        let fresh = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).folio-new")
        try? manager.removeItem(at: fresh)
        try? manager.removeItem(at: manifest)
        let result: OutputWriter.Result
        do {
            result = try OutputWriter(outputDirectory: fresh, manifestFile: manifest, gzip: gzip).write(outputs)
        } catch {
            try? manager.removeItem(at: fresh)
            try? manager.removeItem(at: manifest)
            throw error
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).folio-old")
        try? manager.removeItem(at: old)
        do {
            if manager.fileExists(atPath: output.path) { try manager.moveItem(at: output, to: old) }
            try manager.moveItem(at: fresh, to: output)
            try? manager.removeItem(at: old)
        } catch {
            throw DiagnosticError(Diagnostic(path: output.path, message: "cannot replace the output folder: \(error.localizedDescription)"))
        }
        return result
    }
}

/// Prints how long each build phase took to stderr when `FOLIO_TIMINGS=1`.
struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["FOLIO_TIMINGS"] == "1"
    private var last = DispatchTime.now()

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let ms = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data(String(format: "  %-20@ %8.1f ms\n", phase, ms).utf8))
        last = now
    }
}
