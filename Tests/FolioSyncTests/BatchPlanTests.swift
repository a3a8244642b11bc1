import FolioCore
import FolioCRDT
import Testing
@testable import FolioSync

@Suite struct BatchPlanTests {
    @Test func partsRespectCountAndSizeAndKeepOrder() {
        let changes = (1...10).map { SyncSessionTests.change(UInt64($0)) }
        let byCount = BatchPlan.requests(changes, site: SyncSessionTests.site, batch: SyncSessionTests.batchID, maximumCount: 4)
        #expect(byCount.map(\.changes.count) == [4, 4, 2])
        #expect(byCount.flatMap(\.changes) == changes)
        let size = changes[0].json.encoded().utf8.count + 1
        let bySize = BatchPlan.requests(changes, site: SyncSessionTests.site, batch: SyncSessionTests.batchID, maximumBytes: size * 3)
        #expect(bySize.map(\.changes.count) == [3, 3, 3, 1])
        #expect(BatchPlan.requests([], site: SyncSessionTests.site, batch: SyncSessionTests.batchID).map(\.changes.count) == [0])
    }

    @Test func partIDsAreStableDistinctUUIDs() {
        let ids = (0..<50).map { BatchPlan.partID(SyncSessionTests.batchID, $0) }
        #expect(ids[0] == SyncSessionTests.batchID)
        #expect(Set(ids).count == 50)
        #expect(ids == (0..<50).map { BatchPlan.partID(SyncSessionTests.batchID, $0) })
        for id in ids {
            #expect(RecordID(parsing: id) != nil)
            #expect("89ab".contains(Array(id)[19]), "variant bits kept: \(id)")
        }
    }
}
