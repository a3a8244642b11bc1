import FolioCore

/// schema.org `JobPosting`, as job sites embed it in `<script type="application/ld+json">`.
enum JobPostingLD {
    /// Every `JobPosting` object in a JSON-LD value: itself, in a list, or in `@graph`.
    static func find(in value: JSONValue) -> [JSONObject] {
        switch value {
        case .array(let items):
            return items.flatMap(find)
        case .object(let object):
            if isJobPosting(object["@type"]) { return [object] }
            return object["@graph"].map(find) ?? []
        default:
            return []
        }
    }

    static func isJobPosting(_ type: JSONValue?) -> Bool {
        switch type {
        case .string(let name)?: return name == "JobPosting" || name.hasSuffix("/JobPosting")
        case .array(let names)?: return names.contains { isJobPosting($0) }
        default: return false
        }
    }

    /// The posting a `JobPosting` object describes.
    static func posting(_ job: JSONObject) -> Posting {
        let description = HTMLText.text(Entities.decode(job["description"]?.stringValue ?? ""))
        let extras = ["qualifications", "skills", "experienceRequirements", "educationRequirements"].compactMap { key in
            text(job[key]).map { (key, $0) }
        }
        let body = ([description] + extras.map { "\(heading($0.0)):\n\($0.1)" }).joined(separator: "\n\n")
        var posting = Posting(title: Entities.decode(job["title"]?.stringValue ?? ""), text: body, source: "json-ld")
        posting.requirements = extras.isEmpty ? nil : extras.map(\.1).joined(separator: "\n")
        posting.company = organization(job["hiringOrganization"])
        posting.url = job["url"]?.stringValue
        posting.date = job["datePosted"]?.stringValue.map { String($0.prefix(10)) }
        posting.employment = employment(job["employmentType"])
        applyLocation(job, to: &posting)
        applySalary(job["baseSalary"]?.objectValue, to: &posting)
        return posting
    }

    static func heading(_ key: String) -> String {
        ["qualifications": "Qualifications", "skills": "Skills", "experienceRequirements": "Experience required",
         "educationRequirements": "Education"][key] ?? key
    }

    /// Text from a string, a list of strings, or an object with `description`/`name`.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : HTMLText.text(Entities.decode(text))
        case .array(let items)?:
            let texts = items.compactMap { text($0) }
            return texts.isEmpty ? nil : texts.joined(separator: "\n")
        case .object(let object)?:
            if case .number(let months)? = object["monthsOfExperience"] { return "\(Int(months / 12)) years of experience" }
            return text(object["description"] ?? object["name"])
        default: return nil
        }
    }

    static func organization(_ value: JSONValue?) -> String? {
        value?.stringValue ?? value?.objectValue?["name"]?.stringValue
    }

    static func employment(_ value: JSONValue?) -> String? {
        if let text = value?.stringValue { return EmploymentType.normalize(text) }
        return value?.arrayValue?.compactMap { $0.stringValue.flatMap(EmploymentType.normalize) }.first
    }

    static func applyLocation(_ job: JSONObject, to posting: inout Posting) {
        if job["jobLocationType"]?.stringValue?.uppercased() == "TELECOMMUTE" { posting.workplace = "remote" }
        let place = job["jobLocation"]?.arrayValue?.first ?? job["jobLocation"]
        guard let address = place?.objectValue?["address"]?.objectValue else { return }
        let parts = [address["addressLocality"], address["addressRegion"]].compactMap { $0?.stringValue }.filter { !$0.isEmpty }
        if !parts.isEmpty { posting.location = parts.joined(separator: ", ") }
        posting.country = address["addressCountry"]?.stringValue ?? address["addressCountry"]?.objectValue?["name"]?.stringValue
    }

    static func applySalary(_ salary: JSONObject?, to posting: inout Posting) {
        guard let salary else { return }
        posting.salaryCurrency = salary["currency"]?.stringValue
        let value = salary["value"]?.objectValue
        posting.salaryMin = (value?["minValue"] ?? value?["value"])?.numberValue
        posting.salaryMax = (value?["maxValue"] ?? value?["value"])?.numberValue
        posting.salaryPeriod = value?["unitText"]?.stringValue.map(SalaryPeriod.normalize)
    }
}
