import Testing
@testable import FolioSync

@Suite struct EventStreamParserTests {
    @Test func eventsCutAnywhereComeOutWhole() {
        let stream = "event: changes\ndata: {\"cursor\":\"7\"}\n\n: keepalive\n\nevent: changes\r\ndata: {\"cursor\":\"9\"}\r\n\r\n"
        let bytes = Array(stream.utf8)
        for cut in 0...bytes.count {
            var parser = EventStreamParser()
            let events = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...])
            #expect(events == [ServerSentEvent(name: "changes", data: #"{"cursor":"7"}"#),
                               ServerSentEvent(name: "changes", data: #"{"cursor":"9"}"#)], "cut at \(cut)")
        }
    }

    @Test func multiLineDataAndDefaultName() {
        var parser = EventStreamParser()
        #expect(parser.feed(Array("data: one\ndata:two\nid: 3\n\n".utf8)) == [ServerSentEvent(name: "message", data: "one\ntwo")])
        #expect(parser.feed(Array(": only a comment\n\n".utf8)).isEmpty)
        #expect(parser.feed(Array("event: changes\ndata: {}".utf8)).isEmpty, "an unfinished event waits")
    }
}
