import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio app import FILE.csv [--map field=Header ...] [--dry-run] [--skip-bad]`.
struct AppImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import applications from a spreadsheet (CSV, UTF-8); re-importing the same rows adds nothing.",
        discussion: """
        Columns are found by header (company, role, status, date, source, location, url, variant, company_size, id, \
        and common synonyms such as Employer, Position, Stage, Date applied); --map names others. Dates: \
        YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY, and D/M/YYYY or M/D/YYYY (--day-first / --month-first). A row that \
        matches an application already held (same id, else same company, role and date) updates it. Problems are \
        reported as FILE:LINE; the import is one transaction: nothing is written unless every row is good, or \
        --skip-bad is given.
        """
    )

    @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"])) var file: String
    @Option(parsing: .singleValue, help: ArgumentHelp("field=Header: read a field from a differently named column (repeatable, or comma-separated).",
                                                     valueName: "field=Header"))
    var map: [String] = []
    @Flag(help: "Check and report what would change; write nothing.") var dryRun = false
    @Flag(help: "Import the good rows and report the bad ones, instead of importing nothing.") var skipBad = false
    @Flag(help: "Read dates like 03/04/2024 as day first.") var dayFirst = false
    @Flag(help: "Read dates like 03/04/2024 as month first.") var monthFirst = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if dayFirst && monthFirst { throw ValidationError("--day-first and --month-first exclude each other") }
        _ = try mapping()
    }

    func mapping() throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in map.flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let fields = ApplicationCSV.columns.filter { $0 != "updated" }
            guard parts.count == 2, fields.contains(parts[0]), !parts[1].isEmpty else {
                throw ValidationError("--map takes field=Header with a field among \(fields.joined(separator: ", ")), not \"\(pair)\"")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Terminal.printError("error: cannot read \(file)")
            throw ExitCode.failure
        }
        let today = CalendarDay(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000))
        var options = ApplicationImport.Options(today: today)
        options.map = try mapping()
        options.dayFirst = dayFirst ? true : monthFirst ? false : nil
        let parsed = try Replica.run { try ApplicationImport(data: data, path: file, options: options) }
        for problem in parsed.problems { Terminal.printError(problem.description) }
        let bad = Set(parsed.problems.map(\.line)).count
        if bad > 0 && !skipBad {
            Terminal.printError("Nothing was imported: \(bad) bad row\(bad == 1 ? "" : "s"). "
                                + "Fix them, or import the good rows with --skip-bad.")
            throw ExitCode.failure
        }
        let store = try storeOptions.open()
        let summary = try Replica.run { try store.importApplications(parsed.rows, today: today, dryRun: dryRun) }
        let skipped = bad == 0 ? "" : ", \(bad) bad skipped"
        print("\(dryRun ? "Would import" : "Imported") \(file): \(summary.added) added, \(summary.updated) updated, "
              + "\(summary.unchanged) unchanged\(skipped)\(dryRun ? " (dry run; nothing written)" : "").")
    }
}
