import FolioCore
import FolioCRDT
import GRDB

/// A resume as held: the root record and its items, visible ones arranged by list.
struct StoredNode {
    var state: RecordState
    /// Visible child items by list, in list order.
    var lists: [String: [StoredNode]] = [:]

    /// The fields Folio keeps for itself, not part of the document.
    static let ownFields: Set<String> = [ResumeTree.listField, ResumeTree.orderField, StoredNode.nameField]
    static let nameField = "~name"

    var id: RecordID { state.id }

    /// Document fields: no `@` or own fields, no nulls (a null field is a removed one).
    var documentFields: [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (name, register) in state.fields where !name.hasPrefix("@") && !Self.ownFields.contains(name) && register.value != .null {
            result[name] = register.value
        }
        return result
    }

    var order: [String] { state[ResumeTree.orderField]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// The document this node stands for.
    var tree: ResumeTree {
        ResumeTree(fields: documentFields, lists: lists.mapValues { $0.map(\.tree) }, order: order)
    }

    /// Loads a resume root and every item under it (deleted ones too, for history).
    static func loadAll(root: RecordID, _ db: Database) throws -> (root: RecordState, items: [RecordState])? {
        guard let root = try Records.states(KindTable.byKind[.resume]!, where: "id = ?", [root.data], db).first else { return nil }
        let items = try Records.states(KindTable.byKind[.item]!, where: """
            id IN (WITH RECURSIVE tree(id) AS (
              SELECT id FROM item WHERE parent = ? UNION SELECT item.id FROM item JOIN tree ON item.parent = tree.id
            ) SELECT id FROM tree)
            """, [root.id.data], db)
        return (root, items)
    }

    /// The visible tree of a resume; nil when it is not held or deleted.
    static func load(root: RecordID, _ db: Database) throws -> StoredNode? {
        guard let (root, items) = try loadAll(root: root, db), root.isAlive else { return nil }
        var byParent: [RecordID: [RecordState]] = [:]
        for item in items where item.isAlive {
            if let parent = item.parent { byParent[parent, default: []].append(item) }
        }
        func build(_ state: RecordState, depth: Int) -> StoredNode {
            var node = StoredNode(state: state)
            guard depth < 64 else { return node }
            for child in (byParent[state.id] ?? []).sorted(by: ReplicaState.listOrder) {
                guard let list = child[ResumeTree.listField]?.stringValue else { continue }
                node.lists[list, default: []].append(build(child, depth: depth + 1))
            }
            return node
        }
        return build(root, depth: 0)
    }
}
