/// Login rate limiting: after `maximumFailures` failed logins within `window` for one email,
/// or for one client address, further attempts are refused for the rest of the window
/// (`429 rate-limited` with `Retry-After`). A successful login clears the email's count.
public actor LoginRateLimiter {
    private struct Entry {
        var failures: [UInt64] = []
    }

    private let maximumFailures: Int
    private let window: UInt64
    private let now: @Sendable () -> UInt64
    private var entries: [String: Entry] = [:]

    /// A limiter allowing `maximumFailures` failures per `window` milliseconds per key.
    public init(maximumFailures: Int, window: UInt64, now: @escaping @Sendable () -> UInt64) {
        self.maximumFailures = maximumFailures
        self.window = window
        self.now = now
    }

    /// Seconds to wait before another attempt for this email or address, or nil when allowed.
    public func retryAfter(email: String, address: String) -> Int? {
        let keys = ["email:" + email.lowercased(), "address:" + address]
        let current = now()
        let waits = keys.compactMap { key -> UInt64? in
            let recent = (entries[key]?.failures ?? []).filter { $0 + window > current }
            entries[key]?.failures = recent
            guard recent.count >= maximumFailures, let oldest = recent.first else { return nil }
            return oldest + window - current
        }
        return waits.max().map { Int(($0 + 999) / 1000) }
    }

    /// Records a failed attempt.
    public func failed(email: String, address: String) {
        let current = now()
        for key in ["email:" + email.lowercased(), "address:" + address] {
            entries[key, default: Entry()].failures.append(current)
        }
        if entries.count > 100_000 { prune(current) }
    }

    /// Clears the email's failures after a successful login.
    public func succeeded(email: String) {
        entries["email:" + email.lowercased()] = nil
    }

    private func prune(_ current: UInt64) {
        entries = entries.filter { $0.value.failures.contains { $0 + window > current } }
    }
}
