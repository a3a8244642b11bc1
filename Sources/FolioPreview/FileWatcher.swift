import Foundation

/// Notices changes to files under some folders by comparing their sizes and
/// modification times (polling works the same on every file system and platform).
struct FileWatcher: Sendable {
    struct Stamp: Hashable, Sendable {
        var size: Int
        var modified: Double
    }

    let roots: [URL]
    /// Paths under these prefixes are not watched (the preview output, caches).
    let ignoring: [String]

    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                                  options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                let path = url.path
                if ignoring.contains(where: { path.hasPrefix($0) }) {
                    enumerator.skipDescendants()
                    continue
                }
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                result[path] = Stamp(size: values.fileSize ?? 0,
                                     modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
        }
        return result
    }

    /// A short description of what changed, for the terminal.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> String {
        var changed = new.filter { old[$0.key] != $0.value }.map(\.key)
        changed += old.keys.filter { new[$0] == nil }
        changed.sort()
        guard let first = changed.first else { return "changed" }
        let name = URL(fileURLWithPath: first).lastPathComponent
        return changed.count == 1 ? "\(name) changed" : "\(name) and \(changed.count - 1) more changed"
    }
}
