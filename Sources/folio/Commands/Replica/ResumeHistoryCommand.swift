import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

struct ResumeHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a resume's field changes and snapshots, oldest first."
    )

    @Argument(help: "The resume's name.")
    var name: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let entries = try Replica.run { try store.history(resume: name) }
        if json {
            Replica.printJSON(.array(entries.map { entry in
                .object(JSONObject([("time", .string(entry.time)), ("device", .string(entry.site.description)),
                                    ("path", .string(entry.path)), ("change", .string(entry.change))]))
            }))
            return
        }
        print(Table.render(header: ["TIME", "DEVICE", "WHERE", "CHANGE"], rows: entries.map {
            [$0.time, $0.site.rawValue == 0 ? "" : String($0.site.description.prefix(8)), $0.path.isEmpty ? "(resume)" : $0.path, $0.change]
        }), terminator: "")
    }
}
