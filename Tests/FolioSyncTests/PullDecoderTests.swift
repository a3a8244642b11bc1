import FolioCore
import FolioCRDT
import Foundation
@testable import FolioSync
import Testing

/// `PullResponse(bytes:)`: folio-server's compact form read directly, every other form
/// through the JSON parser, with the same result and the same refusals.
@Suite struct PullDecoderTests {
    /// A reply as folio-server writes it: keys in `Change.json`'s order, no whitespace.
    static let serverForm = #"""
        {"changes":[{"id":"0190f3a4-5b6c-7d8e-9fa0-000000000001","kind":"application","parent":null,"field":"company","value":"Acme","hlc":"018bcfe47da10000","site":"00000000000000a1"},\#
        {"id":"0190f3a4-5b6c-7d8e-9fa0-000000000002","kind":"item","parent":"0190f3a4-5b6c-7d8e-9fa0-000000000001","field":"text","value":"say \"hi\"\n\u00e9","hlc":"018bcfe47da10001","site":"00000000000000b2"},\#
        {"id":"0190f3a4-5b6c-7d8e-9fa0-000000000003","kind":"note","parent":null,"field":"@cl","value":3,"hlc":"018bcfe47da10002","site":"00000000000000a1"},\#
        {"id":"0190f3a4-5b6c-7d8e-9fa0-000000000003","kind":"note","parent":null,"field":"tags","value":{"a":[1,"x,}]",null],"b":true},"hlc":"018bcfe47da10003","site":"00000000000000a1"},\#
        {"id":"0190f3a4-5b6c-7d8e-9fa0-000000000003","kind":"note","parent":null,"field":"body","value":null,"hlc":"018bcfe47da10004","site":"00000000000000a1"}],\#
        "cursor":"5.9f86d081884c7d65","more":true,"server_hlc":"018bcfe47da20000"}
        """#

    static func general(_ text: String) throws -> PullResponse {
        try PullResponse(json: JSONParser.parse(text, path: "reply").0)
    }

    @Test func theServersFormIsReadDirectlyAndEqualsTheGeneralReading() throws {
        let bytes = Array(Self.serverForm.utf8)
        let direct = try #require(PullDecoder.decode(bytes), "the compact form takes the direct path")
        #expect(direct == (try Self.general(Self.serverForm)))
        #expect(direct.changes.count == 5 && direct.more && direct.cursor == "5.9f86d081884c7d65")
        #expect(direct.changes[1].value == "say \"hi\"\né" && direct.changes[1].parent != nil)
        #expect(try PullResponse(bytes: bytes) == direct)
    }

    @Test func otherFormsGoThroughTheParserWithTheSameResult() throws {
        let reply = try Self.general(Self.serverForm)
        for text in [reply.json.encoded(), reply.json.encoded(pretty: true), #"{"changes":[],"cursor":"0","more":false,"server_hlc":"018bcfe47da20000"}"#] {
            #expect(try PullResponse(bytes: Array(text.utf8)) == (try Self.general(text)), "\(text.prefix(60))")
        }
        #expect(PullDecoder.decode(Array(reply.json.encoded(pretty: true).utf8)) == nil)
    }

    @Test func malformedRepliesAreRefusedAsByTheParser() {
        let badID = Self.serverForm.replacingOccurrences(of: "0190f3a4-5b6c-7d8e-9fa0-000000000002", with: "not-a-uuid")
        let badClock = Self.serverForm.replacingOccurrences(of: "018bcfe47da10003", with: "018bcfe47da1000g")
        let cut = String(Self.serverForm.dropLast(3))
        for text in [badID, badClock, cut, "", "[]"] {
            #expect(PullDecoder.decode(Array(text.utf8)) == nil)
            #expect(throws: WireError.self, "\(text.prefix(40))") { try PullResponse(bytes: Array(text.utf8)) }
        }
    }
}
