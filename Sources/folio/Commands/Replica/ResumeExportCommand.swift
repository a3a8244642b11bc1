import ArgumentParser
import FolioCore
import FolioCRDT
import FolioSite
import FolioStore
import Foundation

struct ResumeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a resume from the replica as JSON Resume, YAML, or any format `resume render` makes."
    )

    @Argument(help: "The resume's name (see `folio resume list`).")
    var name: String

    @Option(name: .shortAndLong, help: "json, yaml, html, pdf, docx, txt or md.")
    var format: ResumeRenderer.Format = .json

    @OptionGroup var options: RenderOptions

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let resume = try Replica.run { try store.resume(named: name) }
        do {
            let data = try options.renderer().render(resume, as: format)
            try options.deliver(data, format: format, input: name)
        } catch let error as DiagnosticError {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}
