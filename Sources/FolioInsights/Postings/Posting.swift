import FolioCore

/// A job posting: what `folio jobs import` reads from a file and keeps as a posting
/// record, and what the ATS check and matching read.
public struct Posting: Sendable, Hashable {
    /// The job title.
    public var title: String
    /// The hiring company.
    public var company: String?
    /// Where the posting was published.
    public var url: String?
    /// The description as plain text (requirements included).
    public var text: String
    /// The requirements or qualifications, as plain text, when the posting has them apart
    /// or under a heading.
    public var requirements: String?
    /// City (and region), as written.
    public var location: String?
    /// Country, as written (a name or an ISO code).
    public var country: String?
    /// `remote`, `hybrid` or `on-site`, when the posting says.
    public var workplace: String?
    /// Salary range, in `salaryCurrency` per `salaryPeriod` (`year`, `month`, `hour`).
    public var salaryMin: Double?
    /// See `salaryMin`.
    public var salaryMax: Double?
    /// ISO currency code, when known.
    public var salaryCurrency: String?
    /// `year`, `month`, `week`, `day` or `hour`.
    public var salaryPeriod: String?
    /// `full-time`, `part-time`, `contract`, `temporary` or `internship`.
    public var employment: String?
    /// When it was posted (`YYYY-MM-DD`).
    public var date: String?
    /// The format it was read from: `text`, `markdown`, `html`, `json-ld`, `greenhouse`, `lever`.
    public var source: String

    /// A posting with a title and text; everything else unknown.
    public init(title: String, text: String, source: String = "text") {
        self.title = title
        self.text = text
        self.source = source
    }

    /// The record fields (title, company, url and text have columns; the rest live in the
    /// replica's field table).
    public var fields: [String: JSONValue] {
        var fields: [String: JSONValue] = ["title": .string(title), "text": .string(text), "source": .string(source)]
        let texts: [(String, String?)] = [("company", company), ("url", url), ("requirements", requirements),
                                          ("location", location), ("country", country), ("workplace", workplace),
                                          ("salary.currency", salaryCurrency), ("salary.period", salaryPeriod),
                                          ("employment", employment), ("date", date)]
        for case (let name, let value?) in texts { fields[name] = .string(value) }
        if let salaryMin { fields["salary.min"] = .number(salaryMin) }
        if let salaryMax { fields["salary.max"] = .number(salaryMax) }
        return fields
    }

    /// A posting from record fields (unknown fields are ignored).
    public init(fields: JSONObject) {
        func text(_ name: String) -> String? { fields[name]?.stringValue }
        func number(_ name: String) -> Double? {
            if case .number(let value)? = fields[name] { return value }
            return nil
        }
        self.init(title: text("title") ?? "", text: text("text") ?? "", source: text("source") ?? "text")
        company = text("company")
        url = text("url")
        requirements = text("requirements")
        location = text("location")
        country = text("country")
        workplace = text("workplace")
        salaryMin = number("salary.min")
        salaryMax = number("salary.max")
        salaryCurrency = text("salary.currency")
        salaryPeriod = text("salary.period")
        employment = text("employment")
        date = text("date")
    }

    /// The record fields as a JSON object, sorted by name (for `--json`).
    public var json: JSONValue {
        .object(JSONObject(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
    }
}
