extension Matcher {
    /// Remote roles fit everyone; otherwise the posting's city against the profile's (or
    /// the resume's) city, then country.
    func location(_ facts: ResumeFacts, _ posting: PostingAnalysis, _ preferences: Preferences) -> MatchScore.Part {
        let job = posting.posting
        func part(_ score: Double, _ reason: String) -> MatchScore.Part {
            MatchScore.Part(name: "location", weight: 0.15, score: score, reason: reason)
        }
        if job.workplace == "remote" { return part(1, "the role is remote") }
        let place = [job.location, job.country].compactMap { $0 }.joined(separator: ", ")
        guard !place.isEmpty else { return part(0.5, "the posting gives no location (neutral)") }
        let city = preferences.city ?? facts.basics("location.city")
        let country = preferences.country ?? facts.basics("location.countryCode")
        guard city != nil || country != nil else {
            return part(0.5, "the role is in \(place); your location is unknown (set it: folio profile set location.city CITY)")
        }
        let lower = place.lowercased()
        if let city, lower.contains(city.lowercased()) { return part(1, "the role is in \(place), your city") }
        if let country, Self.sameCountry(country, lower) {
            return part(0.5, "the role is in \(place): your country, another city")
        }
        return part(0, "the role is in \(place); you are in \([city, country].compactMap { $0 }.joined(separator: ", "))")
    }

    /// A country (name or ISO code) mentioned in a lower-cased place.
    static func sameCountry(_ country: String, _ place: String) -> Bool {
        let lower = country.lowercased()
        let names = [lower] + (countryNames[lower] ?? [])
        let words = Set(Tokenizer.words(place))
        return names.contains { name in name.count <= 3 ? words.contains(name) : place.contains(name) }
    }

    static let countryNames: [String: [String]] = [
        "us": ["united states", "usa"], "usa": ["united states", "us"], "gb": ["united kingdom", "uk", "england"],
        "uk": ["united kingdom", "gb", "england"], "in": ["india"], "india": ["in"], "de": ["germany"], "fr": ["france"],
        "ca": ["canada"], "au": ["australia"], "nl": ["netherlands"], "es": ["spain"], "ie": ["ireland"],
        "united states": ["us", "usa"], "united kingdom": ["uk", "gb"], "germany": ["de"], "canada": ["ca"],
    ]
}
