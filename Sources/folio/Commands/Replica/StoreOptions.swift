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

    /// Opens the replica to read it, writing nothing when it is there and up to date.
    func openForReading() throws -> Store {
        try Replica.run { try Store.openForReading(path: StoreLocation.resolve(option: store)) }
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
        let counts = all.map { $0.map(width) }
        let widths = header.indices.map { column in counts.map { $0[column] }.max() ?? 0 }
        // Written as bytes into one buffer: a string per line costs more than the listing.
        var output: [UInt8] = []
        output.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for (row, rowCounts) in zip(all, counts) {
            let start = output.count
            for (index, cell) in row.enumerated() {
                if index > 0 { output.append(contentsOf: [0x20, 0x20]) }
                output.append(contentsOf: cell.utf8)
                if index < row.count - 1 { output.append(contentsOf: repeatElement(0x20, count: widths[index] - rowCounts[index])) }
            }
            while output.count > start, output.last == 0x20 { output.removeLast() }
            output.append(0x0A)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A cell's width in characters; ASCII, most cells, without grapheme breaking.
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }

    /// The shortest prefixes (at least 8 hex digits) that tell these ids apart, like git's.
    static func shortIDs(_ hexes: [String]) -> [String] {
        // Neighbours in sorted order share the longest prefixes.
        let sorted = hexes.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var length = 8
        for (left, right) in zip(sorted, sorted.dropFirst()) where left != right {
            let common = zip(left, right).prefix { $0 == $1 }.count
            length = max(length, common + 1)
        }
        return hexes.map { String($0.prefix(length)) }
    }
}
