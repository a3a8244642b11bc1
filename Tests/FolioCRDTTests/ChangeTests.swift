import FolioCore
import FolioCRDT
import Testing

@Suite struct ChangeTests {
    static let change = Change(
        record: RecordID(parsing: "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6")!, kind: .item,
        parent: RecordID(parsing: "0190f3a4-0000-7000-8000-000000000001")!, field: "name",
        value: ["b": 1, "a": [true, nil]],
        stamp: FieldStamp(hlc: HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 2), site: SiteID(rawValue: 0xABC)))

    @Test func stableJSONEncoding() throws {
        #expect(Self.change.json.encoded() == #"{"field":"name","hlc":"018bcfe568000002","id":"0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6","kind":"item","parent":"0190f3a4-0000-7000-8000-000000000001","site":"0000000000000abc","value":{"a":[true,null],"b":1}}"#)
        let (parsed, _) = try JSONParser.parse(Self.change.json.encoded(), path: "change.json")
        // Values are compared by their stable encoding; parsing gives the keys in sorted order.
        #expect(try Change(json: parsed).json.encoded() == Self.change.json.encoded())
    }

    @Test func rootRecordsHaveANullParent() throws {
        var root = Self.change
        root.parent = nil
        #expect(root.json.encoded().contains(#""parent":null"#))
        #expect(try Change(json: root.json) == root)
    }

    @Test(arguments: [
        (#"[]"#, "a change must be a JSON object"),
        (#"{"id":"x","kind":"note","field":"f","value":1,"hlc":"0000000000000001","site":"0000000000000001"}"#, "\"id\" is not a UUID"),
        (#"{"id":"0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6","kind":"note","field":"f","hlc":"0000000000000001","site":"0000000000000001"}"#, "\"value\" is missing"),
        (#"{"id":"0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6","kind":"note","field":"f","value":1,"hlc":"1","site":"0000000000000001"}"#, "\"hlc\" must be 16 hex digits"),
        (#"{"id":"0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6","kind":"note","field":"f","value":1,"hlc":"0000000000000001","site":"0000000000000001","parent":3}"#, "\"parent\" must be a UUID or null"),
    ])
    func malformedJSONIsNamed(_ text: String, _ message: String) throws {
        let (json, _) = try JSONParser.parse(text, path: "c.json")
        #expect { try Change(json: json) } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func validationRejectsBadKindsAndValues() {
        var change = Self.change
        change.kind = RecordKind("hologram")
        #expect { try change.validate() } throws: { ($0 as? ChangeError)?.isUnknownKind == true }
        change = Self.change
        change.field = "@cl"
        change.value = 0
        #expect(throws: ChangeError.self) { try change.validate() }
        change.value = 1.5
        #expect(throws: ChangeError.self) { try change.validate() }
        change.value = 3
        #expect(throws: Never.self) { try change.validate() }
        change.field = "@pos"
        change.value = "a0"
        #expect(throws: ChangeError.self) { try change.validate() }
        change.value = "a1"
        #expect(throws: Never.self) { try change.validate() }
        change.field = "@other"
        #expect(throws: ChangeError.self) { try change.validate() }
    }

    @Test func aBatchWithOneBadChangeAppliesNothing() {
        var state = ReplicaState()
        var bad = Self.change
        bad.kind = RecordKind("hologram")
        #expect(throws: ChangeError.self) { try state.apply([Self.change, bad]) }
        #expect(state.records.isEmpty)
    }

    @Test func aBatchThatContradictsARecordsKindIsRefused() throws {
        var state = ReplicaState()
        try state.apply([Self.change])
        var other = Self.change
        other.kind = .note
        #expect { try state.apply([other]) } throws: { String(describing: $0).contains("conflicting change") }
    }
}
