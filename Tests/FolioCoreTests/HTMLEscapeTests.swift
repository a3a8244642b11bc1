import FolioCore
import Testing

@Suite struct HTMLEscapeTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLEscape.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    @Test func leavesOtherTextAlone() {
        #expect(HTMLEscape.escape("Zoë — 東京 🎓") == "Zoë — 東京 🎓")
        #expect(HTMLEscape.escape("") == "")
    }
}
