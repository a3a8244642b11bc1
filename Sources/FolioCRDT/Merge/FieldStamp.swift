/// Who wrote a field value, and when: a clock stamp and the writing site.
///
/// Ordered by stamp, then by site id, the first two steps of the merge rule.
public struct FieldStamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// When, on the writer's hybrid logical clock.
    public var hlc: HybridTimestamp
    /// Which replica wrote it.
    public var site: SiteID

    /// A stamp from a clock reading and a site.
    public init(hlc: HybridTimestamp, site: SiteID) {
        self.hlc = hlc
        self.site = site
    }

    public var description: String { "\(hlc)@\(site)" }

    public static func < (lhs: FieldStamp, rhs: FieldStamp) -> Bool {
        (lhs.hlc, lhs.site) < (rhs.hlc, rhs.site)
    }
}
