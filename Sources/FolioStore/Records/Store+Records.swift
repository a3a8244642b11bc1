import FolioCore
import FolioCRDT
import GRDB

extension Store {
    /// Creates a record with its fields (and a position, for list items); one transaction.
    @discardableResult
    public func create(_ kind: RecordKind, parent: RecordID? = nil, position: String? = nil,
                       fields: [String: JSONValue] = [:]) throws -> RecordID {
        try write { transaction in
            let id = transaction.newID()
            try transaction.write(RecordWrites.creation(id: id, kind: kind, parent: parent, position: position, fields: fields))
            return id
        }
    }

    /// Writes one field of a record (`@pos` moves a list item).
    public func set(_ id: RecordID, _ field: String, to value: JSONValue) throws {
        try write { transaction in
            let state = try Records.require(id, transaction.db)
            try transaction.write([LocalWrite(record: id, kind: state.kind, parent: state.parent, field: field, value: value)])
        }
    }

    /// Deletes (`alive: false`) or restores a record; its children are hidden with it.
    public func setAlive(_ id: RecordID, _ alive: Bool) throws {
        try write { transaction in
            let state = try Records.require(id, transaction.db)
            if let write = RecordWrites.alive(state, alive) { try transaction.write([write]) }
        }
    }

    /// A record's state, if held.
    public func record(_ id: RecordID) throws -> RecordState? {
        try read { db in try Records.state(id, db) }
    }
}

/// The writes of common record operations.
enum RecordWrites {
    static func creation(id: RecordID, kind: RecordKind, parent: RecordID?, position: String?,
                         fields: [String: JSONValue]) -> [LocalWrite] {
        var writes = [LocalWrite(record: id, kind: kind, parent: parent, field: Change.causalLengthField, value: 1)]
        if let position {
            writes.append(LocalWrite(record: id, kind: kind, parent: parent, field: Change.positionField, value: .string(position)))
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            writes.append(LocalWrite(record: id, kind: kind, parent: parent, field: name, value: value))
        }
        return writes
    }

    /// The causal-length write that makes a record alive or deleted; nil when it already is.
    static func alive(_ state: RecordState, _ alive: Bool) -> LocalWrite? {
        guard state.isAlive != alive else { return nil }
        let next = (state.causalLength?.length ?? 1) + 1
        return LocalWrite(record: state.id, kind: state.kind, parent: state.parent, field: Change.causalLengthField,
                          value: .number(Double(next)))
    }
}

/// Reading records inside a transaction or a read.
enum Records {
    static func state(_ id: RecordID, _ db: Database) throws -> RecordState? {
        for table in KindTable.all {
            if let state = try states(table, where: "id = ?", [id.data], db).first { return state }
        }
        return nil
    }

    static func require(_ id: RecordID, _ db: Database) throws -> RecordState {
        guard let state = try state(id, db) else { throw StoreError.notFound("record", id.description, candidates: []) }
        return state
    }

    /// Records of one table matching a condition.
    static func states(_ table: KindTable, where condition: String, _ arguments: StatementArguments,
                       _ db: Database) throws -> [RecordState] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.table) WHERE \(condition)", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let sites = try SiteTable(db)
        let ids = rows.compactMap { RecordID(data: $0["id"]) }
        let others = try RecordReader.otherFields(db, ids: ids, kind: table.kind, sites: sites)
        return try rows.map { try RecordReader.state($0, table: table, others: others, sites: sites) }
    }

    /// The visible children of a record of one kind, in list order.
    static func children(of parent: RecordID, kind: RecordKind, _ db: Database) throws -> [RecordState] {
        try states(KindTable.byKind[kind]!, where: "parent = ? AND cl % 2 = 1", [parent.data], db)
            .sorted(by: ReplicaState.listOrder)
    }

    /// True when the record and all its ancestors are alive.
    static func isVisible(_ id: RecordID, _ db: Database) throws -> Bool {
        var current: RecordID? = id
        var seen: Set<RecordID> = []
        while let next = current {
            guard seen.insert(next).inserted, let state = try state(next, db), state.isAlive else { return false }
            current = state.parent
        }
        return true
    }
}

extension Store {
    /// The visible children of a record (items, events, notes), in list order.
    public func children(of parent: RecordID) throws -> [RecordState] {
        try read { db in
            guard try Records.isVisible(parent, db) else { return [] }
            var result: [RecordState] = []
            for table in KindTable.all where table.kind != .resume {
                result += try Records.states(table, where: "parent = ? AND cl % 2 = 1", [parent.data], db)
            }
            return result.sorted(by: ReplicaState.listOrder)
        }
    }

    /// Everything a person sees, in a stable form: every visible resume's document and
    /// every visible application with its events and notes, by id. Two replicas holding
    /// the same data give the same bytes (`encoded()`).
    public func exportAll() throws -> JSONValue {
        try read { db in
            var resumes: [JSONValue] = []
            for row in try Row.fetchAll(db, sql: "SELECT id FROM resume WHERE cl % 2 = 1 ORDER BY id") {
                guard let id = RecordID(data: row["id"]), let node = try StoredNode.load(root: id, db) else { continue }
                resumes.append(.object(JSONObject([("id", .string(id.description)), ("document", node.tree.json)])))
            }
            var applications: [JSONValue] = []
            for row in try Row.fetchAll(db, sql: "SELECT id FROM application WHERE cl % 2 = 1 ORDER BY id") {
                guard let id = RecordID(data: row["id"]) else { continue }
                applications.append(try Applications.detail(id, db).json)
            }
            return .object(JSONObject([("resumes", .array(resumes)), ("applications", .array(applications))]))
        }
    }
}
