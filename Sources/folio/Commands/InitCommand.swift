import ArgumentParser
import FolioCore
import FolioSite
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site that builds at once.",
        discussion: "Writes folio.yaml, a home page, an about page, a sample post and a sample project into DIR."
    )

    @Argument(help: "The folder to create (must not exist, or be empty).", completion: .directory)
    var directory: String

    @Option(help: "The site's title and author name.")
    var title: String = "My Portfolio"

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        do {
            try SiteScaffold.create(at: url, title: title)
        } catch {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            throw ExitCode.failure
        }
        print("Created a site in \(directory). Next: folio serve \(directory)")
    }
}
