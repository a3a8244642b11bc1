import ArgumentParser
import FolioCRDT
import FolioCore
import FolioInsights
import FolioStore
import Foundation

/// `folio jobs ...`: job postings kept in the local replica.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Keep job postings: import them from files, list, show, remove.",
        discussion: "IDs may be abbreviated to any unique prefix, as `folio jobs list` shows them.",
        subcommands: [JobsImportCommand.self, JobsListCommand.self, JobsShowCommand.self, JobsRemoveCommand.self]
    )
}

struct JobsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import postings from files.",
        discussion: """
        A file may be plain text, Markdown (.md), HTML (text extracted, scripts and styles dropped; \
        schema.org JobPosting JSON-LD used when the page has it), JSON-LD, or a Greenhouse or Lever \
        job-board JSON export (every posting in it). All files are read first: if one is bad, \
        nothing is imported.
        """
    )

    @Argument(help: "Posting files.", completion: .file()) var files: [String]
    @Flag(name: .customLong("dry-run"), help: "Read the files and say what would be imported; write nothing.") var dryRun = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one posting file") }
    }

    func run() throws {
        var postings: [Posting] = []
        var failed = false
        for file in files {
            do {
                let result = try PostingImporter().read(path: file)
                for warning in result.warnings { Terminal.printError(warning.description) }
                postings += result.postings
            } catch {
                for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
                failed = true
            }
        }
        if failed {
            Terminal.printError("Nothing was imported.")
            throw ExitCode.failure
        }
        if dryRun {
            print("Would import \(postings.count) posting\(postings.count == 1 ? "" : "s") (dry run; nothing written):")
            for posting in postings { print("  \(Self.label(posting))") }
            return
        }
        let store = try storeOptions.open()
        let ids = try Replica.run { try store.addPostings(postings.map(\.fields)) }
        print("Imported \(ids.count) posting\(ids.count == 1 ? "" : "s"):")
        // Ids made in one import share their first 12 digits (the time): show enough to tell them apart.
        for (id, posting) in zip(Table.shortIDs(ids.map(\.hex)), postings) { print("  \(id)  \(Self.label(posting))") }
    }

    static func label(_ posting: Posting) -> String {
        posting.title + (posting.company.map { " (\($0))" } ?? "")
    }
}

struct JobsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List postings, oldest first.")

    @Flag(help: "Print JSON instead of a table.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let postings = try Replica.run { try store.postings() }
        if json {
            Replica.printJSON(.array(postings.map { stored in
                var object = Posting(fields: stored.fields).json.objectValue!
                object["text"] = nil
                object["requirements"] = nil
                return .object(JSONObject([("id", .string(stored.id.description))] + object.map { ($0.key, $0.value) }))
            }))
            return
        }
        guard !postings.isEmpty else { print("No postings yet. Import some with: folio jobs import FILE..."); return }
        let ids = Table.shortIDs(postings.map(\.id.hex))
        print(Table.render(header: ["ID", "DATE", "COMPANY", "TITLE", "LOCATION"], rows: zip(ids, postings).map { id, stored in
            let posting = Posting(fields: stored.fields)
            return [id, posting.date ?? "", posting.company ?? "", posting.title, [posting.location, posting.workplace].compactMap { $0 }.joined(separator: ", ")]
        }), terminator: "")
    }
}

struct JobsRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a posting.")

    @Argument(help: "The posting's id or a unique prefix of it.") var id: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let removed = try Replica.run { try store.removePosting(id) }
        print("Deleted posting \(removed).")
    }
}
