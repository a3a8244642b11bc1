/// A resume in the JSON Resume format (jsonresume.org), kept exactly as written.
///
/// The document itself is the source of truth: fields the schema does not name, key
/// order and dates as written (`2019`, `2019-03`, `2019-03-15`) all survive a read and
/// write. Typed views (`basics`, `work`, ...) are read from it for renderers.
///
/// ```swift
/// let resume = try Resume(json: value, path: "resume.json", locations: locations)
/// print(resume.basics.name ?? "")
/// ```
public struct Resume: Sendable, Hashable {
    /// The whole JSON Resume document.
    public private(set) var document: JSONObject
    /// Problems that do not stop the resume from being used (an unknown section name).
    public private(set) var warnings: [Diagnostic]

    /// Validates `json` against the JSON Resume schema. `path` and `locations` (from
    /// `JSONParser` or the YAML reader) place each problem in the user's file.
    public init(json: JSONValue, path: String = "resume.json", locations: JSONParser.Locations = [:]) throws(DiagnosticError) {
        guard case .object(let object) = json else {
            throw DiagnosticError(Diagnostic(path: path, line: locations[""]?.line ?? 1, column: locations[""]?.column ?? 1,
                                             message: "a resume must be an object with sections like basics, work and education"))
        }
        var validator = ResumeValidator(path: path, locations: locations)
        validator.validate(object)
        if object.isEmpty {
            validator.errors.append(Diagnostic(path: path, line: 1, column: 1,
                                               message: "the resume is empty; add at least basics.name"))
        }
        guard validator.errors.isEmpty else { throw DiagnosticError(validator.errors) }
        self.document = object
        self.warnings = validator.warnings
    }

    /// The document as JSON, unknown fields included.
    public var json: JSONValue { .object(document) }

    /// The value at a dotted path such as `basics.name` or `work[0].position`.
    public func value(at path: String) -> JSONValue? {
        var current: JSONValue? = .object(document)
        for step in ResumePath.steps(path) {
            switch step {
            case .key(let key): current = current?.objectValue?[key]
            case .index(let index):
                guard let items = current?.arrayValue, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }
}

/// Paths like `work[2].highlights[0]`.
public enum ResumePath {
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { steps.append(.key(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    steps.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? -1))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }
}

extension Resume {
    /// YAML types `2019` as a number and `yes` as true, but every field JSON Resume names
    /// is text. This puts the text back (from `rawText`, the scalars as written, by path)
    /// wherever the schema expects text, and leaves fields it does not name as typed.
    public static func schemaTyped(_ json: JSONValue, rawText: [String: String]) -> JSONValue {
        guard case .object(let object) = json else { return json }
        let shape = Dictionary(uniqueKeysWithValues: ResumeSchema.sections)
        var result = JSONObject()
        for (key, value) in object {
            result[key] = shape[key].map { retype(value, as: $0, at: key, rawText: rawText) } ?? value
        }
        return .object(result)
    }

    private static func retype(_ value: JSONValue, as field: ResumeField, at path: String, rawText: [String: String]) -> JSONValue {
        switch (field, value) {
        case (.text, .number), (.text, .bool), (.date, .number), (.url, .number), (.email, .number):
            return rawText[path].map(JSONValue.string) ?? value
        case (.texts, .array(let items)):
            return .array(items.enumerated().map { retype($1, as: .text, at: "\(path)[\($0)]", rawText: rawText) })
        case (.object(let fields), .object(let object)):
            var result = JSONObject()
            for (key, item) in object {
                result[key] = fields[key].map { retype(item, as: $0, at: "\(path).\(key)", rawText: rawText) } ?? item
            }
            return .object(result)
        case (.objects(let fields), .array(let items)):
            return .array(items.enumerated().map { retype($1, as: .object(fields), at: "\(path)[\($0)]", rawText: rawText) })
        default:
            return value
        }
    }
}
