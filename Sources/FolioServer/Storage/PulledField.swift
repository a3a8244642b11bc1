import FolioCore
import FolioCRDT

/// One field of a pull page as a store hands it out: its counter value and its change's
/// JSON text, written once when the field won (`StoredField.changeJSON`), so a pull sends
/// the stored text as it is instead of decoding and encoding every field again.
public struct PulledField: Sendable, Hashable {
    /// The space's counter value when the field won.
    public var sequence: UInt64
    /// The change as JSON text (an object with the keys of `Change.json`).
    public var json: String

    /// A pulled field from its parts.
    public init(sequence: UInt64, json: String) {
        self.sequence = sequence
        self.json = json
    }

    /// The change (parsing the JSON text; a store only holds text it wrote from a valid change).
    public var change: Change {
        get throws {
            let value = try JSONParser.parse(bytes: Array(json.utf8), path: "field \(sequence)")
            return try Change(json: value)
        }
    }
}
