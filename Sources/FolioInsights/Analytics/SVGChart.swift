import FolioCore

/// The report's charts as inline SVG, drawn here (no library, no external requests). Every
/// chart is an `<svg>` with a `data-chart` attribute naming it, a `<title>` for screen
/// readers, and user text escaped.
enum SVGChart {
    static let width = 640.0

    /// Horizontal bars narrowing down the funnel, each with its count and conversion.
    static func funnel(_ stages: [FunnelStage]) -> String {
        let rowHeight = 36.0, labelWidth = 110.0
        let height = rowHeight * Double(stages.count) + 10
        let most = Double(max(1, stages.first?.count ?? 1))
        var body = ""
        for (index, stage) in stages.enumerated() {
            let y = 5 + Double(index) * rowHeight
            let barWidth = max(2, (width - labelWidth - 150) * Double(stage.count) / most)
            let x = labelWidth + (width - labelWidth - 150 - barWidth) / 2
            body += text(x: labelWidth - 8, y: y + 21, anchor: "end", stage.name)
            body += rect(x: x, y: y + 4, width: barWidth, height: rowHeight - 8, className: "bar funnel-\(index)")
            body += text(x: width - 140, y: y + 21, anchor: "start",
                         "\(stage.count)" + (index == 0 ? "" : "  (\(ReportFormat.percent(stage.conversion)))"))
        }
        return svg(name: "funnel", title: "Funnel: applied, screening, interview, offer", height: height, body)
    }

    /// One bar per week.
    static func weekly(_ weeks: [CareerReport.Week]) -> String {
        let height = 220.0, bottom = 190.0, left = 40.0
        let most = Double(max(1, weeks.map(\.count).max() ?? 1))
        let step = (width - left - 10) / Double(max(1, weeks.count))
        var body = line(x1: left, y1: bottom, x2: width - 10, y2: bottom)
        body += text(x: left - 6, y: 16, anchor: "end", String(Int(most)))
        body += text(x: left - 6, y: bottom, anchor: "end", "0")
        for (index, week) in weeks.enumerated() {
            let barHeight = (bottom - 12) * Double(week.count) / most
            let x = left + Double(index) * step
            body += rect(x: x + step * 0.1, y: bottom - barHeight, width: max(1, step * 0.8), height: barHeight,
                         className: "bar week", title: "week of \(week.start): \(week.count)")
        }
        if let first = weeks.first, let last = weeks.last {
            body += text(x: left, y: bottom + 18, anchor: "start", first.start.description)
            body += text(x: width - 10, y: bottom + 18, anchor: "end", last.start.description)
        }
        return svg(name: "weekly", title: "Applications sent per week", height: height, body)
    }

    /// Response and interview rates side by side per group, with each group's size shown.
    static func comparison(_ groups: [GroupStats], name: String, title: String) -> String {
        let rowHeight = 44.0, labelWidth = 180.0, barSpace = width - labelWidth - 120
        let height = rowHeight * Double(groups.count) + 30
        var body = rect(x: labelWidth, y: 4, width: 10, height: 10, className: "bar response")
            + text(x: labelWidth + 14, y: 13, anchor: "start", "response rate")
            + rect(x: labelWidth + 130, y: 4, width: 10, height: 10, className: "bar interview")
            + text(x: labelWidth + 144, y: 13, anchor: "start", "interview rate")
        for (index, group) in groups.enumerated() {
            let y = 24 + Double(index) * rowHeight
            body += text(x: labelWidth - 8, y: y + 15, anchor: "end", group.label)
            body += text(x: labelWidth - 8, y: y + 31, anchor: "end",
                         "n = \(group.count)" + (group.isSmallSample ? " (small sample)" : ""), className: "note")
            body += rect(x: labelWidth, y: y + 4, width: max(1, barSpace * group.responseRate), height: 14, className: "bar response")
            body += rect(x: labelWidth, y: y + 20, width: max(1, barSpace * group.interviewRate), height: 14, className: "bar interview")
            body += text(x: labelWidth + barSpace * group.responseRate + 6, y: y + 16, anchor: "start",
                         ReportFormat.percent(group.responseRate))
            body += text(x: labelWidth + barSpace * group.interviewRate + 6, y: y + 32, anchor: "start",
                         ReportFormat.percent(group.interviewRate))
        }
        return svg(name: name, title: title, height: height, body)
    }

    private static func svg(name: String, title: String, height: Double, _ body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"\(name)\" role=\"img\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
            + "width=\"\(n(width))\" height=\"\(n(height))\"><title>\(ReportFormat.escape(title))</title>\(body)</svg>"
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, className: String, title: String? = nil) -> String {
        let tooltip = title.map { "<title>\(ReportFormat.escape($0))</title>" } ?? ""
        return "<rect class=\"\(className)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\">\(tooltip)</rect>"
    }

    private static func text(x: Double, y: Double, anchor: String, _ content: String, className: String = "label") -> String {
        "<text class=\"\(className)\" x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\">\(ReportFormat.escape(content))</text>"
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
        "<line class=\"axis\" x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>"
    }

    /// Coordinates with one decimal at most.
    private static func n(_ value: Double) -> String { ReportFormat.days(((value * 10).rounded()) / 10) }
}
