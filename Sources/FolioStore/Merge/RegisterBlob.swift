import FolioCore
import FolioCRDT
import Foundation

/// A register as one BLOB, the layout of the kind tables' register columns: the stamp's
/// 64 bits big-endian, the site id's 64 bits big-endian, then the value's stable JSON text
/// (`JSONText.encode`), or nothing for null. Comparing two blobs byte by byte (SQLite's
/// `max()` and `>` on BLOBs) is then the merge rule of `FolioCRDT.Register`: later stamp,
/// then larger site id, then larger value with null lowest (an empty suffix sorts before
/// any other). A register never written is the empty blob, lower still.
///
/// `cl_stamp` is the same 16-byte prefix alone.
enum RegisterBlob {
    /// The bytes before the value.
    static let stampSize = 16

    /// Appends a stamp's 16 bytes.
    static func append(_ stamp: FieldStamp, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: (stamp.hlc.rawValue.bigEndian, stamp.site.rawValue.bigEndian)) { bytes.append(contentsOf: $0) }
    }

    /// Appends a register: stamp, site, and the value's JSON unless it is null.
    static func append(_ value: JSONValue, _ stamp: FieldStamp, to bytes: inout [UInt8]) {
        append(stamp, to: &bytes)
        switch value {
        case .null:
            return
        case .string(let text) where JSONText.needsNoEscapes(text):
            bytes.append(0x22)
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x22)
        default:
            bytes.append(contentsOf: value.encoded().utf8)
        }
    }

    /// The stamp of a register or `cl_stamp`; nil for a register never written.
    static func stamp(_ data: Data) throws -> FieldStamp? {
        if data.isEmpty { return nil }
        guard data.count >= stampSize else { throw StoreError.invalid("a stored register is \(data.count) bytes, too short for a stamp") }
        let (hlc, site) = data.withUnsafeBytes { buffer in
            (UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        return FieldStamp(hlc: HybridTimestamp(rawValue: hlc), site: SiteID(rawValue: site))
    }

    /// A register read back; nil when it was never written.
    static func decode(_ data: Data) throws -> Register? {
        guard let stamp = try stamp(data) else { return nil }
        if data.count == stampSize { return Register(value: .null, stamp: stamp) }
        let text = String(decoding: data.dropFirst(stampSize), as: UTF8.self)
        return Register(value: try JSONText.decode(text), stamp: stamp)
    }

    /// SQL for a register column's value as JSON text: `'null'` for a null value, NULL
    /// when never written (the value columns of a kind's view).
    static func valueSQL(_ column: String) -> String {
        "CASE WHEN length(\(column)) > \(stampSize) THEN CAST(substr(\(column), \(stampSize + 1)) AS TEXT) "
            + "WHEN length(\(column)) = \(stampSize) THEN 'null' END"
    }
}
