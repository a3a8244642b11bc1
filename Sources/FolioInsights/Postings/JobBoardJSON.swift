import FolioCore

/// Postings from JSON: schema.org `JobPosting` (JSON-LD, also inside `@graph` or a list),
/// a Greenhouse job board export (`{"jobs": [...]}` or one job) and a Lever postings
/// export (a list of postings, or one).
enum JobBoardJSON {
    static func postings(_ text: String, path: String) throws(DiagnosticError) -> [Posting] {
        let (value, _) = try JSONParser.parse(text, path: path)
        let ld = JobPostingLD.find(in: value)
        if !ld.isEmpty { return ld.map(JobPostingLD.posting) }
        if let jobs = value.objectValue?["jobs"]?.arrayValue { return jobs.compactMap(\.objectValue).map(greenhouse) }
        let objects = value.arrayValue?.compactMap(\.objectValue) ?? value.objectValue.map { [$0] } ?? []
        if let first = objects.first, first["absolute_url"] != nil || first["content"] != nil { return objects.map(greenhouse) }
        if let first = objects.first, first["hostedUrl"] != nil || first["descriptionPlain"] != nil || first["categories"] != nil {
            return objects.map(lever)
        }
        if value.arrayValue?.isEmpty == true || value.objectValue?["jobs"] != nil {
            throw DiagnosticError(Diagnostic(path: path, message: "the export holds no postings"))
        }
        throw DiagnosticError(Diagnostic(path: path, line: 1, column: 1, message: "this JSON is not a job posting: expected "
            + "schema.org JobPosting JSON-LD, a Greenhouse export ({\"jobs\": [...]}) or a Lever export ([{\"text\", \"categories\", ...}])"))
    }

    /// A Greenhouse job (`GET /v1/boards/{board}/jobs?content=true`): `content` is HTML,
    /// itself entity-escaped.
    static func greenhouse(_ job: JSONObject) -> Posting {
        let html = Entities.decode(job["content"]?.stringValue ?? "")
        var posting = Posting(title: job["title"]?.stringValue ?? "", text: HTMLText.text(html), source: "greenhouse")
        posting.url = job["absolute_url"]?.stringValue
        posting.location = job["location"]?.objectValue?["name"]?.stringValue
        posting.company = job["company_name"]?.stringValue
        posting.date = (job["first_published"] ?? job["updated_at"])?.stringValue.map { String($0.prefix(10)) }
        for field in job["metadata"]?.arrayValue?.compactMap(\.objectValue) ?? [] {
            guard let name = field["name"]?.stringValue?.lowercased(), let value = field["value"]?.stringValue else { continue }
            if name.contains("employment") { posting.employment = EmploymentType.normalize(value) }
            if name.contains("remote") || name.contains("workplace") { posting.workplace = Workplace.normalize(value) }
        }
        return posting
    }

    /// A Lever posting (`GET /v0/postings/{company}?mode=json`).
    static func lever(_ job: JSONObject) -> Posting {
        let lists = job["lists"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let listText = lists.map { list in
            (list["text"]?.stringValue ?? "") + ":\n" + HTMLText.text("<ul>" + (list["content"]?.stringValue ?? "") + "</ul>")
        }
        let description = job["descriptionPlain"]?.stringValue ?? HTMLText.text(job["description"]?.stringValue ?? "")
        let additional = job["additionalPlain"]?.stringValue ?? HTMLText.text(job["additional"]?.stringValue ?? "")
        let text = ([description] + listText + [additional]).filter { !$0.isEmpty }.joined(separator: "\n\n")
        var posting = Posting(title: job["text"]?.stringValue ?? "", text: text, source: "lever")
        let categories = job["categories"]?.objectValue
        posting.location = categories?["location"]?.stringValue
        posting.employment = categories?["commitment"]?.stringValue.flatMap(EmploymentType.normalize)
        posting.url = job["hostedUrl"]?.stringValue
        // Lever exports name no company; its board's name is in every posting's URL.
        posting.company = posting.url.flatMap { url in
            url.split(separator: "/").count > 3 && url.contains("lever.co") ? String(url.split(separator: "/")[2]) : nil
        }
        posting.country = job["country"]?.stringValue
        posting.workplace = job["workplaceType"]?.stringValue.flatMap(Workplace.normalize)
        let requirements = lists.filter { ($0["text"]?.stringValue ?? "").lowercased().contains(anyOf: ["require", "qualif", "skill", "need", "must", "you have", "you bring", "about you"]) }
        if !requirements.isEmpty {
            posting.requirements = requirements.map { HTMLText.text("<ul>" + ($0["content"]?.stringValue ?? "") + "</ul>") }.joined(separator: "\n")
        }
        if case .number(let millis)? = job["createdAt"] { posting.date = DayText.from(milliseconds: millis) }
        if let salary = job["salaryRange"]?.objectValue {
            posting.salaryMin = salary["min"].flatMap(\.numberValue)
            posting.salaryMax = salary["max"].flatMap(\.numberValue)
            posting.salaryCurrency = salary["currency"]?.stringValue
            posting.salaryPeriod = salary["interval"]?.stringValue.map(SalaryPeriod.normalize)
        }
        return posting
    }
}

extension JSONValue {
    /// The number, when this is one (or text holding one, as some exports write).
    var numberValue: Double? {
        switch self {
        case .number(let value): return value
        case .string(let text): return Double(text.filter { $0 != "," })
        default: return nil
        }
    }
}

extension String {
    func contains(anyOf needles: [String]) -> Bool { needles.contains { contains($0) } }
}
