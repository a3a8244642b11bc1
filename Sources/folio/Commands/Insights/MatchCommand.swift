import ArgumentParser
import FolioCore
import FolioInsights
import Foundation

/// `folio match`: rank resumes against a posting, or postings against a resume.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank resumes against a posting (--job) or postings against a resume (--resume).",
        discussion: """
        Scores are out of 100: experience 40% (years in relevant roles against the years asked), \
        skills 35% (the posting's skills you show, weighted by how prominent each is), location \
        15% and preferences 10% (salary, employment type, remote and target roles from \
        `folio profile`). Each part is shown with its reason.

        Examples: folio match --job 0190a3 main.json backend.json
                  folio match --resume main --jobs all
        """
    )

    @Option(help: "The posting to rank resumes against: a file or a posting id in the replica.") var job: String?
    @Option(help: "The resume to rank postings for: a file or a resume's name in the replica.") var resume: String?
    @Option(help: "With --resume: `all` postings in the replica, or comma-separated ids.") var jobs = "all"
    @Option(help: "With --resume: show at most this many postings.") var limit = 20
    @Argument(help: "With --job: the resumes to rank (files or names in the replica).") var resumes: [String] = []
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        switch (job, resume) {
        case (nil, nil): throw ValidationError("give --job POSTING RESUME... or --resume RESUME")
        case (.some, .some): throw ValidationError("give --job or --resume, not both")
        case (.some, nil) where resumes.isEmpty: throw ValidationError("--job needs one or more resumes to rank")
        case (nil, .some) where !resumes.isEmpty: throw ValidationError("--resume ranks postings; list postings with --jobs, not as arguments")
        default: break
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let inputs = try InsightsInputs(storeOptions: storeOptions)
        let preferences = try inputs.preferences()
        let matcher = Matcher()
        if let job {
            let posting = try inputs.posting(job)
            let scored = try resumes.map { name in (name, matcher.match(try inputs.resume(name), posting, preferences: preferences)) }
                .enumerated().sorted { ($0.element.1.total, $1.offset) > ($1.element.1.total, $0.offset) }.map(\.element)
            return print(scored.map { $0.0 }, scored.map { $0.1 }, header: "Resumes against \"\(posting.posting.title)\"")
        }
        let start = DispatchTime.now()
        let facts = try inputs.resume(resume!)
        let postings = try inputs.postings(jobs)
        guard !postings.isEmpty else { Swift.print("No postings to rank. Import some with: folio jobs import FILE..."); return }
        let analysed = DispatchTime.now()
        let ranked = matcher.rank(facts, postings: postings, preferences: preferences).prefix(limit)
        if ProcessInfo.processInfo.environment["FOLIO_TIMINGS"] == "1" {
            let load = Double(analysed.uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
            let rank = Double(DispatchTime.now().uptimeNanoseconds - analysed.uptimeNanoseconds) / 1e6
            Terminal.printError(String(format: "  read and analyse %d postings %8.2f ms, rank %8.2f ms", postings.count, load, rank))
        }
        print(ranked.map { $0.postingTitle + ($0.company.map { " (\($0))" } ?? "") }, Array(ranked),
              header: "Postings for \(resume!) (\(ranked.count) of \(postings.count))")
    }

    func print(_ names: [String], _ scores: [MatchScore], header: String) {
        if json {
            Replica.printJSON(.array(zip(names, scores).map { name, score in
                var object = score.json.objectValue!
                object["name"] = .string(name)
                return .object(object)
            }))
            return
        }
        Swift.print(header + ":")
        for (rank, (name, score)) in zip(names, scores).enumerated() {
            Swift.print("\(rank + 1). \(score.total)  \(name)")
            for part in score.parts {
                Swift.print("     \(part.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(Int((part.score * 100).rounded()))%  \(part.reason)")
            }
        }
    }
}
