import ArgumentParser
import FolioCRDT
import FolioCore
import FolioInsights
import FolioStore
import Foundation

/// `folio resume tailor NAME --job POSTING`: a variant with what the posting asks for first.
struct ResumeTailorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tailor",
        abstract: "Create a variant of a resume for a posting: skills and highlights reordered by relevance.",
        discussion: """
        Nothing is added, removed or reworded: the variant holds exactly what the resume holds, \
        with the skills, skill keywords and highlights the posting asks for moved first. Missing \
        keywords are listed so you can add what you truly have (see `folio ats`).
        """
    )

    @Argument(help: "The resume: a name in the replica, or a JSON Resume file.") var name: String
    @Option(help: "The posting: a file or a posting id in the replica.") var job: String
    @Option(name: .customLong("as"), help: "The variant's name (default: NAME-COMPANY or NAME-TITLE).") var variant: String?
    @Flag(name: .customLong("dry-run"), help: "Say what would move; write nothing.") var dryRun = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let inputs = try InsightsInputs(storeOptions: storeOptions)
        let resume = try Replica.run { try ResumeSource.load(name, storeOptions: storeOptions) }
        let posting = try inputs.posting(job)
        let (document, changes) = Tailor(lexicon: inputs.lexicon).tailor(resume, for: posting)
        let base = ResumeSource.isFile(name) ? URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent : name
        let target = variant ?? "\(base)-\(Slug.make(posting.posting.company ?? posting.posting.title))"
        let store = try storeOptions.open()
        let written = try Replica.run { try store.writeResume(document, name: target, dryRun: dryRun) }
        Swift.print(dryRun ? "Would write variant \(target) (dry run; nothing written)." : "Wrote variant \(target) (\(written.id)).")
        Swift.print(changes.isEmpty ? "Nothing moved: the resume's order already suits the posting." : "Moved:")
        for change in changes { Swift.print("  \(change)") }
        let missing = ResumeFacts(resume: resume, lexicon: inputs.lexicon).missing(posting.skills).prefix(8)
        if !missing.isEmpty {
            Swift.print("Not on the resume (add only what you have): " + missing.map(\.text).joined(separator: ", "))
        }
    }
}
