import FolioCore

/// The report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
/// no external requests; it opens offline in any browser.
public struct ReportPage: Sendable {
    /// The report shown.
    public var report: CareerReport
    /// A site theme's CSS to use instead of the built-in style (inlined; nil = built-in).
    public var themeCSS: String?
    /// The page title.
    public var title: String

    /// A page for `report`, styled by `themeCSS` when given.
    public init(report: CareerReport, themeCSS: String? = nil, title: String = "Application report") {
        self.report = report
        self.themeCSS = themeCSS
        self.title = title
    }

    /// The page's HTML.
    public var html: String {
        let summary = report.overall
        var body = "<h1>\(ReportFormat.escape(title))</h1>\n<p class=\"summary\">Made \(report.options.today)"
            + (report.options.since.map { ", applications since \($0)" } ?? "") + ". "
            + "\(report.total) applications sent; response rate \(ReportFormat.percent(summary.responseRate)) "
            + "(\(summary.responded) of \(report.total)); median time to first response "
            + "\(ReportFormat.days(summary.medianResponseDays)) days; ghosted \(ReportFormat.percent(summary.ghostedRate)) "
            + "(no answer for \(report.options.ghostAfter) days).</p>\n"
        body += section("Funnel", SVGChart.funnel(report.funnel))
        body += section("Applications per week", SVGChart.weekly(report.weeks))
        if !report.byVariant.isEmpty {
            body += section("By resume variant", SVGChart.comparison(report.byVariant, name: "variants",
                                                                     title: "Response and interview rate per resume variant"))
        }
        for (title, groups) in report.breakdowns where !groups.isEmpty {
            body += section(title, table(groups))
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(ReportFormat.escape(title))</title>
            <style>
            \(themeCSS ?? "")
            \(themeCSS == nil ? Self.builtInCSS : "")
            \(Self.chartCSS)
            </style>
            </head>
            <body>
            <main class="folio-report">
            \(body)</main>
            </body>
            </html>

            """
    }

    private func section(_ title: String, _ content: String) -> String {
        "<section>\n<h2>\(ReportFormat.escape(title))</h2>\n\(content)\n</section>\n"
    }

    private func table(_ groups: [GroupStats]) -> String {
        var rows = "<table><thead><tr><th></th><th>n</th><th>responded</th><th>interviews</th><th>offers</th>"
            + "<th>ghosted</th><th>median days to answer</th></tr></thead><tbody>\n"
        for group in groups {
            rows += "<tr\(group.isSmallSample ? " class=\"small\"" : "")><th>\(ReportFormat.escape(group.label))"
                + (group.isSmallSample ? " <small>(small sample)</small>" : "") + "</th>"
                + "<td>\(group.count)</td><td>\(ReportFormat.percent(group.responseRate))</td>"
                + "<td>\(ReportFormat.percent(group.interviewRate))</td><td>\(ReportFormat.percent(group.offerRate))</td>"
                + "<td>\(ReportFormat.percent(group.ghostedRate))</td><td>\(ReportFormat.days(group.medianResponseDays))</td></tr>\n"
        }
        return rows + "</tbody></table>"
    }

    static let builtInCSS = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; margin: 0; }
        main.folio-report { max-width: 760px; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
        h1 { font-size: 1.8rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; text-align: right; }
        th:first-child { text-align: left; } tr.small { color: #656d76; }
        """

    static let chartCSS = """
        .folio-report svg { max-width: 100%; height: auto; display: block; }
        .folio-report svg .label { font: 13px system-ui, sans-serif; fill: currentColor; }
        .folio-report svg .note { font: 11px system-ui, sans-serif; fill: #656d76; }
        .folio-report svg .axis { stroke: #8c959f; }
        .folio-report svg .bar { fill: #0969da; } .folio-report svg .bar.interview { fill: #1a7f37; }
        .folio-report svg .funnel-1 { fill: #2f81f7; } .folio-report svg .funnel-2 { fill: #1a7f37; }
        .folio-report svg .funnel-3 { fill: #bf8700; }
        """
}
