import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

struct ResumeRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete a resume (its snapshots stay, so applications still show what was sent)."
    )

    @Argument(help: "The resume's name.")
    var name: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        try Replica.run { try store.removeResume(named: name) }
        print("Deleted resume \(name).")
    }
}
