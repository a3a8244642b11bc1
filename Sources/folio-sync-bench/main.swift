// The sync benchmark (`make bench`), against a release `folio-server` on 127.0.0.1:
//   1. a new device pulls 100,000 changes: time to caught-up (target < 3 s);
//   2. 50 devices each push a 10-change batch every 100 ms for 30 s while pulling the
//      others' changes: push/pull latency (target p99 push < 50 ms), changes/s, and whether
//      every device's replica equals the server's state (zero lost);
//   3. wrk against /health for the framework's ceiling on this machine, and the sync
//      request rate as a ratio to it.
// It prints figures and ratios; it never fails on a time.
//
//     folio-sync-bench --server PATH [--changes N] [--devices N] [--seconds N] [--pull-every TICKS] [--wrk PATH]
//
// --pull-every: devices pull after every Nth push (default 10: once a second, like a client
// that debounces the server's change events); 1 pulls after every push.
import FolioCore
import FolioCRDT
import FolioSync
import Foundation

struct Options {
    var server = ""
    var changes = 100_000
    var devices = 50
    var seconds = 30.0
    var wrk = "wrk"
    var pullEvery = 10
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("folio-sync-bench")

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--server": server = iterator.next() ?? ""
            case "--changes": changes = iterator.next().flatMap(Int.init) ?? changes
            case "--devices": devices = iterator.next().flatMap(Int.init) ?? devices
            case "--seconds": seconds = iterator.next().flatMap(Double.init) ?? seconds
            case "--wrk": wrk = iterator.next() ?? wrk
            case "--pull-every": pullEvery = max(1, iterator.next().flatMap(Int.init) ?? pullEvery)
            default: FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8)); exit(64)
            }
        }
        if server.isEmpty { FileHandle.standardError.write(Data("usage: folio-sync-bench --server PATH/folio-server\n".utf8)); exit(64) }
    }
}

/// Registers a user; the connection keeps its token. Returns the user's space.
func register(_ connection: HTTPConnection, email: String) throws -> String {
    let reply = try connection.request("POST", "/v1/auth/register", body: AuthRequest(email: email, password: "benchmark password", device: "bench").json.encoded())
    guard reply.status == 201 else { throw HTTPConnection.Failure(description: "register: \(reply.status) \(reply.text)") }
    let auth = try AuthResponse(json: reply.json())
    connection.token = auth.token
    return auth.space
}

func record(_ n: Int) -> RecordID {
    RecordID(high: 0x0190_0000_0000_7000 | UInt64(n) << 16, low: 0x8000_0000_0000_0000 | UInt64(n))
}

let fields = ["company", "role", "status", "date", "url", "location", "source", "posting"]

let options = Options(CommandLine.arguments)
let server = try ServerLauncher(binary: options.server, work: options.work)
defer { server.stop() }
print("folio-sync-bench: folio-server (\(options.server)) on 127.0.0.1:\(server.port)")
try InitialPull.run(port: server.port, changes: options.changes)
let syncRate = try ConcurrentDevices.run(port: server.port, devices: options.devices, seconds: options.seconds,
                                              pullEvery: options.pullEvery)
Ceiling.run(wrk: options.wrk, port: server.port, syncRate: syncRate)
