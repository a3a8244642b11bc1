import FolioCore

/// The person's wishes, from the replica's profile record: where they want to work, for
/// how much, how, and as what.
public struct Preferences: Sendable, Hashable {
    /// `location.city`.
    public var city: String?
    /// `location.country`.
    public var country: String?
    /// `remote`: true wants remote work, false wants an office.
    public var remote: Bool?
    /// `salary.min`, per year.
    public var salaryMin: Double?
    /// `employment`: `full-time`, `part-time`, `contract`, `temporary`, `internship`.
    public var employment: String?
    /// `roles`: titles they aim for.
    public var roles: [String] = []

    /// No wishes.
    public init() {}

    /// The wishes in profile fields (unknown fields are ignored).
    public init(fields: JSONObject) {
        city = fields["location.city"]?.stringValue
        country = fields["location.country"]?.stringValue
        if case .bool(let value)? = fields["remote"] { remote = value }
        salaryMin = fields["salary.min"]?.numberValue
        employment = fields["employment"]?.stringValue
        roles = fields["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// True when nothing is set.
    public var isEmpty: Bool { self == Preferences() }
}

/// The fields `folio profile set` takes, and how their text becomes a value.
public enum ProfileField {
    /// Every settable path with what it holds, for help and errors.
    public static let all: [(path: String, help: String)] = [
        ("location.city", "the city you want to work in"), ("location.country", "your country"),
        ("remote", "true to prefer remote work, false for an office"), ("salary.min", "the least yearly salary you want"),
        ("salary.currency", "its currency (USD, EUR, INR, ...)"),
        ("employment", "full-time, part-time, contract, temporary or internship"),
        ("roles", "target roles, comma-separated (\"Backend Engineer, SRE\")"),
    ]

    /// The value to store for `text` at `path`, or a message saying what is expected.
    public static func value(_ path: String, _ text: String) -> Result<JSONValue, ProfileFieldError> {
        let trimmed = text.trimmingWhitespace()
        switch path {
        case "location.city", "location.country", "salary.currency":
            return trimmed.isEmpty ? .failure(.init("\(path) must not be empty")) : .success(.string(trimmed))
        case "remote":
            switch trimmed.lowercased() {
            case "true", "yes", "remote": return .success(.bool(true))
            case "false", "no", "office", "on-site": return .success(.bool(false))
            default: return .failure(.init("remote must be true or false, not \"\(text)\""))
            }
        case "salary.min":
            guard let number = Double(trimmed.filter { $0 != "," && $0 != "_" }), number >= 0 else {
                return .failure(.init("salary.min must be a number like 120000, not \"\(text)\""))
            }
            return .success(.number(number))
        case "employment":
            guard let kind = EmploymentType.normalize(trimmed) else {
                return .failure(.init("employment must be full-time, part-time, contract, temporary or internship, not \"\(text)\""))
            }
            return .success(.string(kind))
        case "roles":
            let roles = trimmed.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            return roles.isEmpty ? .failure(.init("roles needs at least one role")) : .success(.array(roles.map(JSONValue.string)))
        default:
            return .failure(.init("unknown profile field \"\(path)\"; known: " + all.map(\.path).joined(separator: ", ")))
        }
    }
}

/// Why a profile value was refused.
public struct ProfileFieldError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public var description: String

    init(_ description: String) { self.description = description }
}
