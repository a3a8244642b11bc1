import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

struct ResumeSnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Keep an immutable copy of a resume as it is now."
    )

    @Argument(help: "The resume's name.")
    var name: String

    @Option(help: "A label for the snapshot, such as the company it went to.")
    var tag: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let snapshot = try Replica.run { try store.snapshot(resume: name, tag: tag) }
        print("Snapshot \(snapshot.id) of resume \(name)\(tag.map { " (\($0))" } ?? "") at \(snapshot.taken).")
    }
}
