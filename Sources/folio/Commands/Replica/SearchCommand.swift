import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search resumes, applications, postings and notes in the replica.",
        discussion: "Every word must match; a word also matches longer words it starts (kube finds Kubernetes)."
    )

    @Argument(help: "The words to look for.") var text: String
    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let hits = try Replica.run { try store.search(text) }
        if json { Replica.printJSON(.array(hits.map(\.json))); return }
        guard !hits.isEmpty else { print("Nothing matches \"\(text)\"."); return }
        print(Table.render(header: ["KIND", "ID", "TITLE", "MATCH"], rows: hits.map {
            [$0.kind.rawValue, String($0.id.hex.prefix(12)), $0.title, $0.snippet.replacingOccurrences(of: "\n", with: " ")]
        }), terminator: "")
    }
}
