import FolioCore

extension CareerReport {
    /// The report as plain text tables, for the terminal.
    public var text: String {
        var lines = ["Applications sent: \(total)" + (options.since.map { " since \($0)" } ?? "")
                     + (saved > 0 ? " (\(saved) saved, not sent)" : "")]
        lines.append("Response rate: \(ReportFormat.percent(overall.responseRate)) (\(overall.responded) of \(total)); "
                     + "median time to first response: \(ReportFormat.days(overall.medianResponseDays)) days")
        lines.append("Ghosted: \(ReportFormat.percent(overall.ghostedRate)) (\(overall.ghosted) of \(total), "
                     + "no answer for \(options.ghostAfter) days)")
        lines.append("")
        lines.append("Funnel")
        for stage in funnel {
            lines.append("  " + Self.pad(stage.name, 10) + Self.pad(String(stage.count), 7, right: true)
                         + "   " + Self.pad(ReportFormat.percent(stage.conversion), 7, right: true) + " of previous stage")
        }
        lines.append("")
        lines.append("Applications per week")
        let most = max(1, weeks.map(\.count).max() ?? 1)
        for week in weeks {
            let bar = String(repeating: "#", count: Int((Double(week.count) / Double(most) * 40).rounded(.up)))
            lines.append("  \(week.start)  " + Self.pad(String(week.count), 5, right: true) + "  " + bar)
        }
        for (title, groups) in breakdowns where !groups.isEmpty {
            lines.append("")
            lines += table(title: title, groups)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The breakdowns with their titles, in the order every form shows them.
    public var breakdowns: [(title: String, groups: [GroupStats])] {
        [("By resume variant", byVariant), ("By source", bySource), ("By role", byRole), ("By company size", byCompanySize)]
    }

    private func table(title: String, _ groups: [GroupStats]) -> [String] {
        let width = max(12, groups.map(\.label.count).max() ?? 0)
        var lines = [title, "  " + Self.pad("", width) + "      n  responded  interviews     offers  median days"]
        for group in groups {
            lines.append("  " + Self.pad(group.label, width) + Self.pad(String(group.count), 7, right: true)
                         + Self.pad(ReportFormat.percent(group.responseRate), 11, right: true)
                         + Self.pad(ReportFormat.percent(group.interviewRate), 12, right: true)
                         + Self.pad(ReportFormat.percent(group.offerRate), 11, right: true)
                         + Self.pad(ReportFormat.days(group.medianResponseDays), 13, right: true)
                         + (group.isSmallSample ? "  (small sample)" : ""))
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
