/// What a file's bytes are, before anything tries to read them as a posting or a resume.
public enum TextCheck {
    /// The bytes as text, or why they are not: empty, binary (a NUL byte or not UTF-8).
    public static func text(_ bytes: [UInt8]) -> Result<String, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else { return .failure(.binary) }
        guard text.contains(where: { !$0.isWhitespace }) else { return .failure(.empty) }
        return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
    }

    /// Why bytes are not usable text.
    public enum Problem: Error, Sendable, Hashable {
        case empty
        case binary

        /// The problem in words.
        public var message: String {
            switch self {
            case .empty: return "the file is empty"
            case .binary: return "the file is not text (binary data, or not UTF-8)"
            }
        }
    }

    /// True when text looks English enough for the lexicon and stop words: mostly Latin
    /// letters and enough common English words.
    public static func looksEnglish(_ words: [String]) -> Bool {
        let sample = words.prefix(2_000)
        guard sample.count >= 8 else { return true }
        let common = sample.filter { StopWords.function.contains($0) }.count
        let latin = sample.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }.count
        return Double(latin) / Double(sample.count) > 0.6 && Double(common) / Double(sample.count) > 0.08
    }
}
