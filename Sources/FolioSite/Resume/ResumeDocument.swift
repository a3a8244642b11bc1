import FolioCore

/// A resume arranged for reading: the header, then sections of entries in the order
/// recruiters expect. Every renderer (HTML designs, plain text, Markdown, DOCX) draws
/// this, so they all say the same thing.
public struct ResumeDocument: Sendable {
    public struct Link: Sendable, Hashable {
        public var label: String
        public var url: String?
    }

    public struct Entry: Sendable, Hashable {
        public var title: String
        public var subtitle: String?
        /// `Mar 2019 – Present`, `2016`; nil when undated.
        public var dates: String?
        /// The same range in one plain format for ATS: `2019-03 - present`.
        public var plainDates: String?
        public var location: String?
        public var url: String?
        public var summary: String?
        public var bullets: [String] = []
        public var keywords: [String] = []
    }

    public struct Section: Sendable, Hashable {
        /// The JSON Resume key: `work`, `education`, `skills`, ...
        public var id: String
        public var title: String
        public var entries: [Entry]
        /// Skills, languages and interests: short entries a sidebar or a line can hold.
        public var isCompact: Bool
    }

    public var name: String
    public var label: String?
    public var summary: String?
    public var image: String?
    public var email: String?
    public var phone: String?
    public var url: String?
    public var location: String?
    public var profiles: [Link]
    public var sections: [Section]

    /// Email, phone, website, location and profiles, in that order, for a contact line.
    public var contacts: [Link] {
        var links: [Link] = []
        if let location { links.append(Link(label: location, url: nil)) }
        if let email { links.append(Link(label: email, url: "mailto:" + email)) }
        if let phone { links.append(Link(label: phone, url: "tel:" + phone.filter { $0.isNumber || $0 == "+" })) }
        if let url { links.append(Link(label: Self.shortURL(url), url: url)) }
        return links + profiles
    }

    /// Links only to the web, mail and phone (or relative ones): a `javascript:` URL in a
    /// resume file must not become a link in any format.
    static func safeURL(_ url: String?) -> String? {
        guard let url else { return nil }
        guard let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") else { return url }
        let scheme = url[..<colon].lowercased()
        return ["http", "https", "mailto", "tel"].contains(scheme) ? url : nil
    }

    static func shortURL(_ url: String) -> String {
        var text = url
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}

extension ResumeDocument {
    /// Section titles, in presentation order.
    static let order: [(id: String, title: String)] = [
        ("work", "Experience"), ("projects", "Projects"), ("education", "Education"), ("skills", "Skills"),
        ("certificates", "Certificates"), ("awards", "Awards"), ("publications", "Publications"),
        ("volunteer", "Volunteering"), ("languages", "Languages"), ("interests", "Interests"),
        ("references", "References"),
    ]

    public init(_ resume: Resume) {
        let basics = resume.document["basics"]?.objectValue ?? JSONObject()
        func text(_ object: JSONObject, _ key: String) -> String? {
            guard let value = object[key]?.stringValue.map(Self.clean), !value.isEmpty else { return nil }
            return value
        }
        name = text(basics, "name") ?? "Resume"
        label = text(basics, "label")
        summary = text(basics, "summary")
        image = Self.safeURL(text(basics, "image"))
        email = text(basics, "email")
        phone = text(basics, "phone")
        url = Self.safeURL(text(basics, "url"))
        location = basics["location"]?.objectValue.flatMap(Self.place)
        profiles = (basics["profiles"]?.arrayValue ?? []).compactMap { item in
            guard let profile = item.objectValue else { return nil }
            let network = text(profile, "network") ?? ""
            let username = text(profile, "username")
            let url = Self.safeURL(text(profile, "url"))
            let label = [network, username ?? url.map(Self.shortURL) ?? ""].filter { !$0.isEmpty }.joined(separator: ": ")
            return label.isEmpty ? nil : Link(label: label, url: url)
        }
        sections = Self.order.compactMap { id, title in
            let entries = (resume.document[id]?.arrayValue ?? []).compactMap { $0.objectValue }.map { Self.entry(id, $0, text) }
                .filter { !$0.title.isEmpty || $0.summary != nil || !$0.bullets.isEmpty }
            guard !entries.isEmpty else { return nil }
            return Section(id: id, title: title, entries: entries, isCompact: ["skills", "languages", "interests"].contains(id))
        }
    }

