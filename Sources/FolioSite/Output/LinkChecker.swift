import FolioCore
import Foundation

/// Finds links in page content that point at nothing the build produces.
struct LinkChecker {
    let model: SiteModel
    let outputs: [Output]
    let config: SiteConfig
    let strict: Bool

    func check() -> [Diagnostic] {
        let existing = Set(outputs.map(\.path))
        let pages = model.allPages.filter { !$0.sourcePath.isEmpty && !$0.markdown.links.isEmpty }
        return parallelMap(pages) { page in problems(in: page, existing: existing) }.flatMap { $0 }
    }

    private func problems(in page: Page, existing: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for link in page.markdown.links {
            guard let target = resolve(link.destination, from: page.urlPath) else { continue }
            let candidates = target.hasSuffix("/") || target.isEmpty
                ? [target + "index.html"]
                : [target, target + "/index.html"]
            if !candidates.contains(where: existing.contains) {
                problems.append(Diagnostic(
                    path: page.sourcePath, line: link.line + page.bodyLine - 1, column: link.column,
                    severity: strict ? .error : .warning,
                    message: "link to \"\(link.destination)\" goes nowhere: no page or file at /\(target)"))
            }
        }
        return problems
    }

    /// The output path a site-internal link points at, or nil for external links and fragments.
    func resolve(_ destination: String, from pagePath: String) -> String? {
        if destination.hasPrefix("https:") || destination.hasPrefix("http:") || destination.hasPrefix("mailto:") {
            return nil
        }
        var link = destination
        if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
        if let query = link.firstIndex(of: "?") { link = String(link[..<query]) }
        guard !link.isEmpty, !link.hasPrefix("//") else { return nil }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") { return nil }  // has a scheme
        if link.contains("%") { link = link.removingPercentEncoding ?? link }
        var components: [Substring]
        if link.hasPrefix("/") {
            var path = Substring(link)
            let root = config.rootPath
            if root != "/", path.hasPrefix(root) { path = path.dropFirst(root.count - 1) }
            components = []
            link = String(path)
        } else {
            components = pagePath.split(separator: "/")
        }
        for part in link.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if components.popLast() == nil { return "" } ; continue }
            components.append(part)
        }
        let joined = components.joined(separator: "/")
        return link.hasSuffix("/") || joined.isEmpty ? (joined.isEmpty ? "" : joined + "/") : joined
    }
}
