/// HTML character references: `&amp;`, `&#8217;`, `&#x2019;` and the named ones job
/// boards use.
public enum Entities {
    /// `text` with every character reference it knows replaced; unknown ones are kept.
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            rest = rest[amp...]
            let body = rest.dropFirst().prefix(12).prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
            let end = rest.index(rest.startIndex, offsetBy: body.count + 1)
            if end < rest.endIndex, rest[end] == ";", let decoded = character(String(body)) {
                output.append(decoded)
                rest = rest[rest.index(after: end)...]
            } else {
                output.append("&")
                rest = rest.dropFirst()
            }
        }
        return output + rest
    }

    /// The character of a reference's body (`amp`, `#39`, `#x27`).
    static func character(_ body: String) -> Character? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init) }
        return named[body]
    }

    static let named: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{B7}", "copy": "\u{A9}", "reg": "\u{AE}",
        "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{A3}", "yen": "\u{A5}", "cent": "\u{A2}",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}", "agrave": "\u{E0}", "uuml": "\u{FC}",
        "ouml": "\u{F6}", "auml": "\u{E4}", "ntilde": "\u{F1}", "ccedil": "\u{E7}", "szlig": "\u{DF}",
        "times": "\u{D7}", "deg": "\u{B0}", "rarr": "\u{2192}", "larr": "\u{2190}", "shy": "\u{AD}",
        "zwj": "\u{200D}", "zwnj": "\u{200C}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]
}
