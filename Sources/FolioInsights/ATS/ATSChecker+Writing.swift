extension ATSChecker {
    /// Highlights between 5 and 35 words.
    func bullets(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        guard !facts.highlights.isEmpty else {
            suggestions.append("Add highlights to your work entries: one line each on what you achieved.")
            return ATSReport.Component(name: "bullets", weight: 10, score: 0, findings: ["no highlights"])
        }
        var findings: [String] = []
        for (path, text) in facts.highlights {
            let words = text.split(whereSeparator: \.isWhitespace).count
            if words < 5 { findings.append("\(path) is short (\(words) words)") }
            if words > 35 || text.count > 240 { findings.append("\(path) is long (\(words) words)") }
        }
        if !findings.isEmpty { suggestions.append("Keep each highlight to one line of 5 to 35 words; split long ones.") }
        let score = 1 - Double(findings.count) / Double(facts.highlights.count)
        return ATSReport.Component(name: "bullets", weight: 10, score: max(0, score),
                                   findings: findings.isEmpty ? ["\(facts.highlights.count) highlights, all 5-35 words"] : findings)
    }

    /// Share of highlights with a number (target: half of them).
    func quantified(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        guard !facts.highlights.isEmpty else {
            return ATSReport.Component(name: "quantified", weight: 10, score: 0, findings: ["no highlights to measure"])
        }
        let withNumbers = facts.highlights.filter { $0.text.contains(where: { $0.isNumber || $0 == "%" }) }.count
        let share = Double(withNumbers) / Double(facts.highlights.count)
        if share < 0.5 {
            suggestions.append("Put numbers in more highlights (how many, how much, how fast): \(withNumbers) of "
                + "\(facts.highlights.count) have one.")
        }
        return ATSReport.Component(name: "quantified", weight: 10, score: min(1, share / 0.5),
                                   findings: ["\(withNumbers) of \(facts.highlights.count) highlights have a number"])
    }

    /// Highlights that open with a weak verb or are written in the passive.
    func verbs(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        guard !facts.highlights.isEmpty else {
            return ATSReport.Component(name: "verbs", weight: 10, score: 0, findings: ["no highlights to read"])
        }
        var findings: [String] = []
        for (path, text) in facts.highlights {
            let words = Tokenizer.words(text)
            if let weak = Self.weakOpening(words) { findings.append("\(path) opens with \"\(weak)\"") }
            else if let passive = Self.passive(words) { findings.append("\(path) is passive (\"\(passive)\")") }
        }
        if !findings.isEmpty {
            suggestions.append("Open highlights with a strong verb in the active voice (led, built, cut, grew) instead of "
                + "\"responsible for\", \"helped\" or \"was ...ed\".")
        }
        let score = 1 - Double(findings.count) / Double(facts.highlights.count)
        return ATSReport.Component(name: "verbs", weight: 10, score: max(0, score),
                                   findings: findings.isEmpty ? ["highlights open with active verbs"] : findings)
    }

    static let weakOpenings = [
        ["responsible", "for"], ["helped"], ["assisted"], ["worked", "on"], ["worked", "with"], ["involved", "in"],
        ["participated", "in"], ["duties", "included"], ["tasked", "with"], ["handled"], ["did"], ["was"], ["were"],
        ["in", "charge", "of"], ["helping"], ["assisting"], ["working", "on"], ["tried"], ["got"],
    ]

    static func weakOpening(_ words: [String]) -> String? {
        weakOpenings.first { words.starts(with: $0) }?.joined(separator: " ")
    }

    /// "was reduced", "were built", "been awarded": a form of be and a past participle.
    static func passive(_ words: [String]) -> String? {
        let be: Set<String> = ["was", "were", "been", "being", "is", "are"]
        for (index, word) in words.enumerated().dropLast() where be.contains(word) {
            let next = words[index + 1]
            let participle = next.hasSuffix("ed") || (next.hasSuffix("en") && next.count >= 5)
            if participle || ["built", "made", "done", "led", "won", "run", "sent", "kept", "held"].contains(next) {
                return "\(word) \(next)"
            }
        }
        return nil
    }

    /// Flesch reading ease of the summary and highlights: 50 or more scores full marks.
    func readability(_ facts: ResumeFacts, _ suggestions: inout [String]) -> ATSReport.Component {
        let prose = facts.sections.filter { $0.path.hasSuffix("summary") || $0.path.contains("highlights[") }.map(\.text)
        guard let ease = Readability.fleschReadingEase(sentences: prose) else {
            return ATSReport.Component(name: "readability", weight: 10, score: 0, findings: ["no summary or highlights to read"])
        }
        let score = min(1, max(0, (ease - 10) / 40))
        if ease < 40 { suggestions.append("Use shorter sentences and plainer words: reading ease is \(Int(ease.rounded())) (aim for 50+).") }
        return ATSReport.Component(name: "readability", weight: 10, score: score,
                                   findings: ["Flesch reading ease \(Int(ease.rounded())) (\(Self.easeWords(ease)))"])
    }

    static func easeWords(_ ease: Double) -> String {
        ease >= 60 ? "plain English" : ease >= 50 ? "fairly easy" : ease >= 30 ? "hard going" : "very hard to read"
    }
}
