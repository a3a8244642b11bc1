import FolioCore

extension ATSChecker {
    /// Name, work, education and skills present.
    func sections(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        let document = facts.document
        let checks: [(String, Bool, String)] = [
            ("name", facts.basics("name") != nil, "Add your name (basics.name): an ATS files the resume under it."),
            ("work", !(document["work"]?.arrayValue ?? []).isEmpty, "Add a work section: most of what an ATS scores is there."),
            ("education", !(document["education"]?.arrayValue ?? []).isEmpty, "Add an education section, even a short one."),
            ("skills", !(document["skills"]?.arrayValue ?? []).isEmpty,
             "Add a skills section: ATS software matches its keywords against the posting."),
        ]
        let missing = checks.filter { !$0.1 }
        suggestions += missing.map(\.2)
        let finding = missing.isEmpty ? "name, work, education and skills present"
            : "missing: " + missing.map(\.0).joined(separator: ", ")
        return ATSReport.Component(name: "sections", weight: 15, score: Double(checks.count - missing.count) / Double(checks.count),
                                   findings: [finding])
    }

    /// An email address, a phone number and a location.
    func contact(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        var findings: [String] = []
        var found = 0
        if let email = facts.basics("email") {
            if Self.isEmail(email) { found += 1 } else {
                findings.append("email \"\(email)\" does not look like an address")
                suggestions.append("Fix your email address (\(email)): recruiters reply to it.")
            }
        } else {
            findings.append("no email")
            suggestions.append("Add an email address (basics.email).")
        }
        if let phone = facts.basics("phone"), phone.filter(\.isNumber).count >= 7 { found += 1 } else {
            findings.append("no phone number")
            suggestions.append("Add a phone number (basics.phone).")
        }
        if facts.basics("location.city") != nil || facts.basics("location.countryCode") != nil
            || facts.basics("location.region") != nil { found += 1 } else {
            findings.append("no location")
            suggestions.append("Add your city and country (basics.location): many ATS filter candidates by location.")
        }
        return ATSReport.Component(name: "contact", weight: 10, score: Double(found) / 3,
                                   findings: findings.isEmpty ? ["email, phone and location present"] : findings)
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@")
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    /// Dates an ATS can read, in order, not in the future, without unexplained overlaps.
    func dates(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        var problems: [String] = []
        var entries = 0
        for list in ["work", "volunteer", "education"] {
            for (index, item) in (facts.document[list]?.arrayValue ?? []).enumerated() {
                guard let entry = item.objectValue else { continue }
                entries += 1
                problems += entryDateProblems(entry, path: "\(list)[\(index)]")
            }
        }
        problems += overlaps(facts.periods.filter { $0.path.hasPrefix("work") })
        if !problems.isEmpty {
            suggestions.append("Fix the dates: write them as YYYY-MM, end after start, none in the future, and say why jobs overlap.")
        }
        let score = entries == 0 ? 0 : max(0, 1 - Double(problems.count) / Double(entries))
        let findings = entries == 0 ? ["no dated entries"] : problems.isEmpty ? ["\(entries) entries, dates consistent"] : problems
        return ATSReport.Component(name: "dates", weight: 15, score: score, findings: findings)
    }

    func entryDateProblems(_ entry: JSONObject, path: String) -> [String] {
        let start = entry["startDate"]?.stringValue, end = entry["endDate"]?.stringValue
        var problems: [String] = []
        guard let start else { return path.hasPrefix("education") ? [] : ["\(path) has no start date"] }
        guard let from = PartialDate(start) else { return ["\(path).startDate \"\(start)\" is not a date an ATS reads (use YYYY-MM)"] }
        if from > today { problems.append("\(path) starts in the future (\(start))") }
        if let end, !end.isEmpty {
            if let to = PartialDate(end) {
                if to < from { problems.append("\(path) ends (\(end)) before it starts (\(start))") }
                if to > today, !path.hasPrefix("education") { problems.append("\(path) ends in the future (\(end))") }
            } else {
                problems.append("\(path).endDate \"\(end)\" is not a date an ATS reads (use YYYY-MM, or leave it out if current)")
            }
        }
        return problems
    }

    /// Work periods that overlap by more than a month, unless either says why.
    func overlaps(_ periods: [ResumeFacts.Period]) -> [String] {
        let explained = ["part-time", "part time", "concurrent", "freelance", "contract", "volunteer", "side project",
                         "while", "simultaneous", "alongside", "moonlight", "consult"]
        var problems: [String] = []
        for (index, first) in periods.enumerated() {
            for second in periods[(index + 1)...] {
                guard let a = Self.months(first, today: today), let b = Self.months(second, today: today) else { continue }
                let shared = min(a.upperBound, b.upperBound) - max(a.lowerBound, b.lowerBound)
                let note = (first.text + " " + first.position + " " + second.text + " " + second.position).lowercased()
                if shared > 1, !explained.contains(where: note.contains) {
                    problems.append("\(first.path) and \(second.path) overlap by \(shared) months with no note saying why")
                }
            }
        }
        return problems
    }

    /// A period as months since year 0 (end: today when current).
    static func months(_ period: ResumeFacts.Period, today: PartialDate) -> Range<Int>? {
        guard let start = period.start else { return nil }
        let end = period.endText == nil ? today : period.end
        guard let end else { return nil }
        let lower = start.year * 12 + (start.month ?? 1) - 1
        let upper = end.year * 12 + (end.month ?? 12)
        return lower < upper ? lower..<upper : nil
    }
}
