import Foundation

/// Checks the links of a built site the way a visitor's browser follows them: every
/// `href`, `src` and absolute `content` URL (Open Graph) in every HTML file that points
/// into the site must land on a file of the output, under the site's base path.
enum PublishedLinks {
    /// Links that lead outside the site's base path or to no file, as `page: link (why)`.
    static func broken(in output: URL, baseURL: String) -> [String] {
        guard let base = URL(string: baseURL), let scheme = base.scheme, let host = base.host else { return ["bad base URL"] }
        let origin = "\(scheme)://\(host)" + (base.port.map { ":\($0)" } ?? "")
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        let files = Files.all(under: output)
        var problems: Set<String> = []
        for page in files where page.hasSuffix(".html") {
            guard let html = try? Files.read(output.appendingPathComponent(page)) else { continue }
            let pagePath = basePath + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            for link in links(in: html) {
                if let problem = check(link, from: pagePath, origin: origin, basePath: basePath, files: files) {
                    problems.insert("\(page): \(link) (\(problem))")
                }
            }
        }
        return problems.sorted()
    }

    private static func links(in html: String) -> [String] {
        let pattern = #"(?:href|src)="([^"]*)"|content="(https?://[^"]*)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let range = Range(match.range(at: 1), in: html) ?? Range(match.range(at: 2), in: html)
            return range.map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }

    /// Nil when `link` is external or resolves to a file of the site; else why not.
    private static func check(_ link: String, from pagePath: String, origin: String, basePath: String,
                              files: Set<String>) -> String? {
        var target = link
        if target.hasPrefix(origin + "/") { target = String(target.dropFirst(origin.count)) }
        if target.isEmpty || target.hasPrefix("#") || target.hasPrefix("//") { return nil }
        if target.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil { return nil }
        guard let pageURL = URL(string: "http://site" + pagePath),
              let resolved = URL(string: target, relativeTo: pageURL)?.absoluteURL else { return "cannot resolve" }
        var path = resolved.path
        if path + "/" == basePath { path = basePath }
        guard path.hasPrefix(basePath) else { return "outside the site's base path \(basePath)" }
        let relative = String(path.dropFirst(basePath.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let candidates = relative.isEmpty ? ["index.html"] : [relative, relative + "/index.html"]
        return candidates.contains(where: files.contains) ? nil : "no such file in the output"
    }
}
