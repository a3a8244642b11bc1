import ArgumentParser
import FolioCRDT
import FolioCore
import FolioInsights
import FolioStore
import Foundation

struct JobsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a posting with the skills and experience it asks for."
    )

    @Argument(help: "The posting's id or a unique prefix of it.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let inputs = try InsightsInputs(storeOptions: storeOptions)
        let store = try storeOptions.open()
        let stored = try Replica.run { try store.posting(id) }
        let analysis = inputs.extractor.analyze(Posting(fields: stored.fields))
        if json {
            var object = analysis.posting.json.objectValue!
            object["id"] = .string(stored.id.description)
            object["skills"] = .array(analysis.skills.map { .string($0.text) })
            object["phrases"] = .array(analysis.phrases.map { .string($0.text) })
            if let years = analysis.requiredYears { object["requiredYears"] = .number(years) }
            object["notes"] = .array(analysis.notes.map(JSONValue.string))
            Replica.printJSON(.object(object))
            return
        }
        print(Self.describe(analysis, id: stored.id.description), terminator: "")
    }

    static func describe(_ analysis: PostingAnalysis, id: String) -> String {
        let posting = analysis.posting
        var lines = [posting.title + (posting.company.map { " at \($0)" } ?? ""), "  id          \(id)"]
        let salary = [posting.salaryMin, posting.salaryMax].compactMap { $0 }.map { String(Int($0)) }.joined(separator: "-")
        let rows: [(String, String?)] = [
            ("location", [posting.location, posting.country].compactMap { $0 }.joined(separator: ", ")),
            ("workplace", posting.workplace), ("employment", posting.employment),
            ("salary", salary.isEmpty ? nil : "\(salary) \(posting.salaryCurrency ?? "") per \(posting.salaryPeriod ?? "year")"),
            ("posted", posting.date), ("url", posting.url), ("from", posting.source),
            ("experience", analysis.requiredYears.map { "\(Int($0))+ years" }),
        ]
        for case (let label, let value?) in rows where !value.isEmpty {
            lines.append("  \(label.padding(toLength: 11, withPad: " ", startingAt: 0)) \(value)")
        }
        lines.append("Skills: " + (analysis.skills.isEmpty ? "none recognised" : analysis.skills.map(\.text).joined(separator: ", ")))
        if !analysis.phrases.isEmpty { lines.append("Key phrases: " + analysis.phrases.map(\.text).joined(separator: ", ")) }
        lines += analysis.notes.map { "Note: \($0)" }
        lines.append("")
        lines.append(posting.text)
        return lines.joined(separator: "\n") + "\n"
    }
}
