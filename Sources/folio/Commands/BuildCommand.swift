import ArgumentParser
import FolioCore
import FolioSite
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a site into static files.",
        discussion: """
        Reads SITE/folio.yaml, SITE/content, SITE/static and the theme, and writes the site to \
        SITE/public (or --output). Only files whose content changed are written. Problems in your \
        files are printed as path:line:col: error: message, and the previous output is left as it was.
        """
    )

    @Argument(help: "The site folder (holding folio.yaml).", completion: .directory)
    var site: String = "."

    @Option(name: [.short, .long], help: "Where to write the site (default: SITE/public).")
    var output: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Override baseURL from folio.yaml, e.g. https://example.com/.")
    var baseURL: String?

    @Flag(help: "Start from an empty output folder (replaced in one step when the build succeeds).")
    var clean = false

    @Flag(name: .customLong("no-gzip"), help: "Do not write .gz copies beside HTML, CSS, JS and XML files.")
    var noGzip = false

    @Flag(name: .customLong("check-links"), help: "Fail the build on broken internal links (by default they are warnings).")
    var checkLinks = false

    @Option(name: .customLong("theme-dir"), help: "Another folder to look for themes in (repeatable).")
    var themeDirs: [String] = []

    func validate() throws {
        if let baseURL, URL(string: baseURL)?.host == nil || !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, like https://example.com/")
        }
    }

    func run() throws {
        var options = SiteBuilder.Options(siteDirectory: URL(fileURLWithPath: site))
        options.outputDirectory = output.map { URL(fileURLWithPath: $0) }
        options.includeDrafts = drafts
        options.baseURL = baseURL
        options.clean = clean
        options.gzip = noGzip ? false : nil
        options.strictLinks = checkLinks
        options.themeDirectories = themeDirs.map { URL(fileURLWithPath: $0) }
        do {
            let report = try SiteBuilder(options: options).build()
            for warning in report.warnings { Terminal.printError(warning.description) }
            print(report.summary)
        } catch {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            Terminal.printError("Build failed: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"); nothing was written.")
            throw ExitCode.failure
        }
    }
}
