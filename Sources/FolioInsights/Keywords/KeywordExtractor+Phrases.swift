extension KeywordExtractor {
    /// Phrases of 1-3 words the posting repeats (RAKE-like: candidates are runs of words
    /// between stop words and punctuation), skills and numbers left out.
    func keyphrases(_ tokens: [Token], skillMatches: [SkillMatch], requirements: [Token], titleWords: Set<String>,
                    company: String?) -> [Keyword] {
        var inSkill = [Bool](repeating: false, count: tokens.count)
        for match in skillMatches { for index in match.start..<(match.start + match.length) { inSkill[index] = true } }
        var counts: [String: (text: String, count: Int, words: Int)] = [:]
        var run: [Token] = []
        func flush() {
            for length in 1...3 where run.count >= length {
                for start in 0...(run.count - length) {
                    let words = run[start..<(start + length)]
                    let key = Stemmer.key(words.map(\.text))
                    counts[key, default: (words.map(\.text).joined(separator: " "), 0, length)].count += 1
                }
            }
            run = []
        }
        for (index, token) in tokens.enumerated() {
            if token.startsPhrase || inSkill[index] || !Self.isPhraseWord(token.text) { flush() }
            if !inSkill[index], Self.isPhraseWord(token.text) { run.append(token) }
        }
        flush()
        let requirementKeys = Set(requirements.map { Stemmer.stem($0.text) })
        // The company's own name is not a keyword to add to a resume.
        let companyWords = Tokenizer.words(company ?? "").map(Stemmer.stem)
        let excluded = Set((1...3).flatMap { length in
            companyWords.count >= length ? (0...(companyWords.count - length)).map { companyWords[$0..<($0 + length)].joined(separator: " ") } : []
        })
        return rank(counts, requirementKeys: requirementKeys, titleWords: titleWords, excluded: excluded)
    }

    /// Words a phrase may contain: not stop words, not numbers, at least 3 letters.
    static func isPhraseWord(_ word: String) -> Bool {
        word.count >= 3 && !StopWords.contains(word) && word.contains(where: \.isLetter) && !word.contains(where: \.isNumber)
    }

    private func rank(_ counts: [String: (text: String, count: Int, words: Int)], requirementKeys: Set<String>,
                      titleWords: Set<String>, excluded: Set<String>) -> [Keyword] {
        // Single words must recur three times to count; phrases twice.
        let repeated = counts.filter { $0.value.count >= ($0.value.words == 1 ? 3 : 2) && !excluded.contains($0.key) }
        // A phrase that only ever appears inside a longer one is that longer phrase.
        let kept = repeated.filter { key, value in
            !repeated.contains { other, otherValue in
                otherValue.words > value.words && otherValue.count >= value.count && " \(other) ".contains(" \(key) ")
            }
        }
        let keywords = kept.map { key, value in
            let words = key.split(separator: " ").map(String.init)
            return Keyword(text: value.text, skill: nil, key: key, count: value.count,
                           inTitle: words.allSatisfy(titleWords.contains), inRequirements: words.allSatisfy(requirementKeys.contains))
        }
        let scored = keywords.map { ($0, $0.weight * (1 + 0.3 * Double($0.key.split(separator: " ").count - 1))) }
        return scored.sorted { ($0.1, $1.0.text) > ($1.1, $0.0.text) }.prefix(maximumPhrases).map(\.0)
    }
}
