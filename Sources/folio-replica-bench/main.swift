// The replica benchmark (`make bench`): merge speed of a remote batch against a plain
// SQLite upsert of the same rows in the same run, file sizes, and `folio app list` over
// 10,000 applications. It prints figures and ratios; it never fails on a time.
//
//     folio-replica-bench [--records N] [--runs N] [--folio PATH] [--work DIR] [--cpu]
import FolioCore
import FolioCRDT
import FolioStore
import Foundation

struct Options {
    var records = 100_000
    var runs = 3
    var cpu = false
    var folio: String?
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-replica-bench").path

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--records": records = iterator.next().flatMap(Int.init) ?? records
            case "--folio": folio = iterator.next()
            case "--runs": runs = max(1, iterator.next().flatMap(Int.init) ?? runs)
            case "--work": work = iterator.next() ?? work
            case "--cpu": cpu = true
            default: FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8)); exit(64)
            }
        }
    }
}

/// The eight application fields every benchmark record carries.
let fields = ["company", "role", "status", "date", "url", "location", "source", "posting"]

/// Deterministic, realistic-looking values (10-40 characters).
func values(_ index: Int, round: Int) -> [String] {
    let companies = ["Acme Corporation", "Globex", "Initech Systems", "Umbrella Research", "Hooli", "Stark Industries"]
    let roles = ["Staff Engineer", "Senior Backend Engineer", "Site Reliability Engineer", "Engineering Manager"]
    let statuses = ["saved", "applied", "screening", "interview", "offer", "rejected"]
    return [
        companies[index % companies.count] + " \(index % 97)", roles[(index + round) % roles.count],
        statuses[(index + round) % statuses.count], "2024-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))",
        "https://jobs.example.com/\(index)/\(round)", ["Remote", "London, UK", "Berlin, DE", "New York, NY"][index % 4],
        ["referral", "linkedin", "company site"][index % 3], "posting-\(index)-r\(round)",
    ]
}

func changes(ids: [RecordID], round: Int, site: SiteID, start: UInt64) -> [Change] {
    var result: [Change] = []
    result.reserveCapacity(ids.count * fields.count)
    var hlc = HybridTimestamp(milliseconds: start, counter: 0).rawValue
    for (index, id) in ids.enumerated() {
        for (field, value) in zip(fields, values(index, round: round)) {
            hlc += 1
            result.append(Change(record: id, kind: .application, parent: nil, field: field, value: .string(value),
                                 stamp: FieldStamp(hlc: HybridTimestamp(rawValue: hlc), site: site)))
        }
    }
    return result
}

/// Wall seconds, or with `--cpu` the process's CPU seconds (steadier on a busy machine:
/// the benchmark runs one thread at a time, so CPU time is its own work).
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = options.cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC
    var start = timespec(), end = timespec()
    clock_gettime(clock, &start)
    try body()
    clock_gettime(clock, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
}

func rate(_ count: Int, _ time: Double) -> String {
    String(format: "%9.0f field changes/s  (%.3f s)", Double(count) / time, time)
}

let options = Options(CommandLine.arguments)
try? FileManager.default.removeItem(atPath: options.work)
try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
var rng = SplitMix64(seed: 42)
let remote = SiteID(rawValue: 0xB0B)
let ids = (0..<options.records).map { RecordID.make(milliseconds: 1_700_000_000_000 + UInt64($0 / 50), using: &rng) }
let fieldCount = options.records * fields.count
print("Replica benchmark: \(options.records) records x \(fields.count) fields = \(fieldCount) field changes, one batch each, best of \(options.runs)"
      + (options.cpu ? ", process CPU time\n" : ", wall time\n"))

// Each measurement runs `runs` times on fresh files; the best time counts (the machine is
// shared, and the best run is the one least disturbed).
let first = changes(ids: ids, round: 0, site: remote, start: 1_700_000_000_000)
let second = changes(ids: ids, round: 1, site: remote, start: 1_800_000_000_000)
let plainFirst = ids.enumerated().map { ($0.element.bytes, values($0.offset, round: 0)) }
let plainSecond = ids.enumerated().map { ($0.element.bytes, values($0.offset, round: 1)) }
var configuration = Store.Configuration()
configuration.seed = 1
let replicaPath = options.work + "/replica.sqlite", plainPath = options.work + "/plain.sqlite"
var replicaEmpty = Double.infinity, replicaNewer = Double.infinity, plainEmpty = Double.infinity, plainNewer = Double.infinity
for run in 0..<options.runs {
    for path in [replicaPath, plainPath] {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    FileHandle.standardError.write(Data("run \(run + 1) of \(options.runs)\n".utf8))
    // The replica.
    let store = try Store.open(path: replicaPath, configuration: configuration)
    replicaEmpty = min(replicaEmpty, try seconds { try store.apply(first) })
    replicaNewer = min(replicaNewer, try seconds { try store.apply(second) })
    try store.checkpoint()
    // The plain table: same rows, same values (without the JSON quotes the replica stores).
    let plain = try PlainTable(path: plainPath, columns: fields)
    plainEmpty = min(plainEmpty, try seconds { try plain.upsert(plainFirst) })
    plainNewer = min(plainNewer, try seconds { try plain.upsert(plainSecond) })
    try plain.checkpoint()
}

print("apply into an empty replica     " + rate(fieldCount, replicaEmpty))
print("plain upsert into an empty table" + rate(fieldCount, plainEmpty))
print(String(format: "  ratio replica/plain: %.2f\n", plainEmpty / replicaEmpty))
print("apply newer stamps over them    " + rate(fieldCount, replicaNewer))
print("plain upsert of new values      " + rate(fieldCount, plainNewer))
print(String(format: "  ratio replica/plain: %.2f\n", plainNewer / replicaNewer))
let replicaBytes = fileSize(replicaPath), plainBytes = fileSize(plainPath)
print(String(format: "file size: replica %.1f MB, plain %.1f MB, ratio %.2f\n",
             Double(replicaBytes) / 1e6, Double(plainBytes) / 1e6, Double(replicaBytes) / Double(plainBytes)))

// `folio app list` over 10,000 applications.
if let folio = options.folio {
    let listPath = options.work + "/list.sqlite"
    let listStore = try Store.open(path: listPath, configuration: configuration)
    try listStore.apply(changes(ids: Array(ids.prefix(10_000)), round: 0, site: remote, start: 1_700_000_000_000))
    try listStore.checkpoint()
    // posix_spawn and waitpid, as a shell runs it: Foundation's Process adds ~30 ms of its own.
    var times: [Double] = []
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let words: [String] = [folio, "app", "list", "--store", listPath]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    for _ in 0..<7 {
        var pid: pid_t = 0
        var status: Int32 = 0
        times.append(seconds {
            if posix_spawn(&pid, folio, &actions, nil, argv, environ) == 0 { waitpid(pid, &status, 0) }
        })
        if status != 0 { print("folio app list failed with status \(status)") }
    }
    times.sort()
    print(String(format: "folio app list, 10,000 applications: median %.0f ms, best %.0f ms (7 runs, wall)",
                 times[3] * 1000, times[0] * 1000))
}
