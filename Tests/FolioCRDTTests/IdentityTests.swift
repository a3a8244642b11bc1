import FolioCRDT
import Testing

@Suite struct IdentityTests {
    @Test func uuidV7CarriesTimeVersionAndVariant() {
        var rng = SplitMix64(seed: 7)
        let id = RecordID.make(milliseconds: 1_700_000_000_123, using: &rng)
        #expect(id.milliseconds == 1_700_000_000_123)
        let text = id.description
        #expect(text.count == 36)
        #expect(Array(text)[14] == "7")
        #expect("89ab".contains(Array(text)[19]))
        #expect(RecordID(parsing: text) == id)
        #expect(RecordID(parsing: text.uppercased()) == id)
        #expect(RecordID(bytes: id.bytes) == id)
    }

    @Test func formatsKnownIds() {
        let id = RecordID(high: 0x0190_f3a4_5b6c_7d8e, low: 0x9fa0_b1c2_d3e4_f5a6)
        #expect(id.description == "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6")
        #expect(RecordID(high: 0, low: 1).description == "00000000-0000-0000-0000-000000000001")
        #expect(RecordID(high: .max, low: .max).description == "ffffffff-ffff-ffff-ffff-ffffffffffff")
        #expect(RecordID(parsing: "0190F3A4-5B6C-7D8E-9FA0-B1C2D3E4F5A6") == id)
    }

    @Test func laterIdsSortLater() {
        var rng = SplitMix64(seed: 1)
        let ids = (0..<100).map { RecordID.make(milliseconds: 1_000 + UInt64($0), using: &rng) }
        #expect(ids == ids.sorted())
        #expect(ids.map(\.description) == ids.map(\.description).sorted())
    }

    @Test func rejectsMalformedIds() {
        for text in ["", "not-a-uuid", "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a", "0190f3a4x5b6c-7d8e-9fa0-b1c2d3e4f5a6",
                     "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5ag", "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a6a",
                     "0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f5a-", "0190f3a4-5b6c-7d8e-9fa0b-1c2d3e4f5a6"] {
            #expect(RecordID(parsing: text) == nil, "\(text)")
        }
    }

    @Test func siteIdsRoundTripAndSortAsText() {
        let low = SiteID(rawValue: 0x0F), high = SiteID(rawValue: 0xA0)
        #expect(SiteID(parsing: low.description) == low)
        #expect(low < high && low.description < high.description)
        #expect(SiteID(parsing: "xyz") == nil)
    }
}
