import FolioCore

/// The figures of one group of sent applications (all of them, one variant, one source...).
public struct GroupStats: Sendable, Hashable {
    /// The group's name.
    public var label: String
    /// Applications sent.
    public var count: Int
    /// Those that got any answer (screening, interview, offer, accepted or rejected).
    public var responded: Int
    /// Those that reached an interview.
    public var interviews: Int
    /// Those that reached an offer.
    public var offers: Int
    /// Those ghosted (a waiting stage silent for too long).
    public var ghosted: Int
    /// The median days from sending to the first answer; nil when none came.
    public var medianResponseDays: Double?
    /// True when the group is too small to draw conclusions from.
    public var isSmallSample: Bool

    /// responded / count (0 for an empty group).
    public var responseRate: Double { Self.rate(responded, count) }
    /// interviews / count.
    public var interviewRate: Double { Self.rate(interviews, count) }
    /// offers / count.
    public var offerRate: Double { Self.rate(offers, count) }
    /// ghosted / count.
    public var ghostedRate: Double { Self.rate(ghosted, count) }

    init(label: String, _ outcomes: [Outcome], smallSample: Int) {
        self.label = label
        count = outcomes.count
        responded = outcomes.filter { $0.responseDays != nil }.count
        interviews = outcomes.filter { $0.rank >= 2 }.count
        offers = outcomes.filter { $0.rank >= 3 }.count
        ghosted = outcomes.filter(\.ghosted).count
        medianResponseDays = Self.median(outcomes.compactMap(\.responseDays))
        isSmallSample = count < smallSample
    }

    /// Groups by `key`, largest group first (ties by label).
    static func grouped(_ outcomes: [Outcome], smallSample: Int, by key: (Outcome) -> String) -> [GroupStats] {
        Dictionary(grouping: outcomes, by: key)
            .map { GroupStats(label: $0.key, $0.value, smallSample: smallSample) }
            .sorted { ($0.count, $1.label) > ($1.count, $0.label) }
    }

    /// The median of whole numbers: the middle one, or the mean of the two middle ones.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    static func rate(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
}

/// One stage of the funnel.
public struct FunnelStage: Sendable, Hashable {
    /// applied, screening, interview or offer.
    public var name: String
    /// Applications that reached it (or a later stage).
    public var count: Int
    /// count / the previous stage's count (1 for the first stage; 0 when the previous is empty).
    public var conversion: Double
    /// count / the applications sent.
    public var ofApplied: Double

    /// The funnel's stages shown by the report.
    public static let names = ["applied", "screening", "interview", "offer"]

    static func stages(_ outcomes: [Outcome]) -> [FunnelStage] {
        var result: [FunnelStage] = []
        for (rank, name) in names.enumerated() {
            let count = outcomes.filter { $0.rank >= rank }.count
            let previous = result.last?.count ?? count
            result.append(FunnelStage(name: name, count: count, conversion: GroupStats.rate(count, previous),
                                      ofApplied: GroupStats.rate(count, outcomes.count)))
        }
        return result
    }
}
