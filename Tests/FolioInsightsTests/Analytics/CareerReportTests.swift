import FolioCore
import Testing
@testable import FolioInsights

@Suite("career report figures on a fixture with known answers")
struct CareerReportTests {
    let report = CareerReport(ReportFixture.applications, options: .init(today: ReportFixture.today, ghostAfter: 30))

    @Test("counts sent applications, not saved ones")
    func totals() {
        #expect(report.total == 5)
        #expect(report.saved == 1)
    }

    @Test("funnel counts and conversion at each stage")
    func funnel() {
        #expect(report.funnel.map(\.name) == ["applied", "screening", "interview", "offer"])
        #expect(report.funnel.map(\.count) == [5, 2, 2, 1])
        #expect(report.funnel.map(\.conversion) == [1, 0.4, 1, 0.5])
        #expect(report.funnel.map(\.ofApplied) == [1, 0.4, 0.4, 0.2])
    }

    @Test("response rate, median time to first response, ghosted rate")
    func rates() {
        #expect(report.overall.responded == 3)
        #expect(report.overall.responseRate == 0.6)
        #expect(report.overall.medianResponseDays == 4)  // 4, 7 and 3 days
        #expect(report.overall.ghosted == 1)
        #expect(report.overall.ghostedRate == 0.2)
    }

    @Test("applications per week, empty weeks included")
    func weeks() {
        #expect(report.weeks.map(\.start.description) == ["2024-05-06", "2024-05-13", "2024-05-20", "2024-05-27",
                                                          "2024-06-03", "2024-06-10", "2024-06-17"])
        #expect(report.weeks.map(\.count) == [2, 2, 0, 0, 0, 0, 1])
    }

    @Test("by variant: counts, rates and small-sample flags")
    func variants() {
        #expect(report.byVariant.map(\.label) == ["backend", "main", "(none)"])
        let main = report.byVariant[1], backend = report.byVariant[0]
        #expect((main.count, main.responded, main.interviews, main.offers) == (2, 2, 1, 1))
        #expect(main.medianResponseDays == 5.5)
        #expect((backend.count, backend.responded, backend.interviews, backend.ghosted) == (2, 1, 1, 1))
        #expect(backend.medianResponseDays == 3)
        #expect(report.byVariant.map(\.isSmallSample) == [true, true, true])
        let big = CareerReport(ReportFixture.applications, options: .init(today: ReportFixture.today, smallSample: 2))
        #expect(big.byVariant.map(\.isSmallSample) == [false, false, true])
    }

    @Test("by source (spelling variants together), role and company size")
    func otherBreakdowns() {
        #expect(report.bySource.map(\.label) == ["job board", "(unknown)", "company site", "referral"])
        #expect(report.bySource.map(\.count) == [2, 1, 1, 1])
        #expect(report.byRole.map(\.label) == ["Backend", "Staff"])
        #expect(report.byCompanySize.map(\.label) == ["51-200"])
        #expect(report.byCompanySize.first?.offers == 1)
    }

    @Test("--since keeps applications sent on or after the day")
    func since() {
        let recent = CareerReport(ReportFixture.applications,
                                  options: .init(today: ReportFixture.today, since: CalendarDay("2024-05-13")!))
        #expect(recent.total == 3)
        #expect(recent.funnel.map(\.count) == [3, 1, 1, 0])
    }

    @Test("an empty replica gives zeros, not a crash")
    func empty() {
        let empty = CareerReport([], options: .init(today: ReportFixture.today))
        #expect(empty.total == 0 && empty.weeks.isEmpty && empty.overall.responseRate == 0)
        #expect(empty.funnel.map(\.conversion) == [0, 0, 0, 0])
        #expect(empty.text.contains("Applications sent: 0"))
    }

    @Test("JSON carries the same figures")
    func json() throws {
        let object = try #require(report.json.objectValue)
        #expect(object["applications"] == .number(5))
        let funnel = try #require(object["funnel"]?.arrayValue)
        #expect(funnel[1].objectValue?["conversion"] == .number(0.4))
        #expect(object["overall"]?.objectValue?["medianResponseDays"] == .number(4))
    }
}
