/// Folds English plurals so `APIs` meets `API` and `nurses` meets `nurse`. Applied the
/// same way to lexicon entries and to text, so an imperfect fold (`kubernetes` becomes
/// `kubernete`) still matches itself.
public enum Stemmer {
    /// The singular-ish form of a lower-cased word.
    public static func stem(_ word: String) -> String {
        guard word.count > 3, word.last == "s" else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || (word.hasSuffix("is") && word.count > 4) || word.hasSuffix("'s") { return word }
        return String(word.dropLast())
    }

    /// Stems of several words joined by spaces: the key a phrase is indexed and found by.
    public static func key(_ words: some Sequence<String>) -> String {
        words.map(stem).joined(separator: " ")
    }
}
