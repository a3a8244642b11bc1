import ArgumentParser
import FolioCore
import FolioInsights
import Foundation

/// `folio ats RESUME --job POSTING`: how an applicant tracking system reads a resume.
struct ATSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ats",
        abstract: "Check a resume as an applicant tracking system reads it, optionally against a posting.",
        discussion: """
        Scores sections, contact details, dates, bullet length, numbers in highlights, verbs, \
        readability and (with --job) the posting's keywords, 0-100, with suggestions. Skills are \
        recognised with Folio's English lexicon plus ~/.config/folio/skills.yaml.
        """
    )

    @Argument(help: "A JSON Resume file (.json, .yaml, .yml) or a resume's name in the replica.") var resume: String
    @Option(help: "A posting: a file (text, Markdown, HTML, JSON) or a posting id in the replica.") var job: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let inputs = try InsightsInputs(storeOptions: storeOptions)
        let facts = try inputs.resumeForCheck(resume)
        let posting = try job.map(inputs.posting)
        let report = ATSChecker().check(facts, against: posting)
        if json { Replica.printJSON(report.json) } else { print(report.text, terminator: "") }
    }
}