    /// Trimmed, with control characters (which no format can show, and XML forbids) removed.
    static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }
        return String(String.UnicodeScalarView(scalars)).trimmingWhitespace()
    }

    /// `Berlin, DE` from a JSON Resume location.
    static func place(_ location: JSONObject) -> String? {
        let parts = ["city", "region", "countryCode"].compactMap { location[$0]?.stringValue.map(clean) }.filter { !$0.isEmpty }
        return parts.isEmpty ? location["address"]?.stringValue.map(clean) : parts.joined(separator: ", ")
    }

    private static func entry(_ section: String, _ item: JSONObject, _ text: (JSONObject, String) -> String?) -> Entry {
        func list(_ key: String) -> [String] {
            (item[key]?.arrayValue ?? []).compactMap { $0.stringValue.map(clean) }.filter { !$0.isEmpty }
        }
        var entry = Entry(title: "")
        entry.url = safeURL(text(item, "url"))
        entry.location = item["location"]?.objectValue.flatMap(place)
        let range = dateRange(start: text(item, "startDate"), end: text(item, "endDate"))
        entry.dates = range?.display
        entry.plainDates = range?.plain
        switch section {
        case "work", "volunteer":
            entry.title = text(item, "position") ?? ""
            entry.subtitle = text(item, section == "work" ? "name" : "organization")
            entry.summary = text(item, "summary") ?? text(item, "description")
            entry.bullets = list("highlights")
        case "education":
            let degree = [text(item, "studyType"), text(item, "area")].compactMap { $0 }
            entry.title = degree.joined(separator: ", ")
            entry.subtitle = text(item, "institution")
            entry.summary = text(item, "score").map { "Score: \($0)" }
            entry.bullets = list("courses")
        case "projects":
            entry.title = text(item, "name") ?? ""
            entry.subtitle = ([text(item, "entity"), text(item, "type")].compactMap { $0 } + list("roles")).joined(separator: " · ").nilIfEmpty
            entry.summary = text(item, "description")
            entry.bullets = list("highlights")
            entry.keywords = list("keywords")
        case "skills", "interests":
            entry.title = text(item, "name") ?? ""
            entry.subtitle = text(item, "level")
            entry.keywords = list("keywords")
        case "languages":
            entry.title = text(item, "language") ?? ""
            entry.subtitle = text(item, "fluency")
        case "awards":
            entry.title = text(item, "title") ?? ""
            entry.subtitle = text(item, "awarder")
            entry.summary = text(item, "summary")
            (entry.dates, entry.plainDates) = single(text(item, "date"))
        case "certificates":
            entry.title = text(item, "name") ?? ""
            entry.subtitle = text(item, "issuer")
            (entry.dates, entry.plainDates) = single(text(item, "date"))
        case "publications":
            entry.title = text(item, "name") ?? ""
            entry.subtitle = text(item, "publisher")
            entry.summary = text(item, "summary")
            (entry.dates, entry.plainDates) = single(text(item, "releaseDate"))
        case "references":
            entry.title = text(item, "name") ?? ""
            entry.summary = text(item, "reference")
        default:
            break
        }
        return entry
    }

    private static func single(_ text: String?) -> (String?, String?) {
        guard let text, let date = PartialDate(text) else { return (text, text) }
        return (date.display, date.normalized)
    }

    /// `Mar 2019 – Present` for readers and `2019-03 - present` for ATS.
    static func dateRange(start: String?, end: String?) -> (display: String, plain: String)? {
        let from = start.flatMap(PartialDate.init)
        let to = end.flatMap(PartialDate.init)
        switch (from, to) {
        case (nil, nil): return nil
        case (let from?, nil): return ("\(from.display) – Present", "\(from.normalized) - present")
        case (nil, let to?): return (to.display, to.normalized)
        case (let from?, let to?):
            if from.normalized == to.normalized { return (from.display, from.normalized) }
            return ("\(from.display) – \(to.display)", "\(from.normalized) - \(to.normalized)")
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
