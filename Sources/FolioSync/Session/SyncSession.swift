import FolioCRDT

/// One sync as a pure state machine: events in, actions out (CONVENTIONS.md 9). It pushes
/// the replica's unpushed changes (in batches whose ids are remembered before sending, so
/// a retry, even after a crash, is one the server recognises), then pulls pages until the
/// server has no more, each page applied with its cursor in one transaction. Transient
/// failures are retried after a growing pause; `must-reset` starts over once; anything
/// else fails with a message that says what to do.
/// ```
/// var session = SyncSession(start: start)
/// var actions = session.begin()                 // [.collect(since: 12)]
/// actions = session.handle(.collected(changes: changes, version: 15))
/// ```
public struct SyncSession: Sendable {
    /// Limits and retry policy.
    public struct Configuration: Sendable {
        /// Attempts per request before giving up; nil retries forever (`--watch`).
        public var maximumAttempts: Int? = 4
        /// The first pause before a retry, in seconds; it doubles on every retry.
        public var firstDelay = 0.5
        /// The longest pause, in seconds.
        public var longestDelay = 30.0
        /// Changes per pull page.
        public var pullLimit = SyncProtocol.defaultPullLimit
        /// Changes per push batch.
        public var batchLimit = SyncProtocol.maximumBatch
        /// Approximate JSON bytes per push batch.
        public var batchBytes = 2 * 1024 * 1024

        /// The defaults.
        public init() {}
    }

    /// A batch remembered before it is sent.
    public struct PendingBatch: Sendable, Hashable {
        /// Its id.
        public var id: String
        /// The local version it covers.
        public var version: UInt64

        /// A batch from its parts.
        public init(id: String, version: UInt64) {
            self.id = id
            self.version = version
        }
    }

    /// Where the replica stands when the session begins.
    public struct Start: Sendable, Hashable {
        /// The replica's site id.
        public var site: SiteID
        /// The stored pull cursor.
        public var cursor: String
        /// Local changes up to this version are acknowledged.
        public var pushedVersion: UInt64
        /// A batch sent before and never acknowledged.
        public var pendingBatch: PendingBatch?

        /// A start from its parts.
        public init(site: SiteID, cursor: String, pushedVersion: UInt64, pendingBatch: PendingBatch?) {
            self.site = site
            self.cursor = cursor
            self.pushedVersion = pushedVersion
            self.pendingBatch = pendingBatch
        }
    }

    enum Phase: Sendable, Hashable { case ready, collecting, pushing, pulling, waiting, done }

    let configuration: Configuration
    let newBatchID: @Sendable () -> String
    private(set) var phase = Phase.ready
    private let site: SiteID
    private var cursor: String
    private var pushedVersion: UInt64
    private var pending: PendingBatch?
    private var parts: [PushRequest] = []
    private var part = 0
    private var batchVersion: UInt64 = 0
    private var resumedBatch = false
    private var sawDuplicate = false
    private var attempts = 0
    private var retry: (phase: Phase, action: SyncAction)?
    private var pulledRecords = Set<RecordID>()
    private var summary = SyncSummary()

    /// A session for a replica in state `start`; `newBatchID` makes batch ids (UUIDs).
    public init(start: Start, configuration: Configuration = Configuration(), newBatchID: @escaping @Sendable () -> String) {
        self.configuration = configuration
        self.newBatchID = newBatchID
        site = start.site
        cursor = start.cursor
        pushedVersion = start.pushedVersion
        pending = start.pendingBatch
        summary.cursor = start.cursor
    }

    /// The first action: collect what waits to be pushed.
    public mutating func begin() -> [SyncAction] {
        guard phase == .ready else { return fail(.local("the sync session was started twice")) }
        phase = .collecting
        return [.collect(since: pushedVersion)]
    }

    /// The actions that follow `event`.
    public mutating func handle(_ event: SyncEvent) -> [SyncAction] {
        switch (phase, event) {
        case (.collecting, .collected(let changes, let version)): return collected(changes, version: version)
        case (.pushing, .pushed(let reply)): return pushed(reply)
        case (.pulling, .pulled(let reply)): return pulled(reply)
        case (.pushing, .failed(let failure)), (.pulling, .failed(let failure)): return failed(failure)
        case (.waiting, .waited): return retried()
        default: return fail(.local("unexpected \(Self.name(event)) while \(phase)"))
        }
    }

    // MARK: Push

