import FolioCore
import FolioCRDT

/// Splits what is to be pushed into batches the server accepts (at most
/// `SyncProtocol.maximumBatch` changes and about `maximumBytes` of JSON each), and names
/// them: part 0 carries the pending batch id, part k an id derived from it, so a retry of
/// the same content reuses the same ids.
public enum BatchPlan {
    /// The push requests for `changes`, in order.
    public static func requests(_ changes: [Change], site: SiteID, batch: String,
                                maximumCount: Int = SyncProtocol.maximumBatch,
                                maximumBytes: Int = 2 * 1024 * 1024) -> [PushRequest] {
        var parts: [[Change]] = [[]]
        var bytes = 0
        for change in changes {
            let size = change.json.encoded().utf8.count + 1
            if !parts[parts.count - 1].isEmpty, parts[parts.count - 1].count >= maximumCount || bytes + size > maximumBytes {
                parts.append([])
                bytes = 0
            }
            parts[parts.count - 1].append(change)
            bytes += size
        }
        return parts.enumerated().map { PushRequest(site: site, batch: partID(batch, $0.offset), changes: $0.element) }
    }

    /// The id of part `index` of batch `batch`: the batch id itself for part 0.
    public static func partID(_ batch: String, _ index: Int) -> String {
        guard index > 0, let id = RecordID(parsing: batch) else { return batch }
        // Mix the index into the low half, keeping the UUID variant bits (10xx).
        let mixed = (id.low ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15)) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        return RecordID(high: id.high, low: mixed).description
    }
}
