import ArgumentParser
import FolioPreview
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a site on 127.0.0.1 with live reload.",
        discussion: """
        Builds the site (drafts included) into SITE/.folio-cache/preview, serves it on \
        http://127.0.0.1:PORT/, watches the site and its theme, rebuilds what changed and reloads \
        open pages. Build errors are shown in the browser and here. Stop with Ctrl-C.
        """
    )

    @Argument(help: "The site folder (holding folio.yaml).", completion: .directory)
    var site: String = "."

    @Option(name: [.short, .long], help: "Port to listen on (0 picks a free one).")
    var port: Int = 1313

    @Flag(name: .customLong("no-drafts"), help: "Leave out pages marked draft: true.")
    var noDrafts = false

    @Option(name: .customLong("theme-dir"), help: "Another folder to look for themes in (repeatable).")
    var themeDirs: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: site).appendingPathComponent("folio.yaml").path) else {
            throw ValidationError("\(site) has no folio.yaml; is it a site folder? (`folio init DIR` makes one)")
        }
    }

    func run() async throws {
        var configuration = PreviewServer.Configuration(siteDirectory: URL(fileURLWithPath: site), port: port)
        configuration.includeDrafts = !noDrafts
        configuration.themeDirectories = themeDirs.map { URL(fileURLWithPath: $0) }
        configuration.log = { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        do {
            try await PreviewServer(configuration: configuration).run()
        } catch where "\(error)".contains("Address already in use") {
            Terminal.printError("error: port \(port) on 127.0.0.1 is already in use; choose another with --port (0 picks a free one)")
            throw ExitCode.failure
        }
    }
}
