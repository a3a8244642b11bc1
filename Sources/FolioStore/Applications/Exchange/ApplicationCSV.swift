import FolioCore

/// The tracker's CSV form: one application per row, the columns below, ISO dates.
/// Export then import of the same file changes nothing.
public enum ApplicationCSV {
    /// The columns written, in order. `updated` (the last stage move) is informative and
    /// ignored on import.
    public static let columns = ["id", "company", "role", "status", "date", "source", "location", "url", "variant",
                                 "company_size", "updated"]

    /// The applications as CSV, each with the status it was last moved to (the computed
    /// "ghosted" is not written, so a round trip changes nothing).
    public static func export(_ applications: [TrackedApplication]) -> String {
        var rows = [columns]
        rows.reserveCapacity(applications.count + 1)
        for application in applications {
            rows.append([
                application.id, application.company, application.role, application.status, application.date.description,
                application.source ?? "", application.location ?? "", application.url ?? "", application.variant ?? "",
                application.companySize ?? "", application.lastActivity.description,
            ].map(guarded))
        }
        return CSVTable.write(rows)
    }

    /// Spreadsheets run a cell that starts with = + - @ as a formula; a leading apostrophe
    /// makes it text (and import takes it off again).
    static func guarded(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// Takes off the apostrophe `guarded` added.
    static func unguarded(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.count > 1, scalars.first == "'", formulaStarts.contains(scalars[scalars.index(after: scalars.startIndex)])
        else { return cell }
        return String(cell.dropFirst())
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Header names taken for each field when no `--map` says otherwise (compared without
    /// case, spaces, dashes or underscores).
    static let headerNames: [String: [String]] = [
        "id": ["id"],
        "company": ["company", "employer", "organization", "organisation", "companyname"],
        "role": ["role", "position", "title", "jobtitle", "job"],
        "status": ["status", "stage", "state"],
        "date": ["date", "applied", "dateapplied", "appliedon", "applicationdate"],
        "source": ["source", "channel", "via"],
        "location": ["location", "city"],
        "url": ["url", "link", "posting", "joburl"],
        "variant": ["variant", "resume", "resumeversion", "cv"],
        "company_size": ["companysize", "size"],
    ]

    /// Fields an import needs a column for.
    static let required = ["company", "role"]

    static func headerKey(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
