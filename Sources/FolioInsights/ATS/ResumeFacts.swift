import FolioCore

/// A resume as the ATS check and matching read it: its text by place (`basics.summary`,
/// `work[0].highlights[2]`, `skills[1]`), each place's tokens and skills, its work periods
/// and its contact details.
public struct ResumeFacts: Sendable {
    /// One place in the resume with text.
    public struct Section: Sendable {
        /// Where: `basics.summary`, `work[0].highlights[2]`, `skills[1]`.
        public var path: String
        /// The text.
        public var text: String
        /// Its tokens.
        public var tokens: [Token]
        /// The lexicon skills it mentions.
        public var skills: Set<Int>
        /// Its tokens' stems joined by spaces, padded with spaces (for phrase search).
        var stems: String
    }

    /// A dated entry of `work` (or `volunteer`).
    public struct Period: Sendable {
        /// Where: `work[0]`.
        public var path: String
        /// The position held.
        public var position: String
        /// The employer.
        public var organization: String
        /// The start date as written, and parsed.
        public var startText: String?
        /// See `startText`.
        public var start: PartialDate?
        /// The end date as written (nil: still there), and parsed.
        public var endText: String?
        /// See `endText`.
        public var end: PartialDate?
        /// The summary and highlights, for relevance and for notes on overlaps.
        public var text: String
    }

    /// The JSON Resume document read (valid or not: the ATS check reports what is wrong).
    public var document: JSONObject
    /// Every place with text, in document order.
    public var sections: [Section]
    /// Work (and volunteer) entries.
    public var periods: [Period]
    /// Highlights of work, volunteer and projects, with their paths.
    public var highlights: [(path: String, text: String)]

    /// Reads `resume` with `lexicon`.
    public init(resume: Resume, lexicon: SkillLexicon) {
        self.init(document: resume.document, lexicon: lexicon)
    }

    /// Reads a JSON Resume document, even one that does not validate, with `lexicon`.
    public init(document: JSONObject, lexicon: SkillLexicon) {
        self.document = document
        var texts: [(String, String)] = []
        Self.collect(.object(document), path: "", into: &texts)
        sections = texts.map { path, text in
            let tokens = Tokenizer.tokens(text)
            return Section(path: path, text: text, tokens: tokens, skills: Set(lexicon.matches(in: tokens).map(\.skill)),
                           stems: " " + tokens.map { Stemmer.stem($0.text) }.joined(separator: " ") + " ")
        }
        highlights = texts.filter { $0.0.contains(".highlights[") }.map { ($0.0, $0.1) }
        periods = Self.periods(document)
    }

    /// Fields that are not prose: left out of keyword and readability checks.
    static let skippedKeys: Set<String> = ["url", "email", "phone", "image", "startDate", "endDate", "date", "releaseDate",
                                           "countryCode", "postalCode", "username", "network", "score", "level", "fluency"]

    /// Every text value with its path; a skill's name and keywords are one place.
    static func collect(_ value: JSONValue, path: String, into texts: inout [(String, String)]) {
        switch value {
        case .string(let text) where !text.trimmingWhitespace().isEmpty:
            texts.append((path, text))
        case .object(let object):
            if path.hasPrefix("skills["), let name = object["name"]?.stringValue {
                let keywords = object["keywords"]?.arrayValue?.compactMap(\.stringValue) ?? []
                texts.append((path, ([name] + keywords).joined(separator: ", ")))
                return
            }
            for (key, item) in object where !skippedKeys.contains(key) {
                collect(item, path: path.isEmpty ? key : "\(path).\(key)", into: &texts)
            }
        case .array(let items):
            for (index, item) in items.enumerated() { collect(item, path: "\(path)[\(index)]", into: &texts) }
        default:
            break
        }
    }

    static func periods(_ document: JSONObject) -> [Period] {
        ["work", "volunteer"].flatMap { list in
            (document[list]?.arrayValue ?? []).enumerated().compactMap { index, item -> Period? in
                guard let entry = item.objectValue else { return nil }
                func text(_ key: String) -> String? { entry[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
                let prose = ([text("summary")] + (entry["highlights"]?.arrayValue ?? []).map(\.stringValue)).compactMap { $0 }
                return Period(path: "\(list)[\(index)]", position: text("position") ?? "",
                              organization: text("name") ?? text("organization") ?? "",
                              startText: text("startDate"), start: text("startDate").flatMap(PartialDate.init),
                              endText: text("endDate"), end: text("endDate").flatMap(PartialDate.init),
                              text: prose.joined(separator: "\n"))
            }
        }
    }

    /// The paths of the places that mention a keyword (a skill, or a phrase by its key).
    public func places(of keyword: Keyword) -> [String] {
        if let skill = keyword.skill { return sections.filter { $0.skills.contains(skill) }.map(\.path) }
        let needle = " \(keyword.key) "
        return sections.filter { $0.stems.contains(needle) }.map(\.path)
    }

    /// The keywords of `keywords` the resume mentions nowhere, in their order.
    public func missing(_ keywords: [Keyword]) -> [Keyword] {
        keywords.filter { places(of: $0).isEmpty }
    }

    /// Every lexicon skill the resume mentions anywhere.
    public var skills: Set<Int> { sections.reduce(into: Set<Int>()) { $0.formUnion($1.skills) } }

    /// A text field of `basics` (`email`, `location.city`).
    public func basics(_ path: String) -> String? {
        var value: JSONValue? = document["basics"]
        for key in path.split(separator: ".") { value = value?.objectValue?[String(key)] }
        return value?.stringValue.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
    }
}
