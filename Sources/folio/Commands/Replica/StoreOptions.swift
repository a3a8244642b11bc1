import ArgumentParser
import FolioCRDT
import FolioCore
import FolioStore
import Foundation

/// `--store PATH`, shared by every command that reads or writes the replica.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The replica file (default: $FOLIO_STORE, else $XDG_DATA_HOME/folio/replica.sqlite or ~/.local/share/folio/replica.sqlite).",
        valueName: "path"))
    var store: String?

    /// Opens the replica, creating it on first use.
    func open() throws -> Store {
        try Replica.run { try Store.open(path: StoreLocation.resolve(option: store)) }
    }
}

/// Running replica operations: problems are printed as one clear message and exit 1.
enum Replica {
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DiagnosticError {
            for diagnostic in error.diagnostics { Terminal.printError(diagnostic.description) }
            throw ExitCode.failure
        } catch let error as StoreError {
            Terminal.printError("error: \(error.description)")
            throw ExitCode.failure
        }
    }

    /// Prints a value as pretty JSON.
    static func printJSON(_ value: JSONValue) {
        print(value.encoded(pretty: true), terminator: "")
    }

    /// Checks a `YYYY-MM-DD` option.
    static func validateDay(_ text: String?, option: String) throws {
        guard let text else { return }
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let date = PartialDate(text), date.day != nil else {
            throw ValidationError("--\(option) must be a date like 2024-05-01, not \"\(text)\"")
        }
    }
}

/// Aligned text tables for listings.
enum Table {
    /// Rows under a header, columns padded to their widest cell; the last column is not padded.
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }

    /// The shortest prefixes (at least 8 hex digits) that tell these ids apart, like git's.
    static func shortIDs(_ hexes: [String]) -> [String] {
        var length = 8
        while length < 32, Set(hexes.map { $0.prefix(length) }).count < Set(hexes).count { length += 1 }
        return hexes.map { String($0.prefix(length)) }
    }
}
