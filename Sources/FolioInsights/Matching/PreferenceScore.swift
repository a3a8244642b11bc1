/// The preferences part of a match: salary, employment type, remote wish and target
/// roles, each counted when both the profile and the posting say something about it.
enum PreferenceScore {
    static func part(_ posting: Posting, _ preferences: Preferences) -> MatchScore.Part {
        guard !preferences.isEmpty else {
            return MatchScore.Part(name: "preferences", weight: 0.1, score: 0.5,
                                   reason: "no profile set (neutral); try: folio profile set salary.min 90000")
        }
        let checks = [salary(posting, preferences), employment(posting, preferences), remote(posting, preferences),
                      roles(posting, preferences)].compactMap { $0 }
        guard !checks.isEmpty else {
            return MatchScore.Part(name: "preferences", weight: 0.1, score: 0.5,
                                   reason: "the posting says nothing your profile asks about (neutral)")
        }
        let score = checks.reduce(0) { $0 + $1.0 } / Double(checks.count)
        return MatchScore.Part(name: "preferences", weight: 0.1, score: score, reason: checks.map(\.1).joined(separator: "; "))
    }

    static func salary(_ posting: Posting, _ preferences: Preferences) -> (Double, String)? {
        guard let wanted = preferences.salaryMin, let offered = posting.salaryMax ?? posting.salaryMin else { return nil }
        let yearly = offered * (["hour": 2080, "day": 260, "week": 52, "month": 12][posting.salaryPeriod ?? "year"] ?? 1)
        let text = "pays up to \(Int(yearly)) a year, you want \(Int(wanted))"
        return yearly >= wanted ? (1, text) : (max(0, yearly / wanted - 0.25), text)
    }

    static func employment(_ posting: Posting, _ preferences: Preferences) -> (Double, String)? {
        guard let wanted = preferences.employment, let offered = posting.employment else { return nil }
        return offered == wanted ? (1, "\(offered), as you want") : (0, "\(offered), you want \(wanted)")
    }

    static func remote(_ posting: Posting, _ preferences: Preferences) -> (Double, String)? {
        guard let wanted = preferences.remote, let workplace = posting.workplace else { return nil }
        if wanted { return workplace == "remote" ? (1, "remote, as you want") : workplace == "hybrid" ? (0.5, "hybrid; you want remote") : (0, "on-site; you want remote") }
        return workplace == "remote" ? (0.5, "remote; you prefer an office") : (1, "\(workplace), as you prefer")
    }

    static func roles(_ posting: Posting, _ preferences: Preferences) -> (Double, String)? {
        guard !preferences.roles.isEmpty else { return nil }
        let title = Set(Tokenizer.words(posting.title).map(Stemmer.stem))
        let hit = preferences.roles.first { role in
            Set(Tokenizer.words(role).map(Stemmer.stem).filter { !StopWords.contains($0) }).isSubset(of: title)
        }
        return hit.map { (1, "the title matches your target role \($0)") } ?? (0, "the title is none of your target roles")
    }
}
