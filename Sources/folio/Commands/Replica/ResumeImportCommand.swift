import ArgumentParser
import FolioCRDT
import FolioCore
import FolioSite
import FolioStore
import Foundation

struct ResumeImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a JSON Resume file (.json, .yaml, .yml); importing again updates by diff."
    )

    @Argument(help: "The JSON Resume file.", completion: .file(extensions: ["json", "yaml", "yml"]))
    var file: String

    @Option(help: "The resume's name in the replica (default: the file name without its extension).")
    var name: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let resumeName = name ?? url.deletingPathExtension().lastPathComponent
        let resume = try Replica.run { try Resume.load(file: url, displayPath: file) }
        for warning in resume.warnings { Terminal.printError(warning.description) }
        let store = try storeOptions.open()
        let changes = try Replica.run { try store.importResume(resume, name: resumeName) }
        ResumeReport.print(changes, name: resumeName)
    }
}

/// What a resume write changed, in words.
enum ResumeReport {
    static func print(_ changes: ResumeChanges, name: String) {
        if changes.created {
            Swift.print("Created resume \(name) (\(changes.id)).")
        } else if changes.lines.isEmpty {
            Swift.print("Resume \(name) is up to date; nothing changed.")
        } else {
            Swift.print("Updated resume \(name): \(changes.lines.count) change\(changes.lines.count == 1 ? "" : "s").")
            for line in changes.lines { Swift.print("  \(line)") }
        }
    }
}
