import FolioCore
import Foundation

/// A spreadsheet of applications read and checked, row by row, before anything is written:
/// problems are reported by line and the store only sees rows that passed.
public struct ApplicationImport: Sendable {
    /// How to read the file.
    public struct Options: Sendable {
        /// Field name to the file's header for it, e.g. `["company": "Employer"]`.
        public var map: [String: String] = [:]
        /// For dates like 03/04/2024: true = day first, false = month first, nil = refuse
        /// the ambiguous ones.
        public var dayFirst: Bool?
        /// The date given to rows with an empty date.
        public var today: CalendarDay

        /// Options for an import made on `today`.
        public init(today: CalendarDay) { self.today = today }
    }

    /// One row that passed.
    public struct Row: Sendable, Hashable {
        /// The line it starts on.
        public var line: Int
        /// The application id it names (hex, from an export), if any.
        public var id: String?
        /// The application's fields.
        public var company: String, role: String, status: String, date: CalendarDay
        /// Optional fields; nil when the column is absent or the cell empty.
        public var source: String?, location: String?, url: String?, variant: String?, companySize: String?

        /// The key that recognises the same application again: company, role and date.
        public var key: String { "\(company.lowercased())\u{1F}\(role.lowercased())\u{1F}\(date)" }
    }

    /// The rows that passed, in file order.
    public var rows: [Row] = []
    /// What is wrong with the others, by line.
    public var problems: [Diagnostic] = []

    /// Reads and checks `data`. Problems with the whole file (encoding, a missing column,
    /// an unclosed quote) are thrown; problems with rows are collected in `problems`.
    public init(data: Data, path: String, options: Options) throws {
        let records = try CSVTable.parse(CSVTable.text(data, path: path), path: path)
        guard let header = records.first else {
            throw DiagnosticError(Diagnostic(path: path, line: 1, message: "the file is empty (expected a header row)"))
        }
        let columns = try Self.columns(header.fields, path: path, map: options.map)
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            var reader = RowReader(record: record, header: header.fields, columns: columns, options: options)
            guard let row = reader.read() else {
                problems += reader.problems.map { Diagnostic(path: path, line: record.line, message: $0) }
                continue
            }
            if let first = [row.id, row.key].compactMap({ $0 }).compactMap({ seen[$0] }).first {
                problems.append(Diagnostic(path: path, line: record.line, message: "duplicate of line \(first)"))
                continue
            }
            seen[row.key] = record.line
            if let id = row.id { seen[id] = record.line }
            rows.append(row)
        }
    }

    /// Field name to column index, from the header and `--map`.
    static func columns(_ header: [String], path: String, map: [String: String]) throws -> [String: Int] {
        let keys = header.map(ApplicationCSV.headerKey)
        var result: [String: Int] = [:]
        for (field, names) in ApplicationCSV.headerNames {
            if let wanted = map[field] {
                guard let index = header.firstIndex(where: { $0 == wanted }) ?? keys.firstIndex(of: ApplicationCSV.headerKey(wanted)) else {
                    throw DiagnosticError(Diagnostic(path: path, line: 1, message:
                        "--map \(field)=\(wanted): no such column (the header has: \(header.joined(separator: ", ")))"))
                }
                result[field] = index
            } else if let index = keys.firstIndex(where: names.contains) {
                result[field] = index
            }
        }
        let missing = ApplicationCSV.required.filter { result[$0] == nil }
        guard missing.isEmpty else {
            throw DiagnosticError(Diagnostic(path: path, line: 1, message:
                "missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) (the header has: "
                + "\(header.joined(separator: ", "))); name it with --map, e.g. --map \(missing[0])=\"Column name\""))
        }
        return result
    }
}

/// Reads one record into a row, collecting what is wrong with it.
struct RowReader {
    let record: CSVTable.Record
    let header: [String]
    let columns: [String: Int]
    let options: ApplicationImport.Options
    var problems: [String] = []

    mutating func read() -> ApplicationImport.Row? {
        if record.fields.count > header.count {
            problems.append("\(record.fields.count) fields, but the header has \(header.count) (a comma in an unquoted field?)")
            return nil
        }
        let company = cell("company") ?? "", role = cell("role") ?? ""
        if company.isEmpty { problems.append("the company is empty") }
        if role.isEmpty { problems.append("the role is empty") }
        let status = readStatus()
        let date = readDate()
        guard problems.isEmpty, let status, let date else { return nil }
        return ApplicationImport.Row(line: record.line, id: readID(), company: company, role: role, status: status, date: date,
                                     source: cell("source"), location: cell("location"), url: cell("url"),
                                     variant: cell("variant"), companySize: cell("company_size"))
    }

    /// The trimmed cell of a field; nil when absent or empty.
    func cell(_ field: String) -> String? {
        guard let index = columns[field], index < record.fields.count else { return nil }
        let value = ApplicationCSV.unguarded(record.fields[index].trimmingCharacters(in: .whitespacesAndNewlines))
        return value.isEmpty ? nil : value
    }

    mutating func readStatus() -> String? {
        guard let text = cell("status") else { return "applied" }
        if let status = PipelineStatus.canonical(text) { return status }
        problems.append("unknown status \"\(text)\" (known: \(PipelineStatus.all.joined(separator: ", ")))")
        return nil
    }

    mutating func readDate() -> CalendarDay? {
        guard let text = cell("date") else { return options.today }
        switch ImportDate.parse(text, dayFirst: options.dayFirst) {
        case .success(let day): return day
        case .failure(let problem): problems.append(problem.message); return nil
        }
    }

    func readID() -> String? {
        guard let text = cell("id")?.lowercased().filter({ $0 != "-" }), text.count == 32, text.allSatisfy(\.isHexDigit) else {
            return nil
        }
        return text
    }
}
