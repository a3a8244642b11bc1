/// The shape of a JSON Resume (shared/schemas/jsonresume.schema.json), as a table the
/// validator walks. Fields the schema does not name are allowed and kept.
indirect enum ResumeField: Sendable {
    case text
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case date
    case url
    case email
    case texts
    case object([String: ResumeField])
    case objects([String: ResumeField])
}

enum ResumeSchema {
    static let location: ResumeField = .object([
        "address": .text, "postalCode": .text, "city": .text, "countryCode": .text, "region": .text,
    ])

    /// Top-level sections in the order renderers present them.
    static let sections: [(String, ResumeField)] = [
        ("$schema", .url),
        ("basics", .object([
            "name": .text, "label": .text, "image": .text, "email": .email, "phone": .text, "url": .url,
            "summary": .text, "location": location,
            "profiles": .objects(["network": .text, "username": .text, "url": .url]),
        ])),
        ("work", .objects([
            "name": .text, "location": location, "description": .text, "position": .text, "url": .url,
            "startDate": .date, "endDate": .date, "summary": .text, "highlights": .texts,
        ])),
        ("volunteer", .objects([
            "organization": .text, "location": location, "position": .text, "url": .url, "startDate": .date, "endDate": .date,
            "summary": .text, "highlights": .texts,
        ])),
        ("education", .objects([
            "institution": .text, "location": location, "url": .url, "area": .text, "studyType": .text, "startDate": .date,
            "endDate": .date, "score": .text, "courses": .texts,
        ])),
        ("awards", .objects(["title": .text, "date": .date, "awarder": .text, "summary": .text])),
        ("certificates", .objects(["name": .text, "date": .date, "url": .url, "issuer": .text])),
        ("publications", .objects([
            "name": .text, "publisher": .text, "releaseDate": .date, "url": .url, "summary": .text,
        ])),
        ("skills", .objects(["name": .text, "level": .text, "keywords": .texts])),
        ("languages", .objects(["language": .text, "fluency": .text])),
        ("interests", .objects(["name": .text, "keywords": .texts])),
        ("references", .objects(["name": .text, "reference": .text])),
        ("projects", .objects([
            "name": .text, "description": .text, "highlights": .texts, "keywords": .texts, "startDate": .date,
            "endDate": .date, "url": .url, "roles": .texts, "entity": .text, "type": .text,
        ])),
        ("meta", .object(["canonical": .url, "version": .text, "lastModified": .text])),
    ]

    static let sectionNames = Set(sections.map(\.0))
}
