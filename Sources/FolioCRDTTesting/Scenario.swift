import FolioCore
import FolioCRDT

/// A wall clock the test moves by hand; every replica reads it through its own skew.
public final class ManualTime: @unchecked Sendable {
    public var milliseconds: UInt64

    public init(milliseconds: UInt64) {
        self.milliseconds = milliseconds
    }
}

/// A random convergence scenario: several replicas edit the same records concurrently
/// (same fields, inserts at the same place, moves, deletes and undeletes of parents and
/// children) and exchange changes through a network that reorders, duplicates and drops
/// messages; then every replica sends everything to every other. Afterwards all replicas
/// must export the same bytes.
///
/// Everything follows from `seed`, so a failing scenario is reproduced by its seed.
public struct Scenario {
    public struct Options: Sendable {
        public var replicas: ClosedRange<Int> = 3...5
        public var steps: ClosedRange<Int> = 10...60
        public var dropRate = 0.15
        public var duplicateRate = 0.2
        public init() {}
    }

    /// Field names per kind: few, so concurrent edits of the same field are common; the
    /// `x-` ones are fields no version of Folio knows.
    public var fields: [RecordKind: [String]] = [
        .resume: ["basics.name", "basics.label"],
        .item: ["name", "position"],
        .application: ["company", "role", "status", "x-salary"],
        .event: ["type", "date", "x-mood"],
    ]
    /// Child kinds per parent kind.
    public var childKinds: [RecordKind: RecordKind] = [.resume: .item, .item: .item, .application: .event]
    /// Values: a small pool with null, so equal and null writes collide.
    public var values: [JSONValue] = [nil, "", "a", "b", "Acme", "Staff Engineer", 1, 2.5, true, ["x": 1]]

    public let seed: UInt64
    public let options: Options

    public init(seed: UInt64, options: Options = Options()) {
        self.seed = seed
        self.options = options
    }

    /// A message in flight: a batch from one replica to another.
    struct Message {
        var to: Int
        var changes: [Change]
    }

