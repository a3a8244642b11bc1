import FolioCore
import Foundation

/// The credentials file: `$FOLIO_CREDENTIALS`, else `$XDG_CONFIG_HOME/folio/credentials.json`,
/// else `~/.config/folio/credentials.json`. It holds one login per replica file (keyed by
/// the replica's absolute path), is readable only by its owner (0600, in a 0700 folder),
/// and is replaced atomically: a crash leaves the old file or the new one.
/// ```json
/// {"stores": {"/home/ada/.local/share/folio/replica.sqlite": {"server": "...", "token": "...", ...}}}
/// ```
public struct CredentialsFile: Sendable {
    /// Why the file could not be read or written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, with the path.
        public let description: String
    }

    /// The file's path.
    public let path: String

    /// The file at `path`.
    public init(path: String) { self.path = path }

    /// The file the environment names.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> CredentialsFile {
        if let path = environment["FOLIO_CREDENTIALS"], !path.isEmpty { return CredentialsFile(path: path) }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return CredentialsFile(path: config + "/folio/credentials.json")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return CredentialsFile(path: home + "/.config/folio/credentials.json")
    }

    /// The login of the replica at `store`, if any.
    public func credentials(for store: String) throws(Failure) -> Credentials? {
        guard let entry = try load()[Self.key(store)] else { return nil }
        do { return try Credentials(json: entry) } catch {
            throw Failure(description: "\(path): the entry for \(store) is damaged (\(error)); run folio login again")
        }
    }

    /// Stores the login of the replica at `store`.
    public func save(_ credentials: Credentials, for store: String) throws(Failure) {
        var stores = try load()
        stores[Self.key(store)] = credentials.json
        try write(stores)
    }

    /// Forgets the login of the replica at `store`; true when there was one.
    @discardableResult
    public func remove(for store: String) throws(Failure) -> Bool {
        var stores = try load()
        guard stores.removeValue(forKey: Self.key(store)) != nil else { return false }
        try write(stores)
        return true
    }

    /// Logins are per replica file, by its absolute, standardized path.
    static func key(_ store: String) -> String {
        URL(fileURLWithPath: store).standardizedFileURL.path
    }

    private func load() throws(Failure) -> [String: JSONValue] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let json: JSONValue
        do { json = try JSONParser.parse(String(decoding: data, as: UTF8.self), path: path).0 } catch {
            throw Failure(description: "\(path) is not valid JSON (\(error)); remove it and run folio login again")
        }
        guard let stores = json.objectValue?["stores"]?.objectValue else {
            throw Failure(description: "\(path) has no \"stores\" object; remove it and run folio login again")
        }
        return Dictionary(stores.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    private func write(_ stores: [String: JSONValue]) throws(Failure) {
        let object = JSONObject(stores.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let text = (["stores": .object(object)] as JSONValue).encoded(pretty: true)
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "cannot create \(folder): \(error.localizedDescription)")
        }
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
