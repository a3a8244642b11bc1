import ArgumentParser
import FolioCRDT
import FolioCore
import FolioInsights
import FolioSite
import FolioStore
import Foundation

/// A resume given on the command line: a file when one exists there (or the name ends in
/// .json, .yaml or .yml), else a resume of that name in the replica.
enum ResumeSource {
    static func isFile(_ argument: String) -> Bool {
        ["json", "yaml", "yml"].contains(URL(fileURLWithPath: argument).pathExtension.lowercased())
            || FileManager.default.fileExists(atPath: argument)
    }

    static func load(_ argument: String, storeOptions: StoreOptions) throws -> Resume {
        if isFile(argument) { return try Resume.load(file: URL(fileURLWithPath: argument), displayPath: argument) }
        let store = try storeOptions.open()
        return try Replica.run { try store.resume(named: argument) }
    }
}

/// What the analysis commands share: the lexicon (with the user's skills.yaml), postings
/// given as files or replica ids, and resumes given as files or replica names.
struct InsightsInputs {
    let storeOptions: StoreOptions
    let lexicon: SkillLexicon

    init(storeOptions: StoreOptions) throws {
        self.storeOptions = storeOptions
        self.lexicon = try Replica.run { try UserLexicon.load() }
    }

    var extractor: KeywordExtractor { KeywordExtractor(lexicon: lexicon) }

    /// A resume file or replica resume, read for analysis.
    func resume(_ argument: String) throws -> ResumeFacts {
        let resume = try Replica.run { try ResumeSource.load(argument, storeOptions: storeOptions) }
        return ResumeFacts(resume: resume, lexicon: lexicon)
    }

    /// For the ATS check: a JSON resume file that does not validate is still checked (its
    /// problems printed as warnings), since bad dates and contacts are what the check is for.
    func resumeForCheck(_ argument: String) throws -> ResumeFacts {
        guard ResumeSource.isFile(argument), URL(fileURLWithPath: argument).pathExtension.lowercased() == "json",
              let data = FileManager.default.contents(atPath: argument),
              case .success(let text) = TextCheck.text(Array(data)),
              let (value, locations) = try? JSONParser.parse(text, path: argument), let document = value.objectValue,
              case .failure(let error) = Result(catching: { try Resume(json: value, path: argument, locations: locations) }) else {
            return try resume(argument)
        }
        for var diagnostic in (error as? DiagnosticError)?.diagnostics ?? [] {
            diagnostic.severity = .warning
            Terminal.printError(diagnostic.description)
        }
        return ResumeFacts(document: document, lexicon: lexicon)
    }

    /// A posting file (its first posting) when one exists at `argument`, else the replica
    /// posting whose id starts with it.
    func posting(_ argument: String) throws -> PostingAnalysis {
        if FileManager.default.fileExists(atPath: argument) {
            let result = try Replica.run { try PostingImporter().read(path: argument) }
            guard let posting = result.postings.first else {
                Terminal.printError("\(argument): error: the file holds no posting")
                throw ExitCode.failure
            }
            return extractor.analyze(posting)
        }
        guard argument.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            Terminal.printError("error: \(argument): no such file, and not a posting id (see `folio jobs list`)")
            throw ExitCode.failure
        }
        let store = try storeOptions.open()
        let stored = try Replica.run { try store.posting(argument) }
        return extractor.analyze(Posting(fields: stored.fields))
    }

    /// Every replica posting, or those whose ids start with the comma-separated prefixes.
    func postings(_ selection: String) throws -> [PostingAnalysis] {
        let store = try storeOptions.open()
        let stored: [StoredPosting] = try Replica.run {
            if selection == "all" { return try store.postings() }
            return try selection.split(separator: ",").map { try store.posting(String($0).trimmingWhitespace()) }
        }
        return stored.map { extractor.analyze(Posting(fields: $0.fields)) }
    }

    /// The profile's wishes.
    func preferences() throws -> Preferences {
        let store = try storeOptions.open()
        return Preferences(fields: try Replica.run { try store.profile() })
    }
}
