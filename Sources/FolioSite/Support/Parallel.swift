import Dispatch
import Foundation

/// Runs `transform` over `items` on all cores and returns the results in order.
///
/// Work is handed out in chunks so that thousands of small items do not pay for one
/// dispatch each. `transform` must be safe to call from several threads at once.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    let count = items.count
    if count == 0 { return [] }
    let workers = ProcessInfo.processInfo.activeProcessorCount
    if count < 4 || workers == 1 { return items.map(transform) }
    let chunks = min(count, workers * 8)
    let results = UnsafeResultBuffer<R>(count: count)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = chunk * count / chunks
        let end = (chunk + 1) * count / chunks
        for index in start..<end {
            results.set(index, transform(items[index]))
        }
    }
    return results.finish()
}

/// Storage each worker of `parallelMap` writes its own slots of; read only after all finished.
private final class UnsafeResultBuffer<R>: @unchecked Sendable {
    private var storage: [R?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: R) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func finish() -> [R] {
        storage.map { $0! }
    }
}
