import FolioCore
import FolioCRDT
import FolioSync
import Foundation

/// Part 2: `devices` devices editing shared records concurrently, then a convergence check.
enum ConcurrentDevices {
    /// Returns the sync request rate (pushes and pulls per second) of the run.
    static func run(port: Int, devices count: Int, seconds: Double, pullEvery: Int) throws -> Double {
        let owner = HTTPConnection(port: port)
        let space = try register(owner, email: "devices@example.com")
        let records = (0..<200).map { record(1_000_000 + $0) }
        let devices = (0..<count).map { SimulatedDevice(index: $0, port: port, token: owner.token!, space: space) }
        let ticks = Int(seconds * 10)
        let start = Date()
        let group = DispatchGroup()
        for device in devices {
            group.enter()
            Thread.detachNewThread {
                for tick in 0..<ticks {
                    let due = start.addingTimeInterval(Double(tick) * 0.1 + Double(device.index) * 0.1 / Double(count))
                    let wait = due.timeIntervalSinceNow
                    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                    device.step(tick: tick, records: records, fields: fields, pull: (tick + device.index) % pullEvery == 0)
                }
                group.leave()
            }
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(start)
        // Everyone catches up, then compares with the server's state.
        for device in devices { try device.pullUntilCaughtUp(record: false) }
        let serverState = try fullState(port: port, token: owner.token!, space: space)
        return report(devices, serverState: serverState, elapsed: elapsed, ticks: ticks, pullEvery: pullEvery)
    }

    static func fullState(port: Int, token: String, space: String) throws -> ReplicaState {
        let reader = SimulatedDevice(index: 9999, port: port, token: token, space: space)
        try reader.pullUntilCaughtUp(record: false)
        return reader.state
    }

    static func report(_ devices: [SimulatedDevice], serverState: ReplicaState, elapsed: Double, ticks: Int, pullEvery: Int) -> Double {
        var push = Latencies(), pull = Latencies()
        var reference = ReplicaState()
        for device in devices {
            push.add(contentsOf: device.pushLatencies)
            pull.add(contentsOf: device.pullLatencies)
            try? reference.apply(device.pushed)
        }
        let pushed = devices.reduce(0) { $0 + $1.pushed.count }
        let pulled = devices.reduce(0) { $0 + $1.pulledChanges }
        let failures = devices.flatMap(\.failures)
        let diverged = devices.filter { $0.state != serverState }.count
        let requests = Double(push.samples.count + pull.samples.count)
        print("(2) \(devices.count) devices × a 10-change batch every 100 ms for \(String(format: "%.1f", elapsed)) s (\(ticks) ticks each), "
              + "pulling until caught up after every \(pullEvery == 1 ? "push" : "\(pullEvery)th push (every \(pullEvery * 100) ms)"):")
        print("    push: \(push.summary) (target p99 < 50 ms: \(String(format: "%.2f", push.percentile(0.99) / 50))x of the target)")
        print("    pull: \(pull.summary)")
        print(String(format: "    %.0f changes/s pushed and acknowledged (%d in all), %.0f changes/s pulled, %.0f sync requests/s",
                     Double(pushed) / elapsed, pushed, Double(pulled) / elapsed, requests / elapsed))
        print("    convergence: \(devices.count - diverged) of \(devices.count) replicas equal the server's state; "
              + "server state \(serverState == reference ? "equals" : "DIFFERS FROM") the merge of every acknowledged change "
              + "(\(serverState.changes.count) fields) — \(diverged == 0 && serverState == reference ? "zero lost" : "LOST CHANGES")"
              + (failures.isEmpty ? "" : "; \(failures.count) failed requests, first: \(failures[0])"))
        return requests / elapsed
    }
}

/// Part 3: the framework's ceiling on this machine: wrk against /health.
enum Ceiling {
    static func run(wrk: String, port: Int, syncRate: Double) {
        guard wrk != "none" else { return print("(3) wrk skipped (--wrk none)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [wrk, "-t2", "-c50", "-d10s", "http://127.0.0.1:\(port)/health"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            print("(3) wrk could not run (\(error)); install it with `make bench-deps`")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
              let rate = Double(line.split(separator: " ").last ?? "") else {
            print("(3) wrk gave no rate:\n\(output)")
            return
        }
        print(String(format: "(3) wrk -t2 -c50 -d10s /health: %.0f requests/s (the ceiling); the sync run's %.0f requests/s "
                     + "is %.3f of it (paced by the devices' 100 ms ticks, not a saturation test)", rate, syncRate, syncRate / rate))
    }
}
