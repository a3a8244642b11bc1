import Foundation

/// Fills what a posting's metadata left out from its text: the requirements section,
/// remote or on-site, employment type, salary range, location and company lines.
/// Only missing fields are filled; what a job board said is kept.
public enum PostingInference {
    /// `posting` with missing fields found in its text.
    public static func complete(_ posting: Posting) -> Posting {
        var posting = posting
        let lower = posting.text.lowercased()
        if posting.requirements == nil { posting.requirements = requirementsSection(posting.text) }
        if posting.workplace == nil { posting.workplace = workplace(lower) }
        if posting.employment == nil { posting.employment = employment(lower) }
        if posting.salaryMin == nil, posting.salaryMax == nil, let salary = SalaryText.find(posting.text) {
            (posting.salaryMin, posting.salaryMax, posting.salaryCurrency, posting.salaryPeriod) = salary
        }
        if posting.location == nil { posting.location = labelled(posting.text, ["location", "based in", "office"]) }
        if posting.company == nil { posting.company = labelled(posting.text, ["company", "employer", "organization", "organisation"]) }
        return posting
    }

    /// Headings that start a requirements section.
    static let requirementHeadings = [
        "requirements", "qualifications", "what you'll need", "what you will need", "what you bring", "must have",
        "must-have", "who you are", "about you", "you have", "you will have", "skills", "what we're looking for",
        "what we are looking for", "minimum qualifications", "preferred qualifications", "basic qualifications",
        "experience required", "ideal candidate", "your profile", "essential criteria",
    ]

    /// Headings that end one.
    static let otherHeadings = [
        "responsibilities", "what you'll do", "what you will do", "benefits", "perks", "about us", "about the company",
        "what we offer", "compensation", "salary", "how to apply", "the role", "about the role", "location",
        "equal opportunity", "our values", "why join", "duties", "day to day", "your day",
    ]

    /// The text under requirement-like headings, or nil when the posting has none.
    public static func requirementsSection(_ text: String) -> String? {
        var collected: [Substring] = []
        var inside = false
        for line in text.split(separator: "\n") {
            let heading = headingText(line)
            if let heading, requirementHeadings.contains(where: { heading.hasPrefix($0) }) {
                inside = true
                let rest = line.drop { $0 != ":" }.dropFirst()
                if !rest.trimmingCharacters(in: .whitespaces).isEmpty { collected.append(rest) }
                continue
            }
            if let heading, otherHeadings.contains(where: { heading.hasPrefix($0) }) { inside = false; continue }
            if inside { collected.append(line) }
        }
        let joined = collected.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
        return joined.isEmpty ? nil : joined
    }

    /// A line's text, lower-cased, when it looks like a heading: short, and either ending
    /// in a colon, marked as a Markdown heading, or without sentence punctuation.
    static func headingText(_ line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#*_ "))
        guard !trimmed.isEmpty, trimmed.count <= 60, !trimmed.hasPrefix("-") else { return nil }
        let words = trimmed.split(separator: " ").count
        let label = trimmed.split(separator: ":", maxSplits: 1).first.map(String.init) ?? trimmed
        guard trimmed.hasSuffix(":") || words <= 6 || label.count < trimmed.count else { return nil }
        return label.lowercased().trimmingCharacters(in: .whitespaces)
    }

    static func workplace(_ lower: String) -> String? {
        if lower.contains("hybrid") { return "hybrid" }
        if ["fully remote", "100% remote", "remote-first", "remote first", "work from home", "remote position", "remote role",
            "remote (", "location: remote", "remote, ", "(remote)", "remote job", "is remote", "remote-friendly"].contains(where: lower.contains) {
            return "remote"
        }
        if ["on-site", "onsite", "on site", "in-office", "in office", "in person", "in-person"].contains(where: lower.contains) {
            return "on-site"
        }
        return nil
    }

    static func employment(_ lower: String) -> String? {
        let kinds = [("full-time", ["full-time", "full time", "fulltime", "permanent"]), ("part-time", ["part-time", "part time"]),
                     ("internship", ["internship", "intern "]), ("contract", ["contract", "freelance", "contractor"]),
                     ("temporary", ["temporary", "temp ", "fixed-term", "fixed term"])]
        return kinds.first { $0.1.contains(where: lower.contains) }?.0
    }

    /// The value of a `Label: value` line, for the first label present.
    static func labelled(_ text: String, _ labels: [String]) -> String? {
        for line in text.split(separator: "\n").prefix(80) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let label = parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "-*#_ ")).lowercased()
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "*_ "))
            if labels.contains(label), !value.isEmpty, value.count <= 80 { return value }
        }
        return nil
    }
}
