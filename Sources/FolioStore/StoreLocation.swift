import Foundation

/// Where the replica file is: `--store PATH`, else `$FOLIO_STORE`, else
/// `$XDG_DATA_HOME/folio/replica.sqlite`, else `~/.local/share/folio/replica.sqlite`.
public enum StoreLocation {
    /// The path to use, given the `--store` option (nil when not given) and the environment.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["FOLIO_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/folio/replica.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/folio/replica.sqlite"
    }
}
