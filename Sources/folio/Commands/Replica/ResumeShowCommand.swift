import ArgumentParser
import FolioCRDT
import FolioCore
import FolioSite
import FolioStore
import Foundation

struct ResumeShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a resume (YAML, or JSON with --json).")

    @Argument(help: "The resume's name.")
    var name: String

    @Flag(help: "Print JSON instead of YAML.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let document = try Replica.run { try store.resumeDocument(named: name) }
        print(json ? document.encoded(pretty: true) : document.yamlText(), terminator: "")
    }
}
