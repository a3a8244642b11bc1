import FolioCore

/// A variant of a resume for one posting: skills, their keywords and each entry's
/// highlights reordered so what the posting asks for comes first. Nothing is added,
/// removed or reworded; items the posting does not mention keep their order.
public struct Tailor: Sendable {
    /// The lexicon the posting was analysed with.
    public var lexicon: SkillLexicon

    /// A tailor over `lexicon`.
    public init(lexicon: SkillLexicon = .builtin) {
        self.lexicon = lexicon
    }

    /// The reordered document and what moved, in words.
    public func tailor(_ resume: Resume, for posting: PostingAnalysis) -> (document: JSONValue, changes: [String]) {
        var document = resume.document
        var changes: [String] = []
        let weights = Weights(posting: posting, lexicon: lexicon)
        if let skills = document["skills"]?.arrayValue {
            document["skills"] = .array(reorder(skills, path: "skills", weights: weights, changes: &changes).map { skill in
                guard var object = skill.objectValue, let keywords = object["keywords"]?.arrayValue else { return skill }
                object["keywords"] = .array(reorder(keywords, path: "keywords of \(object["name"]?.stringValue ?? "a skill")",
                                                    weights: weights, changes: &changes))
                return .object(object)
            })
        }
        for list in ["work", "projects", "volunteer"] {
            guard let entries = document[list]?.arrayValue else { continue }
            document[list] = .array(entries.enumerated().map { index, entry in
                guard var object = entry.objectValue, let highlights = object["highlights"]?.arrayValue else { return entry }
                object["highlights"] = .array(reorder(highlights, path: "\(list)[\(index)].highlights", weights: weights, changes: &changes))
                return .object(object)
            })
        }
        return (.object(document), changes)
    }

    /// Items by relevance, highest first; a stable sort, so ties keep their order.
    func reorder(_ items: [JSONValue], path: String, weights: Weights, changes: inout [String]) -> [JSONValue] {
        let scored = items.enumerated().map { ($0.offset, $0.element, weights.relevance(of: Self.text($0.element))) }
        let sorted = scored.sorted { ($0.2, $1.0) > ($1.2, $0.0) }
        guard sorted.map(\.0) != scored.map(\.0) else { return items }
        let moved = sorted.prefix(3).filter { $0.2 > 0 }.map { "\"\(Self.label($0.1))\"" }
        changes.append("\(path): \(moved.joined(separator: ", ")) moved first")
        return sorted.map(\.1)
    }

    static func text(_ value: JSONValue) -> String {
        if let text = value.stringValue { return text }
        guard let object = value.objectValue else { return "" }
        let keywords = object["keywords"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return ([object["name"]?.stringValue ?? ""] + keywords).joined(separator: ", ")
    }

    static func label(_ value: JSONValue) -> String {
        let text = value.objectValue?["name"]?.stringValue ?? value.stringValue ?? ""
        return text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    /// The posting's keyword weights, for scoring a piece of resume text.
    struct Weights {
        let lexicon: SkillLexicon
        let skills: [Int: Double]
        let phrases: [(key: String, weight: Double)]

        init(posting: PostingAnalysis, lexicon: SkillLexicon) {
            self.lexicon = lexicon
            skills = Dictionary(posting.skills.compactMap { keyword in keyword.skill.map { ($0, keyword.weight) } }, uniquingKeysWith: max)
            phrases = posting.phrases.map { (" \($0.key) ", $0.weight) }
        }

        func relevance(of text: String) -> Double {
            let tokens = Tokenizer.tokens(text)
            let found = Set(lexicon.matches(in: tokens).map(\.skill))
            let stems = " " + tokens.map { Stemmer.stem($0.text) }.joined(separator: " ") + " "
            return found.reduce(0) { $0 + (skills[$1] ?? 0) } + phrases.filter { stems.contains($0.key) }.reduce(0) { $0 + $1.weight }
        }
    }
}
