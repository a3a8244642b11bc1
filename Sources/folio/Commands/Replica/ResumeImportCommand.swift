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

    @Flag(name: .customLong("dry-run"), help: "Say what would change, and change nothing.")
    var dryRun = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let resumeName = name ?? url.deletingPathExtension().lastPathComponent
        let resume = try Replica.run { try Resume.load(file: url, displayPath: file) }
        for warning in resume.warnings { Terminal.printError(warning.description) }
        let store = try storeOptions.open()
        let changes = try Replica.run { try store.importResume(resume, name: resumeName, dryRun: dryRun) }
        ResumeReport.print(changes, name: resumeName, dryRun: dryRun)
    }
}

/// What a resume write changed, in words.
enum ResumeReport {
    static func print(_ changes: ResumeChanges, name: String, dryRun: Bool = false) {
        if changes.created {
            Swift.print(dryRun ? "Would create resume \(name) (dry run; nothing written)." : "Created resume \(name) (\(changes.id)).")
        } else if changes.lines.isEmpty {
            Swift.print("Resume \(name) is up to date; nothing changed.")
        } else {
            let count = "\(changes.lines.count) change\(changes.lines.count == 1 ? "" : "s")"
            Swift.print(dryRun ? "Would update resume \(name): \(count) (dry run; nothing written)." : "Updated resume \(name): \(count).")
            for line in changes.lines { Swift.print("  \(line)") }
        }
    }
}
