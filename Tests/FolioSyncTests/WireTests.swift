import FolioCore
import FolioCRDT
import Testing
@testable import FolioSync

@Suite struct WireTests {
    let change = Change(record: RecordID(high: 0x0190_f3a4_5b6c_7d8e, low: 0x9fa0_b1c2_d3e4_f5a6), kind: .application,
                        parent: nil, field: "company", value: "Acme",
                        stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 3),
                                          site: SiteID(rawValue: 0x9f86_d081_884c_7d65)))

    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text, path: "body").0 }

    @Test func pushRequestRoundTrips() throws {
        let request = PushRequest(site: SiteID(rawValue: 42), batch: "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6", changes: [change])
        let decoded = try PushRequest(json: try parse(request.json.encoded()))
        #expect(decoded == request)
    }

    @Test func pushRequestRefusesUnknownFields() throws {
        let body = try parse(#"{"site":"000000000000002a","batch_id":"0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6","changes":[],"extra":1}"#)
        #expect { try PushRequest(json: body) } throws: { ($0 as? WireError)?.code == .unknownField }
    }

    @Test func aMalformedChangeNamesItsIndex() throws {
        var bad = change.json.objectValue!
        bad = JSONObject(bad.map { ($0.key, $0.key == "hlc" ? JSONValue.string("soon") : $0.value) })
        let body: JSONValue = ["site": "000000000000002a", "batch_id": "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6",
                               "changes": [change.json, .object(bad)]]
        do {
            _ = try PushRequest(json: body)
            Issue.record("a bad stamp was accepted")
        } catch {
            #expect(error.code == .invalidChange)
            #expect(error.message.hasPrefix("changes[1]: "))
            #expect(error.message.contains("hlc"))
        }
    }

    @Test func pushRequestRefusesABadBatchID() throws {
        let body = try parse(#"{"site":"000000000000002a","batch_id":"one","changes":[]}"#)
        #expect { try PushRequest(json: body) } throws: { ($0 as? WireError)?.message == "batch_id must be a UUID" }
    }

    @Test func pullResponseRoundTrips() throws {
        let reply = PullResponse(changes: [change, change], cursor: "17", more: true, serverHLC: "018f2a3b4c5d0000")
        #expect(try PullResponse(json: try parse(reply.json.encoded())) == reply)
    }

    @Test func errorBodyRoundTripsAndCodesHaveStatuses() throws {
        let body = ErrorBody(code: .clockSkew, message: "stamp too far ahead")
        #expect(try ErrorBody(json: try parse(body.json.encoded())) == body)
        #expect(ErrorCode(named: "clock-skew")?.status == 422)
        #expect(Set(ErrorCode.all.map(\.rawValue)).count == ErrorCode.all.count)
    }

    @Test func authRequestReadsAnAbsentDevice() throws {
        let request = try AuthRequest(json: try parse(#"{"email":"a@example.com","password":"pw"}"#))
        #expect(request == AuthRequest(email: "a@example.com", password: "pw", device: nil))
        #expect { try AuthRequest(json: try parse(#"{"email":"a@example.com"}"#)) } throws: {
            ($0 as? WireError)?.message == "password is missing"
        }
    }
}