    /// Runs the scenario over replicas made by `make(index, site, seed, now)`; returns
    /// the replicas after the final exchange and a log of what happened, for failures.
    public func run<Driver: ReplicaDriver>(
        make: (Int, SiteID, UInt64, @escaping @Sendable () -> UInt64) throws -> Driver
    ) throws -> (replicas: [Driver], log: [String]) {
        var rng = SplitMix64(seed: seed)
        let time = ManualTime(milliseconds: 1_700_000_000_000)
        let count = Int.random(in: options.replicas, using: &rng)
        var replicas: [Driver] = []
        for index in 0..<count {
            // Some replicas share the wall clock exactly (equal stamps across sites), some are skewed.
            let skew = Bool.random(using: &rng) ? 0 : Int64.random(in: -5_000...5_000, using: &rng)
            let site = SiteID(rawValue: rng.next())
            replicas.append(try make(index, site, rng.next(), { UInt64(Int64(time.milliseconds) + skew) }))
        }
        var known: [[RecordID]] = Array(repeating: [], count: count)
        var cursors = Array(repeating: Array(repeating: UInt64(0), count: count), count: count)
        var network: [Message] = []
        var log: [String] = ["\(count) replicas"]

        for _ in 0..<Int.random(in: options.steps, using: &rng) {
            // Time mostly stands still, so stamps of different sites often collide.
            time.milliseconds += Int.random(in: 0..<4, using: &rng) == 0 ? 1 : 0
            let actor = Int.random(in: 0..<count, using: &rng)
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<12:
                let kind: RecordKind = Bool.random(using: &rng) ? .resume : .application
                let id = try replicas[actor].create(kind, parent: nil, position: nil, fields: randomFields(kind, &rng))
                known[actor].append(id)
                log.append("r\(actor) creates \(kind) \(id)")
            case 12..<32:
                guard let parent = try pick(known[actor], in: replicas[actor], &rng),
                      let parentKind = try replicas[actor].record(parent)?.kind,
                      let kind = childKinds[parentKind] else { continue }
                let position = try insertionPosition(in: &replicas[actor], parent: parent, &rng)
                let id = try replicas[actor].create(kind, parent: parent, position: position, fields: randomFields(kind, &rng))
                known[actor].append(id)
                log.append("r\(actor) inserts \(kind) \(id) under \(parent) at \(position)")
            case 32..<55:
                guard let id = try pick(known[actor], in: replicas[actor], &rng),
                      let kind = try replicas[actor].record(id)?.kind, let names = fields[kind] else { continue }
                let field = names.randomElement(using: &rng)!
                let value = values.randomElement(using: &rng)!
                try replicas[actor].set(id, field, to: value)
                log.append("r\(actor) sets \(id).\(field) = \(value.encoded())")
            case 55..<63:
                guard let id = try pick(known[actor], in: replicas[actor], &rng),
                      try replicas[actor].record(id)?.kind == .item || replicas[actor].record(id)?.kind == .event,
                      let parent = try replicas[actor].record(id)?.parent else { continue }
                let position = try insertionPosition(in: &replicas[actor], parent: parent, &rng)
                try replicas[actor].set(id, Change.positionField, to: .string(position))
                log.append("r\(actor) moves \(id) to \(position)")
            case 63..<73:
                guard let id = try pick(known[actor], in: replicas[actor], &rng),
                      let alive = try replicas[actor].record(id)?.alive else { continue }
                try replicas[actor].setAlive(id, !alive)
                log.append("r\(actor) \(alive ? "deletes" : "restores") \(id)")
            case 73..<88:
                let to = Int.random(in: 0..<count, using: &rng)
                guard to != actor else { continue }
                let changes = try replicas[actor].changes(since: cursors[actor][to])
                cursors[actor][to] = try replicas[actor].currentVersion()
                network.append(Message(to: to, changes: changes))
                log.append("r\(actor) sends \(changes.count) changes to r\(to)")
            default:
                guard !network.isEmpty else { continue }
                let index = Int.random(in: 0..<network.count, using: &rng)
                let message = network[index]
                let roll = Double.random(in: 0..<1, using: &rng)
                if roll >= options.duplicateRate { network.remove(at: index) }
                if roll >= options.duplicateRate && roll < options.duplicateRate + options.dropRate {
                    log.append("network drops \(message.changes.count) changes to r\(message.to)")
                    continue
                }
                try replicas[message.to].receive(message.changes)
                known[message.to].append(contentsOf: Set(message.changes.map(\.record)).sorted())
                log.append("r\(message.to) receives \(message.changes.count) changes")
            }
        }
        // The final full exchange: everything to everyone.
        let everything = try replicas.map { try $0.changes(since: 0) }
        for to in 0..<count {
            for from in 0..<count where from != to {
                try replicas[to].receive(everything[from])
            }
        }
        return (replicas, log)
    }

    private func randomFields(_ kind: RecordKind, _ rng: inout SplitMix64) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for name in fields[kind] ?? [] where Bool.random(using: &rng) {
            result[name] = values.randomElement(using: &rng)!
        }
        return result
    }

    /// A known record, preferring recent ones (where concurrent edits pile up).
    private func pick<Driver: ReplicaDriver>(_ ids: [RecordID], in replica: Driver, _ rng: inout SplitMix64) throws -> RecordID? {
        guard !ids.isEmpty else { return nil }
        let window = min(ids.count, 6)
        let id = Bool.random(using: &rng) ? ids[ids.count - 1 - Int.random(in: 0..<window, using: &rng)] : ids.randomElement(using: &rng)!
        return try replica.record(id) == nil ? nil : id
    }

    /// A position among the parent's visible children: at the start, the end, or between
    /// two neighbours, chosen so that replicas often pick the same spot.
    private func insertionPosition<Driver: ReplicaDriver>(in replica: inout Driver, parent: RecordID,
                                                          _ rng: inout SplitMix64) throws -> String {
        var positions = try replica.childPositions(of: parent)
        positions = positions.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        let index = [0, positions.count, Int.random(in: 0...positions.count, using: &rng)].randomElement(using: &rng)!
        let lower = index > 0 ? positions[index - 1] : nil
        let upper = index < positions.count ? positions[index] : nil
        return replica.position(between: lower, and: upper)
    }
}

