import ArgumentParser
import FolioCRDT
import FolioCore
import FolioSite
import FolioStore
import Foundation

struct ResumeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a resume as JSON Resume (JSON or YAML)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml
    }

    @Argument(help: "The resume's name (see `folio resume list`).")
    var name: String

    @Option(help: "json or yaml (other formats come with the resume renderers).")
    var format: Format = .json

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let document = try Replica.run { try store.resumeDocument(named: name) }
        let text = format == .json ? document.encoded(pretty: true) : document.yamlText()
        guard let output else { print(text, terminator: ""); return }
        do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
            Terminal.printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Terminal.printError("Wrote resume \(name) to \(output).")
    }
}
