/// What a sync moved, for the person who ran it.
public struct SyncSummary: Sendable, Hashable, CustomStringConvertible {
    /// Changes the server acknowledged.
    public var pushedChanges = 0
    /// Changes pulled that another device made.
    public var pulledChanges = 0
    /// Records those pulled changes touched.
    public var pulledRecords = 0
    /// True when the server asked for a reset and the replica started over from the start.
    public var didReset = false
    /// The cursor after the last page.
    public var cursor = SyncProtocol.initialCursor

    /// An empty summary.
    public init() {}

    /// `pushed 12 changes, pulled 30 changes (3 records)`.
    public var description: String {
        let pulled = "pulled \(Self.count(pulledChanges, "change"))" + (pulledChanges > 0 ? " (\(Self.count(pulledRecords, "record")))" : "")
        let line = "pushed \(Self.count(pushedChanges, "change")), \(pulled)"
        guard didReset else { return line }
        return "the server asked this device to start over (must-reset): it pulled everything from the start "
            + "and pushed all its records again; " + line
    }

    /// `1 change`, `3 changes`.
    public static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
