import ArgumentParser
import FolioCore
import FolioInsights
import FolioSite
import FolioStore
import Foundation

/// `folio report [--since DATE] [--json] [--html DIR]`: what works in the job search.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on applications: weekly volume, funnel, response rate and time, per resume variant, source, role and company size.",
        discussion: """
        An application counts once it is sent (any stage past saved). The funnel is applied -> screening -> \
        interview -> offer, each stage counting those that reached it or went further. A response is any answer \
        from the employer (screening, interview, offer, accepted, rejected). Groups under 5 applications are \
        marked as small samples. --html writes a self-contained page (inline SVG charts, no external requests); \
        run inside a site folder (with folio.yaml), it uses that site's theme styles.
        """
    )

    @Option(help: ArgumentHelp("Only applications sent on or after this day, YYYY-MM-DD.", valueName: "date")) var since: String?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Option(help: ArgumentHelp("Also write the report as DIR/index.html.", valueName: "dir"), completion: .directory) var html: String?
    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws { try Replica.validateDay(since, option: "since") }

    func run() throws {
        let store = try storeOptions.openForReading()
        let applications = try Replica.run { try store.trackedApplications(eventDetails: false) }
        let options = CareerReport.Options(today: tracking.day, since: since.flatMap { CalendarDay($0) }, ghostAfter: tracking.ghostDays)
        let report = CareerReport(applications, options: options)
        if let html { try write(report, to: html) }
        if json { Replica.printJSON(report.json) } else { print(report.text, terminator: "") }
    }

    private func write(_ report: CareerReport, to directory: String) throws {
        let page = ReportPage(report: report, themeCSS: Self.siteThemeCSS(in: URL(fileURLWithPath: ".")))
        let file = URL(fileURLWithPath: directory).appendingPathComponent("index.html")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(page.html.utf8).write(to: file, options: .atomic)
        } catch {
            Terminal.printError("error: cannot write \(file.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Terminal.printError("Wrote \(file.path)\(page.themeCSS == nil ? "" : " (styled by the site's theme)").")
    }

    /// The CSS of the theme of the site in `folder`, inlined: nil when `folder` is not a site
    /// or its theme cannot be loaded. Rules that would fetch anything (`@import`, `url(`)
    /// are left out so the page stays self-contained.
    static func siteThemeCSS(in folder: URL) -> String? {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("folio.yaml").path),
              let config = try? SiteConfig.load(siteDirectory: folder),
              let theme = try? ThemeLoader(siteDirectory: folder).load(config.theme, siteDirectory: folder) else { return nil }
        let assets = theme.directory.appendingPathComponent("assets")
        guard let files = FileManager.default.enumerator(atPath: assets.path)?.compactMap({ $0 as? String })
            .filter({ $0.hasSuffix(".css") }).sorted(), !files.isEmpty else { return nil }
        let css = files.compactMap { try? String(contentsOf: assets.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
        return css.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("@import") && !$0.contains("url(") }
            .joined(separator: "\n")
    }
}
