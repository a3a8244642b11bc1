import FolioCore
import Foundation
import Testing

@testable import FolioSite

/// Golden-file tests: each `Fixtures/<case>/site` is built and compared with
/// `Fixtures/<case>/expected` file by file. A case whose name starts with `error-` must
/// fail, and `expected/errors.txt` holds the diagnostics it must print.
///
/// After an intended change, regenerate with `FOLIO_UPDATE_GOLDEN=1 swift test --filter GoldenTests`
/// and review the diff.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let updating = ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] == "1"

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
            .filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let caseDirectory = Self.fixtures.appendingPathComponent(name)
        let site = try TestSite.copy(caseDirectory.appendingPathComponent("site"))
        defer { site.remove() }
        let output = site.url.appendingPathComponent("public")
        var options = SiteBuilder.Options(siteDirectory: site.url)
        options.outputDirectory = output
        options.gzip = false
        options.buildYear = 2025
        options.themeDirectories = [Self.fixtures.appendingPathComponent("_themes")]
        let expected = caseDirectory.appendingPathComponent("expected")

        if name.hasPrefix("error-") {
            var printed = ""
            do {
                _ = try SiteBuilder(options: options).build()
                Issue.record("\(name): the build should have failed")
            } catch {
                printed = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
            }
            #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build must not write output")
            try compare(actual: ["errors.txt": Data(printed.utf8)], expected: expected)
            return
        }
        let report = try SiteBuilder(options: options).build()
        var files = try TestSite.files(under: output)
        files["warnings.txt"] = Data(report.warnings.map { $0.description + "\n" }.joined().utf8)
        try compare(actual: files, expected: expected)
    }

    private func compare(actual: [String: Data], expected: URL) throws {
        if Self.updating {
            try? FileManager.default.removeItem(at: expected)
            for (path, data) in actual {
                let url = expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let wanted = try TestSite.files(under: expected)
        #expect(Set(actual.keys) == Set(wanted.keys), "files differ: extra \(Set(actual.keys).subtracting(wanted.keys).sorted()), missing \(Set(wanted.keys).subtracting(actual.keys).sorted())")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) {
            guard let want = wanted[path] else { continue }
            #expect(String(decoding: data, as: UTF8.self) == String(decoding: want, as: UTF8.self), "\(path) differs from expected")
        }
    }
}
