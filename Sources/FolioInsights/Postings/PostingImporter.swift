import FolioCore
import Foundation

/// Reads job postings from files: plain text, Markdown, HTML (with or without embedded
/// schema.org `JobPosting` JSON-LD), standalone JSON-LD, and Greenhouse and Lever
/// job-board JSON exports (one file may hold many postings).
///
/// Problems name the file (and line and column, in JSON); nothing is returned for a file
/// that cannot be read.
public struct PostingImporter: Sendable {
    /// Files larger than this are refused: no job description is 5 MB.
    public var maximumFileBytes = 5_000_000
    /// Longer descriptions are cut to this many characters, with a warning.
    public var maximumTextCharacters = 100_000

    /// An importer with the default limits.
    public init() {}

    /// What one file gave.
    public struct Result: Sendable {
        /// The postings, in file order.
        public var postings: [Posting]
        /// Things worth knowing that did not stop the import.
        public var warnings: [Diagnostic]
    }

    /// Reads the file at `path`.
    public func read(path: String) throws(DiagnosticError) -> Result {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(Diagnostic(path: path, message: "cannot read the file"))
        }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            throw DiagnosticError(Diagnostic(path: path, message: "is a folder, not a posting file"))
        }
        guard data.count <= maximumFileBytes else {
            throw DiagnosticError(Diagnostic(path: path, message: "the file is \(data.count / 1_000_000) MB; postings over "
                + "\(maximumFileBytes / 1_000_000) MB are refused (is it really a job description?)"))
        }
        switch TextCheck.text(Array(data)) {
        case .success(let text): return try parse(text, path: path)
        case .failure(let problem): throw DiagnosticError(Diagnostic(path: path, message: problem.message))
        }
    }

    /// Reads postings from `text`; `path` names the file and its extension picks the format
    /// when the content does not tell.
    public func parse(_ text: String, path: String) throws(DiagnosticError) -> Result {
        let trimmed = text.trimmingWhitespace()
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        var postings: [Posting]
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || ext == "json" || ext == "jsonld" {
            postings = try JobBoardJSON.postings(trimmed, path: path)
        } else if ["html", "htm", "xhtml"].contains(ext) || trimmed.hasPrefix("<") {
            postings = [HTMLPosting.posting(trimmed)]
        } else if ["md", "markdown"].contains(ext) {
            postings = [Self.plainPosting(MarkdownText.text(trimmed), source: "markdown", heading: Self.markdownTitle(trimmed))]
        } else {
            postings = [Self.plainPosting(HTMLText.tidy(trimmed), source: "text", heading: nil)]
        }
        var warnings: [Diagnostic] = []
        postings = postings.map { finish($0, path: path, warnings: &warnings) }
        return Result(postings: postings, warnings: warnings)
    }

    /// Limits, inference and the warnings they call for.
    func finish(_ posting: Posting, path: String, warnings: inout [Diagnostic]) -> Posting {
        var posting = posting
        if posting.text.count > maximumTextCharacters {
            posting.text = String(posting.text.prefix(maximumTextCharacters))
            warnings.append(Diagnostic(path: path, severity: .warning, message: "\"\(posting.title)\" is very long; only its first "
                + "\(maximumTextCharacters) characters are kept"))
        }
        posting = PostingInference.complete(posting)
        if posting.title.isEmpty { posting.title = "Untitled posting" }
        if posting.requirements == nil {
            warnings.append(Diagnostic(path: path, severity: .warning, message: "\"\(posting.title)\" has no requirements section; "
                + "skills will be read from the whole description"))
        }
        if !TextCheck.looksEnglish(Tokenizer.words(String(posting.text.prefix(20_000)))) {
            warnings.append(Diagnostic(path: path, severity: .warning, message: "\"\(posting.title)\" does not look like English; "
                + "the skills lexicon covers English, so only skills written the English way will be recognised"))
        }
        return posting
    }

    /// A posting from plain text: the title is the heading, or the first line.
    static func plainPosting(_ text: String, source: String, heading: String?) -> Posting {
        let firstLine = text.split(separator: "\n").first.map { String($0) } ?? ""
        var title = heading ?? (firstLine.count <= 120 ? firstLine : "Untitled posting")
        var company: String?
        for separator in [" at ", " @ ", " - ", " \u{2013} ", " | "] {
            if let range = title.range(of: separator) {
                company = String(title[range.upperBound...]).trimmingWhitespace()
                title = String(title[..<range.lowerBound]).trimmingWhitespace()
                break
            }
        }
        var posting = Posting(title: title.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ ")), text: text, source: source)
        posting.company = company.flatMap { $0.isEmpty ? nil : $0 }
        return posting
    }

    /// The text of the first `# ` heading.
    static func markdownTitle(_ markdown: String) -> String? {
        markdown.split(separator: "\n").first { $0.hasPrefix("# ") }.map { MarkdownText.inline(String($0.dropFirst(2))) }
    }
}
