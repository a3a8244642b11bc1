import Foundation

/// A scratch copy of a fixture site in a temporary folder.
struct TestSite {
    let url: URL

    static func copy(_ source: URL) throws -> TestSite {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: url)
        return TestSite(url: url)
    }

    static func empty() throws -> TestSite {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("folio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return TestSite(url: url)
    }

    func write(_ path: String, _ text: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Every file under `directory` by relative path.
    static func files(under directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = directory.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = url.standardizedFileURL.path
            result[String(path.dropFirst(root.count))] = try Data(contentsOf: url)
        }
        return result
    }
}
