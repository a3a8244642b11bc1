import Foundation
import FolioCore
import Testing
@testable import FolioInsights

@Suite("the HTML report page")
struct ReportPageTests {
    static func page(themeCSS: String? = nil) -> String {
        var applications = ReportFixture.applications
        applications[0].variant = "<script>alert(1)</script>"
        let report = CareerReport(applications, options: .init(today: ReportFixture.today))
        return ReportPage(report: report, themeCSS: themeCSS).html
    }

    @Test("has the funnel, weekly and variant charts as inline SVG")
    func charts() {
        let html = Self.page()
        for name in ["funnel", "weekly", "variants"] {
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"\(name)\""), "\(name)")
        }
        #expect(html.components(separatedBy: "<rect class=\"bar week\"").count - 1 == 7)
        #expect(html.contains("n = 1 (small sample)"))
    }

    @Test("escapes user text and makes no external requests")
    func selfContained() {
        let html = Self.page()
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for reference in ["src=", "href=", "url(", "@import", "<link"] {
            #expect(!html.contains(reference), "\(reference)")
        }
    }

    @Test("a site theme's CSS replaces the built-in style")
    func themed() {
        let html = Self.page(themeCSS: "body { color: rebeccapurple; }")
        #expect(html.contains("rebeccapurple"))
        #expect(!html.contains(ReportPage.builtInCSS))
        #expect(Self.page().contains(ReportPage.builtInCSS))
    }
}