    private mutating func collected(_ changes: [Change], version: UInt64) -> [SyncAction] {
        guard !changes.isEmpty else {
            let mark: [SyncAction] = version > pushedVersion || pending != nil ? [.markPushed(version: version)] : []
            pushedVersion = max(pushedVersion, version)
            pending = nil
            return mark + startPull()
        }
        let batch = pending ?? PendingBatch(id: newBatchID(), version: version)
        resumedBatch = pending != nil
        pending = batch
        batchVersion = batch.version
        parts = BatchPlan.requests(changes, site: site, batch: batch.id,
                                   maximumCount: configuration.batchLimit, maximumBytes: configuration.batchBytes)
        part = 0
        sawDuplicate = false
        phase = .pushing
        return (resumedBatch ? [] : [.savePending(batch)]) + [.push(parts[0])]
    }

    private mutating func pushed(_ reply: PushResponse) -> [SyncAction] {
        guard let clock = HybridTimestamp(parsing: reply.serverHLC) else { return fail(.badReply("server_hlc \"\(reply.serverHLC)\"")) }
        attempts = 0
        sawDuplicate = sawDuplicate || reply.duplicate
        summary.pushedChanges += parts[part].changes.count
        part += 1
        if part < parts.count { return [.advanceClock(clock), .push(parts[part])] }
        if resumedBatch, parts.count > 1, sawDuplicate {
            // A batch resent after a crash may have been split differently from the first
            // time, so a part the server had may not be this part: send it all again under
            // a new id (merging twice changes nothing) before marking it pushed.
            pending = nil
            phase = .collecting
            return [.advanceClock(clock), .collect(since: pushedVersion)]
        }
        pushedVersion = batchVersion
        pending = nil
        return [.advanceClock(clock), .markPushed(version: batchVersion)] + startPull()
    }

    // MARK: Pull

    private mutating func startPull() -> [SyncAction] {
        phase = .pulling
        return [.pull(since: cursor, limit: configuration.pullLimit)]
    }

    private mutating func pulled(_ reply: PullResponse) -> [SyncAction] {
        guard let clock = HybridTimestamp(parsing: reply.serverHLC) else { return fail(.badReply("server_hlc \"\(reply.serverHLC)\"")) }
        if reply.more, reply.changes.isEmpty, reply.cursor == cursor {
            return fail(.badReply("the server says more changes wait after cursor \(cursor) but sent none"))
        }
        attempts = 0
        for change in reply.changes where change.stamp.site != site {
            summary.pulledChanges += 1
            pulledRecords.insert(change.record)
        }
        summary.pulledRecords = pulledRecords.count
        cursor = reply.cursor
        summary.cursor = cursor
        let actions: [SyncAction] = [.advanceClock(clock), .apply(changes: reply.changes, cursor: reply.cursor)]
        if reply.more { return actions + [.pull(since: cursor, limit: configuration.pullLimit)] }
        phase = .done
        return actions + [.finish(summary)]
    }

    // MARK: Failures

    private mutating func failed(_ failure: TransportFailure) -> [SyncAction] {
        if failure.has(.mustReset), phase == .pulling { return reset(failure) }
        if failure.isTransient { return backOff(failure) }
        if failure.has(.clockSkew) { return fail(.clockSkew(failure.message)) }
        switch failure.status {
        case 401: return fail(.unauthorized)
        case 404: return fail(.notFound)
        case 403: return fail(.forbidden)
        default: return fail(.refused(failure))
        }
    }

    private mutating func reset(_ failure: TransportFailure) -> [SyncAction] {
        guard !summary.didReset else { return fail(.refused(failure)) }
        summary.didReset = true
        cursor = SyncProtocol.initialCursor
        pushedVersion = 0
        pending = nil
        phase = .collecting
        return [.reset, .collect(since: 0)]
    }

    private mutating func backOff(_ failure: TransportFailure) -> [SyncAction] {
        attempts += 1
        if let maximum = configuration.maximumAttempts, attempts >= maximum {
            return fail(failure.status == nil ? .unreachable(failure.message) : .refused(failure))
        }
        let request: SyncAction = phase == .pushing ? .push(parts[part]) : .pull(since: cursor, limit: configuration.pullLimit)
        retry = (phase, request)
        phase = .waiting
        let doubling = configuration.firstDelay * Double(1 << min(attempts - 1, 20))
        return [.wait(seconds: min(configuration.longestDelay, max(doubling, failure.retryAfter ?? 0)))]
    }

    private mutating func retried() -> [SyncAction] {
        guard let retry else { return fail(.local("nothing to retry")) }
        phase = retry.phase
        self.retry = nil
        return [retry.action]
    }

    private mutating func fail(_ failure: SyncFailure) -> [SyncAction] {
        phase = .done
        return [.fail(failure)]
    }

    private static func name(_ event: SyncEvent) -> String {
        switch event {
        case .collected: "collected changes"
        case .pushed: "push reply"
        case .pulled: "pull reply"
        case .failed: "failure"
        case .waited: "end of pause"
        }
    }
}
