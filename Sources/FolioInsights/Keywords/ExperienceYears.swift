/// Years of experience a posting asks for: `5+ years`, `3-5 years`, `at least two years`,
/// `minimum of 4 yrs`.
public enum ExperienceYears {
    /// The largest number of years asked for in `tokens` (capped at 20), or nil.
    public static func required(in tokens: [Token]) -> Double? {
        var best: Double?
        for (index, token) in tokens.enumerated() where ["year", "years", "yr", "yrs"].contains(token.text) {
            guard index > 0, !(index + 1 < tokens.count && tokens[index + 1].text == "old") else { continue }
            let window = tokens[max(0, index - 3)..<index].reversed()
            // The nearest number before "years": in "3-5 years" that is 5; the range's start is 3.
            guard let nearest = window.firstIndex(where: { number($0.text) != nil }) else { continue }
            var value = number(window[nearest].text)!
            let before = window.index(after: nearest)
            if before < window.endIndex, let lower = number(window[before].text), lower < value { value = lower }
            if value > 0, value <= 20 { best = max(best ?? 0, value) }
        }
        return best
    }

    static func number(_ word: String) -> Double? {
        let digits = word.filter { $0 != "+" }
        if let value = Double(digits) { return value }
        return words[word]
    }

    static let words: [String: Double] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                          "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15]
}
