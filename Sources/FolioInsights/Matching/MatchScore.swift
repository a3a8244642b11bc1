import FolioCore

/// How well a resume fits a posting: experience 0.4, skills 0.35, location 0.15,
/// preferences 0.1, each part with its reason.
public struct MatchScore: Sendable {
    /// One weighted part.
    public struct Part: Sendable, Hashable {
        /// `experience`, `skills`, `location` or `preferences`.
        public var name: String
        /// Its weight (0.4, 0.35, 0.15, 0.1).
        public var weight: Double
        /// 0 to 1.
        public var score: Double
        /// Why, in words.
        public var reason: String
    }

    /// 0-100.
    public var total: Int
    /// The four parts, in weight order.
    public var parts: [Part]
    /// The posting's title and company, for listings.
    public var postingTitle: String
    /// See `postingTitle`.
    public var company: String?

    /// The part named `name`.
    public func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// As JSON, for `--json`.
    public var json: JSONValue {
        var object = JSONObject([("score", .number(Double(total))), ("title", .string(postingTitle))])
        if let company { object["company"] = .string(company) }
        object["parts"] = .array(parts.map { part in
            .object(JSONObject([("name", .string(part.name)), ("weight", .number(part.weight)),
                                ("score", .number((part.score * 100).rounded() / 100)), ("reason", .string(part.reason))]))
        })
        return .object(object)
    }
}
