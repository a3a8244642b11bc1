import ArgumentParser
import FolioCore
import FolioStore
import Foundation

/// `folio app export --format csv|ics|json [-o FILE]`.
struct AppExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export applications: CSV for spreadsheets, ICS (interviews and reminders) for calendars, or JSON.",
        discussion: """
        CSV: RFC 4180, UTF-8 with a byte order mark, ISO dates, one application per row; `folio app import` reads it \
        back without duplicating anything. ICS: RFC 5545; each event's UID is its record id, so importing a newer \
        export into a calendar updates events instead of adding them twice.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, ics, json }

    @Option(help: "csv, ics or json.") var format: Format
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file (default: standard output).", valueName: "file"))
    var output: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.openForReading()
        let text = try Replica.run { () throws -> String in
            switch format {
            case .csv: return ApplicationCSV.export(try store.trackedApplications(eventDetails: false))
            case .ics: return ApplicationCalendar.ics(try store.trackedApplications(), now: UInt64(Date().timeIntervalSince1970 * 1000))
            case .json: return try store.exportAll().objectValue?["applications"]?.encoded(pretty: true) ?? "[]\n"
            }
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        Terminal.printError("Wrote \(output).")
    }
}
