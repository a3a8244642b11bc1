// The tracking benchmark (`make bench`): fills a replica with 10,000 applications and
// 50,000 events through the store's public API (one batch, one transaction), then times
// `folio report`, `folio agenda` and `folio app export --format csv` as a user runs them
// (a new process each time, wall time) and prints each figure with its ratio to the target.
// It never fails on a time.
//
//     folio-tracking-bench --folio PATH [--applications N] [--runs N] [--work DIR]
import FolioCore
import FolioCRDT
import FolioStore
import Foundation

struct Options {
    var folio = ""
    var applications = 10_000
    var runs = 7
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-tracking-bench").path

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--folio": folio = iterator.next() ?? folio
            case "--applications": applications = iterator.next().flatMap(Int.init) ?? applications
            case "--runs": runs = max(1, iterator.next().flatMap(Int.init) ?? runs)
            case "--work": work = iterator.next() ?? work
            default: FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8)); exit(64)
            }
        }
        if folio.isEmpty { FileHandle.standardError.write(Data("usage: folio-tracking-bench --folio PATH\n".utf8)); exit(64) }
    }
}

/// Five events per application, in one of five realistic shapes.
let shapes: [[String]] = [
    ["applied", "screening", "interview", "rejected", "reminder"],
    ["applied", "reminder", "reminder", "reminder", "reminder"],
    ["applied", "screening", "interview", "interview", "offer"],
    ["applied", "screening", "rejected", "reminder", "reminder"],
    ["applied", "reminder", "reminder", "reminder", "reminder"],
]

/// Writes one record's fields as changes with increasing stamps.
struct Batch {
    var changes: [Change] = []
    var hlc = HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 0).rawValue
    let site = SiteID(rawValue: 0xBE_AC4)

    mutating func record(_ id: RecordID, _ kind: RecordKind, parent: RecordID?, _ fields: [(String, JSONValue)]) {
        for (field, value) in [(Change.causalLengthField, JSONValue.number(1))] + fields {
            hlc += 1
            changes.append(Change(record: id, kind: kind, parent: parent, field: field, value: value,
                                  stamp: FieldStamp(hlc: HybridTimestamp(rawValue: hlc), site: site)))
        }
    }
}

/// The day the agenda and the report are made for.
let today = CalendarDay("2024-06-15")!

/// Fills the replica; returns how many events and open reminders it wrote.
func fill(_ store: Store, applications count: Int) throws -> (events: Int, openReminders: Int) {
    var openReminders = 0
    var rng = SplitMix64(seed: 7)
    var batch = Batch()
    let start = CalendarDay("2023-01-01")!
    var events = 0
    for index in 0..<count {
        let id = RecordID.make(milliseconds: 1_700_000_000_000 + UInt64(index), using: &rng)
        let shape = shapes[index % shapes.count]
        var day = start.adding(index * 547 / count)
        var eventFields: [[(String, JSONValue)]] = []
        for (position, type) in shape.enumerated() {
            var fields: [(String, JSONValue)] = [(Change.positionField, .string("a\(position + 1)")),
                                                 ("type", .string(type)), ("date", .string(day.description))]
            if type == "interview" {
                fields += [("time", "14:30"), ("timezone", "Europe/Berlin"), ("place", .string("https://meet.example.com/\(index)")),
                           ("people", .array(["Ada Lovelace", "Grace Hopper"]))]
            }
            if type == "reminder" {
                // As people use it: reminders older than two weeks were dealt with.
                let done = day < today.adding(-14)
                fields += [("note", .string("Follow up with the recruiter")), ("done", .bool(done))]
                if !done { openReminders += 1 }
            }
            eventFields.append(fields)
            day = day.adding(index % 7 + 1)
        }
        let status = shape.last { $0 != "reminder" } ?? "applied"
        batch.record(id, .application, parent: nil, [
            ("company", .string("Company \(index % 1_500)")), ("role", .string(["Staff Engineer", "SRE", "Backend Engineer"][index % 3])),
            ("status", .string(status)), ("date", .string(start.adding(index * 547 / count).description)),
            ("source", .string(["referral", "job board", "company site", "recruiter"][index % 4])),
            ("variant", .string(["main", "backend", "platform"][index % 3])), ("company_size", .string(["1-50", "51-200", "201-1000", "1000+"][index % 4])),
        ])
        for fields in eventFields {
            batch.record(RecordID.make(milliseconds: 1_700_000_000_000 + UInt64(index), using: &rng), .event, parent: id, fields)
            events += 1
        }
    }
    try store.apply(batch.changes)
    try store.checkpoint()
    return (events, openReminders)
}

/// Wall time and CPU time (user + system, from the child's rusage) of `folio ARGUMENTS`,
/// output to /dev/null (posix_spawn, as a shell runs it). CPU time is what the command
/// costs even when other work shares the machine; wall time is what a user waits.
func time(_ folio: String, _ arguments: [String]) -> (wall: Double, cpu: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([folio] + arguments).map { strdup($0) } + [nil]
    var pid: pid_t = 0, status: Int32 = 0
    var usage = rusage()
    let start = DispatchTime.now().uptimeNanoseconds
    if posix_spawn(&pid, folio, &actions, nil, argv, environ) == 0 { wait4(pid, &status, 0, &usage) }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if status != 0 { print("folio \(arguments.joined(separator: " ")) failed with status \(status)") }
    func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
    return (wall, seconds(usage.ru_utime) + seconds(usage.ru_stime))
}

let options = Options(CommandLine.arguments)
try? FileManager.default.removeItem(atPath: options.work)
try FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
let path = options.work + "/replica.sqlite"
let store = try Store.open(path: path)
let fillStart = DispatchTime.now().uptimeNanoseconds
let (events, openReminders) = try fill(store, applications: options.applications)
print(String(format: "Tracking benchmark: %d applications, %d events (%d open reminders), filled in %.2f s (one batch); "
             + "median of %d runs, wall time\n", options.applications, events, openReminders,
             Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9, options.runs))

let asOf = ["--today", today.description]
let measurements: [(String, [String], Double)] = [
    ("folio report", ["report", "--store", path] + asOf, 0.5),
    ("folio report --json", ["report", "--json", "--store", path] + asOf, 0.5),
    ("folio agenda", ["agenda", "--store", path] + asOf, 0.1),
    ("folio app export --format csv", ["app", "export", "--format", "csv", "-o", options.work + "/apps.csv", "--store", path], 1.0),
]
for (name, arguments, target) in measurements {
    let runs = (0..<options.runs).map { _ in time(options.folio, arguments) }
    let wall = runs.map(\.wall).sorted(), cpu = runs.map(\.cpu).sorted()
    let median = wall[wall.count / 2], medianCPU = cpu[cpu.count / 2]
    print(String(format: "%-30@ wall median %5.0f ms, best %5.0f ms; CPU median %5.0f ms   target < %4.0f ms   ratio wall %.2f, CPU %.2f",
                 name as NSString, median * 1000, wall[0] * 1000, medianCPU * 1000, target * 1000, median / target, medianCPU / target))
}
var load = [Double](repeating: 0, count: 3)
getloadavg(&load, 3)
print(String(format: "\nload average during the run: %.2f (1 min); with more runnable processes than cores, wall times stretch, CPU times do not", load[0]))
