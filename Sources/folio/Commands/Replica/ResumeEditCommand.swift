import ArgumentParser
import FolioCRDT
import FolioCore
import FolioSite
import FolioStore
import Foundation

struct ResumeEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a resume as YAML in $VISUAL or $EDITOR, then write what changed.",
        discussion: """
        When the edited text is not valid YAML or not a valid resume, nothing is written: the \
        problem is shown with its line and column, and your text is kept in a file for another try.
        """
    )

    @Argument(help: "The resume's name.")
    var name: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let document = try Replica.run { try store.resumeDocument(named: name) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-edit-\(UUID().uuidString)")
        let file = folder.appendingPathComponent("\(name).yaml")
        let original = document.yamlText()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try original.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Terminal.printError("error: cannot write \(file.path): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        try Editor.open(file)
        let edited = (try? String(contentsOf: file, encoding: .utf8)) ?? original
        guard edited != original else {
            try? FileManager.default.removeItem(at: folder)
            print("No changes; resume \(name) is as it was.")
            return
        }
        let resume: Resume
        do {
            resume = try Resume.parse(edited, path: file.path, yaml: true)
        } catch {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            Terminal.printError("Nothing was changed. Your edits are kept in \(file.path).")
            throw ExitCode.failure
        }
        let changes = try Replica.run { try store.importResume(resume, name: name) }
        try? FileManager.default.removeItem(at: folder)
        ResumeReport.print(changes, name: name)
    }
}

/// Runs the user's editor on a file and waits for it.
enum Editor {
    static func open(_ file: URL) throws {
        let environment = ProcessInfo.processInfo.environment
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor setting may carry arguments ("code --wait"); the shell splits them.
        process.arguments = ["-c", "\(command) \"$1\"", "folio-edit", file.path]
        do { try process.run() } catch {
            Terminal.printError("error: cannot start the editor \(command): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Terminal.printError("error: the editor (\(command)) exited with status \(process.terminationStatus); nothing was changed.")
            throw ExitCode.failure
        }
    }
}
