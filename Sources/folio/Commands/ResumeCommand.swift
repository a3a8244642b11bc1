import ArgumentParser
import FolioCore
import FolioSite
import FolioStore
import Foundation

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Work with resumes in the JSON Resume format: render files, and keep resumes in the local replica.",
        discussion: """
        `render` works on a file. The other subcommands work on resumes kept in the local replica \
        (see --store), where edits from several devices merge field by field and importing a file \
        again writes only what changed.
        """,
        subcommands: [
            ResumeRenderCommand.self, ResumeImportCommand.self, ResumeExportCommand.self, ResumeListCommand.self,
            ResumeShowCommand.self, ResumeEditCommand.self, ResumeSetCommand.self, ResumeSnapshotCommand.self,
            ResumeHistoryCommand.self, ResumeRemoveCommand.self, ResumeTailorCommand.self,
        ]
    )
}

extension ResumeRenderer.Format: ExpressibleByArgument {}
extension ResumeDocxRenderer.Paper: ExpressibleByArgument {}

/// Options shared by `resume render` and `letter render`.
struct RenderOptions: ParsableArguments {
    @Option(name: .long, help: "The resume design: modern, classic, compact (or one in a theme's resume/ folder).")
    var theme: String = "modern"

    @Option(name: .long, help: "Paper size for HTML print, PDF and DOCX: a4 or letter.")
    var paper: ResumeDocxRenderer.Paper = .a4

    @Option(name: [.short, .customLong("output")], help: "Where to write; text formats go to standard output without it.")
    var output: String?

    @Option(name: .customLong("theme-dir"), help: "Another folder to look for themes (and their resume designs) in (repeatable).")
    var themeDirs: [String] = []

    func renderer() -> ResumeRenderer {
        let loader = ThemeLoader(siteDirectory: URL(fileURLWithPath: "."), extraDirectories: themeDirs.map { URL(fileURLWithPath: $0) })
        return ResumeRenderer(design: theme, paper: paper, loader: loader)
    }

    /// Writes `data` to --output, to standard output (text), or beside the input (binary).
    func deliver(_ data: Data, format: ResumeRenderer.Format, input: String) throws {
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
            Terminal.printError("Wrote \(output)")
        } else if format.isBinary {
            let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent + "." + format.fileExtension
            try data.write(to: URL(fileURLWithPath: name))
            Terminal.printError("Wrote \(name)")
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

struct ResumeRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a resume file as HTML, PDF, DOCX, plain text, Markdown, JSON or YAML.",
        discussion: """
        FILE is a JSON Resume (.json, .yaml or .yml), or the name of a resume in the local \
        replica (see `folio resume list`). Problems in a file are printed as \
        path:line:col: error: message. PDF needs Chromium (apt-get install chromium).
        """
    )

    @Argument(help: "The resume file (.json, .yaml, .yml), or a resume's name in the replica.",
              completion: .file(extensions: ["json", "yaml", "yml"]))
    var file: String

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .shortAndLong, help: "html, pdf, docx, txt, md, json or yaml.")
    var format: ResumeRenderer.Format = .html

    @Flag(help: "Render every format (PDF only when Chromium is installed) into the folder given with -o.")
    var all = false

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if all, options.output == nil { throw ValidationError("--all needs -o FOLDER to write the files into") }
    }

    func run() throws {
        do {
            let resume = try loadResume()
            for warning in resume.warnings { Terminal.printError(warning.description) }
            if all { return try renderAll(resume) }
            try options.deliver(try options.renderer().render(resume, as: format), format: format, input: file)
        } catch let error as DiagnosticError {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}

extension ResumeRenderCommand {
    /// A file when one exists at FILE (or FILE names a resume file), else a resume of that
    /// name in the replica: the renderers do not care where a resume came from.
    func loadResume() throws -> Resume {
        try ResumeSource.load(file, storeOptions: storeOptions)
    }

    /// Every format into one folder; with FOLIO_TIMINGS=1, how long each took.
    func renderAll(_ resume: Resume) throws {
        let folder = URL(fileURLWithPath: options.output!)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let renderer = options.renderer()
        let timings = ProcessInfo.processInfo.environment["FOLIO_TIMINGS"] == "1"
        let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var total = 0.0
        for format in ResumeRenderer.Format.allCases where format != .pdf || ChromiumPDF.executable != nil {
            let start = DispatchTime.now()
            let data = try renderer.render(resume, as: format)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
            if format != .pdf { total += ms }
            try data.write(to: folder.appendingPathComponent("\(base).\(format.fileExtension)"))
            if timings { Terminal.printError(String(format: "  %-5@ %8.2f ms", format.rawValue, ms)) }
        }
        if timings { Terminal.printError(String(format: "  all but pdf %8.2f ms", total)) }
        Terminal.printError("Wrote \(base).* to \(folder.path)")
    }
}

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Cover letters that match your resume.",
        subcommands: [LetterRenderCommand.self]
    )
}

struct LetterRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a cover letter in the design of the resume it goes with.",
        discussion: """
        FILE is Markdown with front matter: recipient, company, role, date, and resume (the \
        resume file, relative to the letter). The letter's header comes from the resume.
        """
    )

    @Argument(help: "The letter (Markdown with front matter).", completion: .file(extensions: ["md"]))
    var file: String

    @Option(name: .shortAndLong, help: "html, pdf, docx or txt.")
    var format: ResumeRenderer.Format = .html

    @Option(help: "The resume to take the header from (default: the letter's `resume:` front matter).")
    var resume: String?

    @OptionGroup var options: RenderOptions

    func validate() throws {
        guard [.html, .pdf, .docx, .txt].contains(format) else {
            throw ValidationError("a cover letter renders as html, pdf, docx or txt")
        }
    }

    func run() throws {
        do {
            let letterURL = URL(fileURLWithPath: file)
            let letter = try CoverLetter.load(file: letterURL, displayPath: file)
            guard let resumePath = resume ?? letter.resume.map({ letterURL.deletingLastPathComponent().appendingPathComponent($0).path }) else {
                throw ValidationError("\(file) names no resume: add `resume: resume.yaml` to its front matter or pass --resume FILE")
            }
            let resumeValue = try Resume.load(file: URL(fileURLWithPath: resumePath), displayPath: resumePath)
            try options.deliver(try options.renderer().renderLetter(letter, resume: resumeValue, as: format), format: format, input: file)
        } catch let error as DiagnosticError {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            throw ExitCode.failure
        }
    }
}
