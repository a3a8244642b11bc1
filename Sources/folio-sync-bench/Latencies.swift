import Foundation

/// Latency samples in milliseconds, with percentiles.
struct Latencies {
    var samples: [Double] = []

    mutating func add(_ milliseconds: Double) {
        samples.append(milliseconds)
    }

    mutating func add(contentsOf other: Latencies) {
        samples += other.samples
    }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    var summary: String {
        String(format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d requests)", percentile(0.5), percentile(0.99),
               samples.max() ?? .nan, samples.count)
    }
}

/// Milliseconds taken by `work`.
func measure<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try work()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
}
