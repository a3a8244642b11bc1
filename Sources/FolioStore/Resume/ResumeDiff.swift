import FolioCore
import FolioCRDT

/// What writing a document over a stored resume changed, in words.
public struct ResumeChanges: Sendable, Hashable {
    /// The resume's record id.
    public var id: RecordID
    /// True when the resume was created by this write.
    public var created: Bool
    /// One line per change: `basics.name: "Ada" -> "Ada L."`, `work[2]: added`.
    public var lines: [String]

    /// True when nothing was written.
    public var isEmpty: Bool { lines.isEmpty && !created }
}

/// Turns "the document is now this" into the fewest field writes: unchanged fields keep
/// their stamps, list items are matched to held items by content (then by place), so two
/// devices that edit different bullets of the same job both keep their edits.
struct ResumeDiffer {
    var writes: [LocalWrite] = []
    var lines: [String] = []

    mutating func diff(_ stored: StoredNode, _ target: ResumeTree, path: String, transaction: inout Transaction) {
        let state = stored.state
        func write(_ field: String, _ value: JSONValue) {
            writes.append(LocalWrite(record: state.id, kind: state.kind, parent: state.parent, field: field, value: value))
        }
        let held = stored.documentFields
        for name in target.fields.keys.sorted() where held[name] != target.fields[name] {
            write(name, target.fields[name]!)
            lines.append("\(Self.join(path, name)): \(held[name].map { $0.encoded() } ?? "(none)") -> \(target.fields[name]!.encoded())")
        }
        for name in held.keys.sorted() where target.fields[name] == nil {
            write(name, .null)
            lines.append("\(Self.join(path, name)): removed")
        }
        if stored.order != target.order, !target.order.isEmpty || !stored.order.isEmpty {
            write(ResumeTree.orderField, .array(target.order.map(JSONValue.string)))
        }
        for list in Set(stored.lists.keys).union(target.lists.keys).sorted() {
            diffList(stored.lists[list] ?? [], target.lists[list] ?? [], list: list, parent: state,
                     path: Self.join(path, list), transaction: &transaction)
        }
    }

    /// Aligns held items with the document's by content, then fills the gaps by place.
    private mutating func diffList(_ held: [StoredNode], _ wanted: [ResumeTree], list: String, parent: RecordState,
                                   path: String, transaction: inout Transaction) {
        let heldText = held.map { $0.tree.json.encoded() }
        let wantedText = wanted.map { $0.json.encoded() }
        let pairs = ListAlignment.align(heldText, wantedText)
        var last: String?
        var fresh: [Int: String] = [:]  // positions for runs of new items, made together
        for (index, pair) in pairs.enumerated() {
            switch pair {
            case (let old?, nil):
                if let write = RecordWrites.alive(held[old].state, false) { writes.append(write) }
                lines.append("\(path)[\(old)]: removed (was \(Self.summary(heldText[old])))")
            case (let old?, let new?):
                let node = held[old]
                var position = node.state.position
                if position == nil || last.map({ !$0.utf8.lexicographicallyPrecedes(position!.utf8) }) == true {
                    position = transaction.position(between: last, and: Self.upper(after: index, pairs, held, above: last))
                    writes.append(LocalWrite(record: node.id, kind: node.state.kind, parent: node.state.parent,
                                             field: Change.positionField, value: .string(position!)))
                }
                last = position
                if heldText[old] != wantedText[new] {
                    diff(node, wanted[new], path: "\(path)[\(new)]", transaction: &transaction)
                }
            case (nil, let new?):
                if fresh[index] == nil {
                    let run = pairs[index...].prefix { $0.0 == nil && $0.1 != nil }.count
                    let keys = transaction.positions(run, between: last, and: Self.upper(after: index, pairs, held, above: last))
                    for (offset, key) in keys.enumerated() { fresh[index + offset] = key }
                }
                let position = fresh[index]!
                last = position
                create(wanted[new], parent: parent, list: list, position: position, transaction: &transaction)
                lines.append("\(path)[\(new)]: added \(Self.summary(wantedText[new]))")
            case (nil, nil):
                continue
            }
        }
    }

