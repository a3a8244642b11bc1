import FolioCore

/// The last step of the merge rule: when two writes have the same stamp and site, the larger
/// value wins, null lowest; other values compare by the bytes of their stable JSON encoding
/// (`JSONValue.encoded()`: compact, keys sorted).
///
/// Every replica and the server must order values the same way, or equal-stamp writes
/// diverge; ordering by encoded bytes is easy to reproduce in any language and in SQL
/// (`BINARY` collation compares UTF-8 bytes).
public enum ValueOrder {
    /// True when `lhs` sorts before `rhs`.
    public static func less(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        less(encoded: lhs.encoded(), rhs.encoded())
    }

    /// The same order over values already encoded.
    public static func less(encoded lhs: String, _ rhs: String) -> Bool {
        if lhs == nullEncoding { return rhs != nullEncoding }
        if rhs == nullEncoding { return false }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    /// How null is encoded; it sorts below every other value.
    public static let nullEncoding = "null"
}
