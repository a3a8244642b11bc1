import FolioCore
import Foundation

/// The result of an ATS check: a score out of 100, each component with its share of it
/// and its findings, where each of the posting's keywords appears, and suggestions.
public struct ATSReport: Sendable {
    /// One part of the score.
    public struct Component: Sendable, Hashable {
        /// `sections`, `contact`, `dates`, `bullets`, `quantified`, `verbs`, `readability`, `keywords`.
        public var name: String
        /// Its weight (points out of 100 when every component applies).
        public var weight: Double
        /// How well the resume does, 0 to 1.
        public var score: Double
        /// What was found, in words.
        public var findings: [String]
    }

    /// Where a posting keyword appears in the resume.
    public struct Coverage: Sendable, Hashable {
        /// The keyword as shown.
        public var keyword: String
        /// True for a lexicon skill, false for a phrase.
        public var isSkill: Bool
        /// How many times the posting mentions it.
        public var mentions: Int
        /// Its weight in the keyword score.
        public var weight: Double
        /// Resume paths that mention it; empty when missing.
        public var places: [String]
    }

    /// 0-100.
    public var score: Int
    /// The components, in a fixed order.
    public var components: [Component]
    /// Every posting keyword, most important first (empty without a posting).
    public var coverage: [Coverage]
    /// What to change, most useful first.
    public var suggestions: [String]
    /// Caveats about the analysis (posting language, missing requirements, ...).
    public var notes: [String]
    /// The posting's title, when checked against one.
    public var postingTitle: String?

    /// As JSON, for `--json`.
    public var json: JSONValue {
        var object = JSONObject([("score", .number(Double(score)))])
        if let postingTitle { object["posting"] = .string(postingTitle) }
        object["components"] = .array(components.map { component in
            .object(JSONObject([("name", .string(component.name)), ("weight", .number(component.weight)),
                                ("score", .number(Self.rounded(component.score))),
                                ("findings", .array(component.findings.map(JSONValue.string)))]))
        })
        object["keywords"] = .array(coverage.map { item in
            .object(JSONObject([("keyword", .string(item.keyword)), ("skill", .bool(item.isSkill)),
                                ("mentions", .number(Double(item.mentions))), ("weight", .number(Self.rounded(item.weight))),
                                ("found", .bool(!item.places.isEmpty)), ("places", .array(item.places.map(JSONValue.string)))]))
        })
        object["suggestions"] = .array(suggestions.map(JSONValue.string))
        object["notes"] = .array(notes.map(JSONValue.string))
        return .object(object)
    }

    /// As text for a terminal.
    public var text: String {
        var lines = ["ATS score: \(score)/100" + (postingTitle.map { " against \"\($0)\"" } ?? "")]
        for component in components {
            let points = String(format: "%4.1f/%-3.0f", component.score * component.weight, component.weight)
            lines.append("  \(component.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(points) "
                + component.findings.joined(separator: "; "))
        }
        if !coverage.isEmpty {
            lines.append("Keywords (\(coverage.filter { !$0.places.isEmpty }.count) of \(coverage.count) found):")
            for item in coverage {
                let mark = item.places.isEmpty ? "missing" : item.places.prefix(4).joined(separator: ", ")
                    + (item.places.count > 4 ? ", +\(item.places.count - 4) more" : "")
                lines.append("  \(item.places.isEmpty ? "-" : "+") \(item.keyword) (\(item.mentions)x): \(mark)")
            }
        }
        if !suggestions.isEmpty { lines += ["Suggestions:"] + suggestions.map { "  - \($0)" } }
        if !notes.isEmpty { lines += ["Notes:"] + notes.map { "  - \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
