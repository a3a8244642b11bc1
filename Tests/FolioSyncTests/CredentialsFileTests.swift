import FolioCore
import Foundation
import Testing
@testable import FolioSync

@Suite struct CredentialsFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-credentials-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("config/folio/credentials.json").path }
    let ada = Credentials(server: "http://127.0.0.1:8080", email: "ada@example.com", user: "u1", space: "s1", token: "secret-1", device: "laptop")

    @Test func savedPerStoreReadableOnlyByTheOwner() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = CredentialsFile(path: path)
        #expect(try file.credentials(for: "/tmp/a.sqlite") == nil)
        try file.save(ada, for: "/tmp/a.sqlite")
        var other = ada
        other.token = "secret-2"
        try file.save(other, for: "/tmp/x/../b.sqlite")
        #expect(try file.credentials(for: "/tmp/a.sqlite") == ada)
        #expect(try file.credentials(for: "/tmp/b.sqlite") == other, "keyed by the standardized path")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["credentials.json"],
                "no temporary file left behind")
        #expect(try file.remove(for: "/tmp/a.sqlite"))
        #expect(try file.credentials(for: "/tmp/a.sqlite") == nil)
        #expect(try file.credentials(for: "/tmp/b.sqlite") == other)
        #expect(try !file.remove(for: "/tmp/a.sqlite"))
    }

    @Test func aDamagedFileIsReportedWithItsPath() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try CredentialsFile(path: path).credentials(for: "/a") } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("folio login")
        }
    }

    @Test func locationFollowsEnvironment() {
        #expect(CredentialsFile.resolve(environment: ["FOLIO_CREDENTIALS": "/c.json", "XDG_CONFIG_HOME": "/x"]).path == "/c.json")
        #expect(CredentialsFile.resolve(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]).path == "/x/folio/credentials.json")
        #expect(CredentialsFile.resolve(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]).path == "/h/.config/folio/credentials.json")
    }
}
