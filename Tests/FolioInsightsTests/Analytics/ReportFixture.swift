import FolioCore

/// Six applications with hand-computed answers (see CareerReportTests).
enum ReportFixture {
    static let today = CalendarDay("2024-07-01")!

    static func application(_ id: String, variant: String?, source: String?, _ moves: [(String, String)]) -> TrackedApplication {
        let events = moves.enumerated().map { index, move in
            TrackedEvent(id: "\(id)-\(index)", type: move.0, date: CalendarDay(move.1)!)
        }
        var application = TrackedApplication(id: id, company: "Company \(id)", role: id == "a1" ? "Staff" : "Backend",
                                             status: moves.last!.0, date: events[0].date, events: events)
        application.variant = variant
        application.source = source
        return application
    }

    static let applications: [TrackedApplication] = {
        var a1 = application("a1", variant: "main", source: "referral",
                             [("applied", "2024-05-06"), ("screening", "2024-05-10"), ("interview", "2024-05-20"), ("offer", "2024-06-01")])
        a1.companySize = "51-200"
        return [
            a1,
            application("a2", variant: "main", source: "job board", [("applied", "2024-05-07"), ("rejected", "2024-05-14")]),
            application("a3", variant: "backend", source: "Job Board",
                        [("applied", "2024-05-13"), ("screening", "2024-05-16"), ("interview", "2024-05-25"), ("rejected", "2024-06-05")]),
            application("a4", variant: "backend", source: "company site", [("applied", "2024-05-14")]),
            application("a5", variant: nil, source: nil, [("applied", "2024-06-20")]),
            application("a6", variant: "main", source: "referral", [("saved", "2024-06-25")]),
        ]
    }()
}
