import Foundation

/// Where the themes bundled with Folio are on disk.
public enum BundledThemes {
    /// The folder holding one sub-folder per bundled theme, or nil if the resource bundle
    /// was not installed next to the binary.
    public static var directory: URL? {
        Bundle.module.resourceURL
    }
}
