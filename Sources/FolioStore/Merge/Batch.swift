import FolioCore
import FolioCRDT

/// A batch of changes checked and grouped by record, before any of it touches the
/// database: every change valid, every record with one kind and one parent, each register
/// reduced to its winner within the batch, and the latest stamp for the clock.
struct Batch {
    /// The records in order of first appearance.
    private(set) var records: [Merger.Pending] = []
    /// The changes, as given.
    let changes: [Change]
    /// For the registers with columns of every record (each record's in a range), the
    /// index in `changes` of the change that wins it, or -1.
    private(set) var winners: [Int32] = []
    /// The latest stamp in the batch.
    private(set) var latest = HybridTimestamp.zero

    /// Groups `changes`. With `validating`, each change is checked first (remote batches);
    /// local writes are made valid. Throws the first problem; nothing is grouped then.
    init(_ changes: [Change], validating: Bool) throws(ChangeError) {
        self.changes = changes
        // A batch usually lists a record's changes together, so the dictionary is only
        // consulted when the record changes.
        var positions: [RecordID: Int] = [:]
        positions.reserveCapacity(changes.count / 4)
        var current = -1
        var table = KindTable.all[0]
        for (index, change) in changes.enumerated() {
            if change.kind != table.kind { table = try Self.table(for: change) }
            if validating { try change.validate(knownKinds: nil) }
            if change.stamp.hlc > latest { latest = change.stamp.hlc }
            if current < 0 || records[current].id != change.record {
                if let known = positions[change.record] {
                    current = known
                } else {
                    current = records.count
                    positions[change.record] = current
                    let start = winners.count
                    winners.append(contentsOf: repeatElement(-1, count: table.columns.count + 1))
                    records.append(Merger.Pending(id: change.record, kind: change.kind, parent: change.parent,
                                                  registers: start..<winners.count))
                }
            }
            guard records[current].kind == change.kind, records[current].parent == change.parent else {
                throw .conflicting("record \(change.record) appears with two kinds or parents in one batch")
            }
            add(index, to: current, table: table)
        }
    }

    /// The register at `slot` of `winners`, if a change wrote it.
    func register(_ slot: Int) -> Register? {
        let index = winners[slot]
        return index < 0 ? nil : Register(value: changes[Int(index)].value, stamp: changes[Int(index)].stamp)
    }

    /// Takes a change into its record, keeping the winner per register.
    private mutating func add(_ index: Int, to record: Int, table: KindTable) {
        let change = changes[index]
        let start = records[record].registers.lowerBound
        if change.field.utf8.first == UInt8(ascii: "@") {
            if change.field == Change.causalLengthField, let value = change.causalLength {
                let length = CausalLength(length: value, stamp: change.stamp)
                records[record].length = records[record].length.map { $0.merged(with: length) } ?? length
            } else if change.field == Change.positionField {
                keep(index, at: start)
            }
        } else if let column = table.columns.firstIndex(of: change.field) {
            // A kind has a handful of columns: comparing short strings beats hashing them.
            keep(index, at: start + column + 1)
        } else {
            let incoming = Register(value: change.value, stamp: change.stamp)
            records[record].others[change.field] = records[record].others[change.field].map { $0.merged(with: incoming) } ?? incoming
        }
    }

    /// Makes change `index` the winner of `slot` if it beats the one there.
    private mutating func keep(_ index: Int, at slot: Int) {
        let held = winners[slot]
        if held >= 0 {
            let incoming = Register(value: changes[index].value, stamp: changes[index].stamp)
            guard register(slot)!.isBeaten(by: incoming) else { return }
        }
        winners[slot] = Int32(index)
    }

    /// The table of a change's kind; an unknown kind is refused as FolioCRDT words it.
    private static func table(for change: Change) throws(ChangeError) -> KindTable {
        if let table = KindTable.byKind[change.kind] { return table }
        try change.validate()
        throw .malformedChange("unknown record kind \"\(change.kind)\"")
    }
}
