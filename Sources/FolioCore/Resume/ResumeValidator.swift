/// Checks a resume document against `ResumeSchema`, collecting every problem with its
/// location: `resume.yaml:14:5: error: work[2].startDate "2019-13" is not a date (...)`.
struct ResumeValidator {
    let path: String
    let locations: JSONParser.Locations
    var errors: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    /// Longer text than any real resume field; a sign of a pasted file or an attack.
    static let maximumTextLength = 100_000

    mutating func validate(_ document: JSONObject) {
        let shape = Dictionary(uniqueKeysWithValues: ResumeSchema.sections)
        for (key, value) in document {
            guard let field = shape[key] else {
                var message = "'\(key)' is not a JSON Resume section; it is kept but not shown"
                if let suggestion = Self.closest(to: key, in: ResumeSchema.sectionNames) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                warnings.append(diagnostic(key, message, severity: .warning))
                continue
            }
            check(value, as: field, at: key)
        }
    }

    private mutating func check(_ value: JSONValue, as field: ResumeField, at path: String) {
        if value.isNull { return }  // null means "not given"
        switch field {
        case .text, .url, .email:
            guard case .string(let text) = value else { return fail(path, "\(path) must be text, not \(value.typeName)") }
            if text.utf8.count > Self.maximumTextLength {
                fail(path, "\(path) is \(text.utf8.count) bytes long; the limit is \(Self.maximumTextLength)")
            }
            if case .email = field, !text.isEmpty, !Self.looksLikeEmail(text) {
                fail(path, "\(path) \"\(text)\" is not an email address")
            }
        case .date:
            guard case .string(let text) = value else { return fail(path, "\(path) must be a date in quotes, not \(value.typeName)") }
            if !text.isEmpty, PartialDate(text) == nil {
                fail(path, "\(path) \"\(text)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
        case .texts:
            guard case .array(let items) = value else { return fail(path, "\(path) must be a list of text, not \(value.typeName)") }
            for (index, item) in items.enumerated() { check(item, as: .text, at: "\(path)[\(index)]") }
        case .object(let fields):
            guard case .object(let object) = value else {
                if path.hasSuffix(".location"), case .string = value {
                    return fail(path, "\(path) must be an object like {\"city\": \"Berlin\", \"countryCode\": \"DE\"}, not text")
                }
                return fail(path, "\(path) must be an object, not \(value.typeName)")
            }
            for (key, item) in object { if let field = fields[key] { check(item, as: field, at: "\(path).\(key)") } }
        case .objects(let fields):
            guard case .array(let items) = value else { return fail(path, "\(path) must be a list, not \(value.typeName)") }
            for (index, item) in items.enumerated() { check(item, as: .object(fields), at: "\(path)[\(index)]") }
        }
    }

    private mutating func fail(_ valuePath: String, _ message: String) {
        errors.append(diagnostic(valuePath, message, severity: .error))
    }

    private func diagnostic(_ valuePath: String, _ message: String, severity: Diagnostic.Severity) -> Diagnostic {
        let location = locations[valuePath]
        return Diagnostic(path: path, line: location?.line ?? 0, column: location?.column ?? 0, severity: severity, message: message)
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    /// The known name within edit distance 2 of `name`, if any.
    static func closest(to name: String, in names: Set<String>) -> String? {
        names.map { ($0, distance(name.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