    /// The position of the next held item that stays, when it sorts above `lower`.
    private static func upper(after index: Int, _ pairs: [(Int?, Int?)], _ held: [StoredNode], above lower: String?) -> String? {
        for pair in pairs[(index + 1)...] {
            guard let old = pair.0, pair.1 != nil, let position = held[old].state.position else { continue }
            if lower.map({ $0.utf8.lexicographicallyPrecedes(position.utf8) }) ?? true { return position }
        }
        return nil
    }

    /// Writes a new item and everything under it.
    mutating func create(_ tree: ResumeTree, parent: RecordState, list: String, position: String, transaction: inout Transaction) {
        let id = transaction.newID()
        var fields = tree.fields
        fields[ResumeTree.listField] = .string(list)
        if !tree.order.isEmpty { fields[ResumeTree.orderField] = .array(tree.order.map(JSONValue.string)) }
        writes += RecordWrites.creation(id: id, kind: .item, parent: parent.id, position: position, fields: fields)
        let state = RecordState(id: id, kind: .item, parent: parent.id)
        for (childList, items) in tree.lists.sorted(by: { $0.key < $1.key }) {
            let keys = transaction.positions(items.count, between: nil, and: nil)
            for (item, key) in zip(items, keys) {
                create(item, parent: state, list: childList, position: key, transaction: &transaction)
            }
        }
    }

    static func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : path + "." + name }

    static func summary(_ text: String) -> String { text.count > 50 ? String(text.prefix(47)) + "..." : text }
}

/// Matches two lists: equal elements by longest common subsequence, the rest by place.
enum ListAlignment {
    /// Pairs (held index, wanted index) in list order; nil on one side is a removal or an addition.
    static func align(_ old: [String], _ new: [String]) -> [(Int?, Int?)] {
        // Equal heads and tails need no search; most edits touch a few items in the middle.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let middleOld = Array(old[head..<(old.count - tail)]), middleNew = Array(new[head..<(new.count - tail)])
        let middle: [(Int?, Int?)]
        if middleOld.count * middleNew.count > 4_000_000 {
            middle = byPlace(middleOld.count, middleNew.count)  // too large to search; pair by place
        } else {
            middle = lcs(middleOld, middleNew)
        }
        return (0..<head).map { ($0, $0) }
            + middle.map { ($0.0.map { $0 + head }, $0.1.map { $0 + head }) }
            + (0..<tail).map { (old.count - tail + $0, new.count - tail + $0) }
    }

    static func byPlace(_ n: Int, _ m: Int) -> [(Int?, Int?)] {
        (0..<min(n, m)).map { ($0, $0) } + (min(n, m)..<m).map { (nil, $0) } + (min(n, m)..<n).map { ($0, nil) }
    }

    private static func lcs(_ old: [String], _ new: [String]) -> [(Int?, Int?)] {
        let n = old.count, m = new.count
        var lengths = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var anchors: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if old[i] == new[j] { anchors.append((i, j)); i += 1; j += 1 }
            else if lengths[i + 1][j] >= lengths[i][j + 1] { i += 1 } else { j += 1 }
        }
        var result: [(Int?, Int?)] = []
        var oldStart = 0, newStart = 0
        for (oldEnd, newEnd) in anchors + [(n, m)] {
            let gapOld = Array(oldStart..<oldEnd), gapNew = Array(newStart..<newEnd)
            let paired = min(gapOld.count, gapNew.count)
            for k in 0..<paired { result.append((gapOld[k], gapNew[k])) }
            for k in gapNew.dropFirst(paired) { result.append((nil, k)) }
            for k in gapOld.dropFirst(paired) { result.append((k, nil)) }
            if oldEnd < n { result.append((oldEnd, newEnd)) }
            oldStart = oldEnd + 1
            newStart = newEnd + 1
        }
        return result
    }
}
