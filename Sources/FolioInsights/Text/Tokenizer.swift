/// A word of text, lower-cased, as every analysis here sees it.
///
/// `Tokenizer` keeps what skills are written with: `c++`, `c#`, `.net`, `node.js`, `r&d`;
/// it splits on hyphens and slashes (`CI/CD` is `ci` `cd`, `front-end` is `front` `end`)
/// so that `Python-based` still says `python`. Text in any script gives tokens; only the
/// lexicon is English.
public struct Token: Sendable, Hashable {
    /// The word, lower-cased.
    public var text: String
    /// The word as written (for skills that only count when capitalised, like `Go`).
    public var raw: String
    /// True when punctuation that ends a phrase (`.,;:!?()`, a line break, a bullet)
    /// came between this token and the one before.
    public var startsPhrase: Bool
}

/// Splits text into `Token`s.
///
/// ```swift
/// Tokenizer.tokens("Node.js, C++ and CI/CD").map(\.text)  // ["node.js", "c++", "and", "ci", "cd"]
/// ```
public enum Tokenizer {
    /// The tokens of `text`, in order.
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        while let token = scanner.next() { tokens.append(token) }
        return tokens
    }

    /// The lower-cased words of `text` (tokens without their flags).
    public static func words(_ text: String) -> [String] { tokens(text).map(\.text) }

    /// True for letters and digits of any script.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Punctuation that ends a phrase: keyphrases never span it.
    static func breaksPhrase(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\n", "\r", "\u{2022}", "|", "\"", "\u{2014}", "\u{2013}", "*":
            return true
        default:
            return false
        }
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var sawBreak = true

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func isWord(_ at: Int) -> Bool { at < scalars.count && Tokenizer.isWordScalar(scalars[at]) }

        mutating func next() -> Token? {
            while index < scalars.count, !isWord(index), !startsDotWord(index) {
                if Tokenizer.breaksPhrase(scalars[index]) { sawBreak = true }
                index += 1
            }
            guard index < scalars.count else { return nil }
            let start = index
            index += 1
            while index < scalars.count {
                let scalar = scalars[index]
                if isWord(index) {
                    index += 1
                } else if (scalar == "." || scalar == "&" || scalar == "'" || scalar == "\u{2019}"), isWord(index + 1) {
                    index += 2
                } else if scalar == "+" || scalar == "#" {
                    while index < scalars.count, scalars[index] == "+" || scalars[index] == "#" { index += 1 }
                    break
                } else {
                    break
                }
            }
            var raw = String(String.UnicodeScalarView(scalars[start..<index]))
            if raw.hasSuffix("'s") || raw.hasSuffix("\u{2019}s") { raw.removeLast(2) }
            defer { sawBreak = false }
            return Token(text: raw.lowercased(), raw: raw, startsPhrase: sawBreak)
        }

        /// `.net`: a dot that starts a word after a space.
        func startsDotWord(_ at: Int) -> Bool {
            scalars[at] == "." && isWord(at + 1) && (at == 0 || scalars[at - 1] == " " || scalars[at - 1] == "\n")
        }
    }
}
