import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

/// `folio resume ...`: resumes kept in the local replica.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Keep resumes in the local replica: import, edit, export, snapshot.",
        discussion: """
        Resumes are JSON Resume documents stored as records in the replica (see --store), so edits \
        from several devices merge field by field. Importing a file again writes only what changed.
        """,
        subcommands: [
            ResumeImportCommand.self, ResumeExportCommand.self, ResumeListCommand.self, ResumeShowCommand.self,
            ResumeEditCommand.self, ResumeSetCommand.self, ResumeSnapshotCommand.self, ResumeHistoryCommand.self,
            ResumeRemoveCommand.self,
        ]
    )
}
