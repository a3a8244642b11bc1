import Foundation

/// A fresh folder under the system's temporary folder; each test makes its own and
/// removes it when done (`defer { temp.remove() }`).
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("folio-cli-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> URL {
        url.appendingPathComponent(relative)
    }

    /// A copy of the example site at `TEMP/site`, without its build output and caches, so
    /// tests never write into the repository.
    func copyOfExampleSite() throws -> URL {
        let site = path("site")
        try FileManager.default.copyItem(at: Folio.exampleSite, to: site)
        for leftover in ["public", ".folio-cache"] {
            try? FileManager.default.removeItem(at: site.appendingPathComponent(leftover))
        }
        return site
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Small file helpers for the tests.
enum Files {
    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Every regular file under `directory`, by path relative to it.
    static func all(under directory: URL) -> Set<String> {
        Set(contents(under: directory).keys)
    }

    /// Every regular file under `directory` with its bytes, by relative path.
    static func contents(under directory: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys) else {
            return result
        }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root) else { continue }
            result[String(path.dropFirst(root.count))] = (try? Data(contentsOf: url)) ?? Data()
        }
        return result
    }
}
