/// Turns titles and tags into URL path segments and HTML ids.
///
/// Letters and digits of any script are kept (lower-cased), so `"Über Café"` becomes
/// `"über-café"`; every run of other characters becomes one `-`; leading and trailing
/// dashes are dropped. The result never contains `/`, `.` or `..`, so it is safe as a
/// path segment.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let props = scalar.properties
            let keep = props.isAlphabetic || props.numericType != nil || scalar == "_"
            if keep {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if !props.isDiacritic || result.isEmpty {
                pendingDash = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
