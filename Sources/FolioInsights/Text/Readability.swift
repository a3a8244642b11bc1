/// Flesch reading ease: 206.835 - 1.015 (words per sentence) - 84.6 (syllables per word).
/// Around 60-70 is plain English; below 30 is hard going. Syllables are counted by vowel
/// groups, the usual approximation.
public enum Readability {
    /// The score of sentences given as separate strings (a resume's bullets each count as
    /// one sentence, whatever their punctuation), or nil when there are no words.
    public static func fleschReadingEase(sentences: [String]) -> Double? {
        var sentenceCount = 0, wordCount = 0, syllableCount = 0
        for text in sentences {
            for sentence in text.split(whereSeparator: { ".!?\n".contains($0) }) {
                let words = sentence.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }
                guard !words.isEmpty else { continue }
                sentenceCount += 1
                wordCount += words.count
                syllableCount += words.reduce(0) { $0 + syllables(in: $1) }
            }
        }
        guard wordCount > 0 else { return nil }
        return 206.835 - 1.015 * Double(wordCount) / Double(sentenceCount) - 84.6 * Double(syllableCount) / Double(wordCount)
    }

    /// Syllables of one word: vowel groups, a silent final `e` left out, at least one.
    public static func syllables(in word: some StringProtocol) -> Int {
        let letters = word.lowercased().filter(\.isLetter)
        var count = 0
        var previousVowel = false
        for letter in letters {
            let vowel = "aeiouy".contains(letter)
            if vowel, !previousVowel { count += 1 }
            previousVowel = vowel
        }
        if letters.hasSuffix("e"), !letters.hasSuffix("le"), count > 1 { count -= 1 }
        return max(count, 1)
    }
}
