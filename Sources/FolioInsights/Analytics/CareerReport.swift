import FolioCore

/// What `folio report` shows: the pipeline's funnel, response figures, weekly volume and the
/// same figures per resume variant, source, role and company size. Pure: computed from
/// plain values, no I/O.
///
/// ```
/// let report = CareerReport(applications, options: .init(today: CalendarDay("2024-06-30")!))
/// report.funnel.map(\.count)   // [applied, screening, interview, offer]
/// ```
public struct CareerReport: Sendable, Hashable {
    /// What to count and as of when.
    public struct Options: Sendable, Hashable {
        /// The day the report is made (ghosting is judged against it).
        public var today: CalendarDay
        /// Only applications sent on or after this day.
        public var since: CalendarDay?
        /// Days of silence after which a waiting application counts as ghosted.
        public var ghostAfter: Int
        /// Groups smaller than this are flagged as small samples.
        public var smallSample: Int

        /// Options for a report made on `today`.
        public init(today: CalendarDay, since: CalendarDay? = nil, ghostAfter: Int = PipelineStatus.defaultGhostAfterDays,
                    smallSample: Int = 5) {
            self.today = today
            self.since = since
            self.ghostAfter = ghostAfter
            self.smallSample = smallSample
        }
    }

    /// Applications sent in one week.
    public struct Week: Sendable, Hashable {
        /// The week's Monday.
        public var start: CalendarDay
        /// How many were sent.
        public var count: Int
    }

    /// The options it was made with.
    public var options: Options
    /// Applications counted (sent, in the period).
    public var total: Int
    /// Applications only saved (not sent), not part of the figures.
    public var saved: Int
    /// Sent applications per week, every week from the first to the last (zeros included).
    public var weeks: [Week]
    /// The whole set's figures.
    public var overall: GroupStats
    /// The funnel stages applied -> screening -> interview -> offer.
    public var funnel: [FunnelStage]
    /// By resume variant (the A/B view), largest first.
    public var byVariant: [GroupStats]
    /// By source, largest first.
    public var bySource: [GroupStats]
    /// By role, largest first.
    public var byRole: [GroupStats]
    /// By company size, largest first (only where known).
    public var byCompanySize: [GroupStats]

    /// Computes the report.
    public init(_ applications: [TrackedApplication], options: Options) {
        self.options = options
        let sent = applications.compactMap { application -> (TrackedApplication, CalendarDay)? in
            guard let day = application.appliedDay else { return nil }
            if let since = options.since, day < since { return nil }
            return (application, day)
        }
        saved = applications.count - sent.count
        total = sent.count
        let outcomes = sent.map { Outcome($0.0, applied: $0.1, options: options) }
        weeks = Self.weeks(outcomes.map(\.applied))
        overall = GroupStats(label: "all", outcomes, smallSample: options.smallSample)
        funnel = FunnelStage.stages(outcomes)
        byVariant = GroupStats.grouped(outcomes, smallSample: options.smallSample) { $0.variant ?? "(none)" }
        bySource = GroupStats.grouped(outcomes, smallSample: options.smallSample) { $0.source ?? "(unknown)" }
        byRole = GroupStats.grouped(outcomes, smallSample: options.smallSample) { $0.role }
        byCompanySize = GroupStats.grouped(outcomes.filter { $0.companySize != nil }, smallSample: options.smallSample) {
            $0.companySize!
        }
    }

    static func weeks(_ days: [CalendarDay]) -> [Week] {
        guard let first = days.min()?.weekStart, let last = days.max()?.weekStart else { return [] }
        var counts: [CalendarDay: Int] = [:]
        for day in days { counts[day.weekStart, default: 0] += 1 }
        return stride(from: first.ordinal, through: last.ordinal, by: 7).map { ordinal in
            let start = CalendarDay(ordinal: ordinal)
            return Week(start: start, count: counts[start] ?? 0)
        }
    }
}

/// One sent application reduced to what the figures need.
struct Outcome: Sendable {
    var applied: CalendarDay
    /// The furthest funnel stage (0 applied ... 4 accepted).
    var rank: Int
    /// Days from sending to the first answer, if one came.
    var responseDays: Int?
    var ghosted: Bool
    var variant: String?
    var source: String?
    var role: String
    var companySize: String?

    init(_ application: TrackedApplication, applied: CalendarDay, options: CareerReport.Options) {
        self.applied = applied
        rank = application.highestFunnelRank ?? 0
        responseDays = application.firstResponse.map { applied.days(until: $0.date) }
        ghosted = application.effectiveStatus(today: options.today, ghostAfter: options.ghostAfter) == "ghosted"
        variant = application.variant
        source = application.source.map(Self.normalized)
        role = application.role
        companySize = application.companySize
    }

    /// Sources as people write them ("Job board", "job-board ") counted together.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }
}
