import CoreFoundation  // struct stat is attributed to it once ZIPFoundation is linked
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file writes. Foundation's atomic `Data.write` syncs every file to disk,
/// which made writing a 10,000-page site several times slower than rendering it.
enum FileIO {
    struct WriteError: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Writes `bytes` to `path`, creating missing parent folders. An existing file is
    /// replaced by renaming a finished temporary file over it, so a reader never sees
    /// half a file.
    static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let replacing = access(path, F_OK) == 0
        let target = replacing ? path + ".folio-tmp-\(getpid())" : path
        var fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            try makeDirectories((path as NSString).deletingLastPathComponent)
            fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw WriteError(path: path, code: errno) }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer -> Int32? in
            while written < buffer.count {
                let result = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        close(fd)
        if let failure {
            unlink(target)
            throw WriteError(path: path, code: failure)
        }
        if replacing, rename(target, path) != 0 {
            let code = errno
            unlink(target)
            throw WriteError(path: path, code: code)
        }
    }

    /// Appends `bytes` to an existing file; does nothing if it cannot.
    static func append(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 { if errno == EINTR { continue }; return }
                written += result
            }
        }
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw WriteError(path: path, code: errno) }
        try makeDirectories((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw WriteError(path: path, code: errno) }
    }

    /// The file's bytes, or nil if it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = Glibc.stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while total < size {
                let result = Glibc.read(fd, buffer.baseAddress! + total, size - total)
                if result < 0 { if errno == EINTR { continue }; return false }
                if result == 0 { break }
                total += result
            }
            return true
        }
        guard ok else { return nil }
        if total < size { bytes.removeSubrange(total...) }
        return bytes
    }
}

extension FileIO {
    struct DirectoryEntry {
        var name: String
        var isDirectory: Bool
    }

    /// The entries of a folder, sorted by name, without symbolic links (a link could lead
    /// out of the site's folder) and, unless asked for, without hidden entries.
    static func list(_ path: String, includeHidden: Bool = false) -> [DirectoryEntry] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." || (!includeHidden && name.hasPrefix(".")) { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = Glibc.stat()
                guard lstat(path + "/" + name, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            if type == Int32(DT_DIR) {
                entries.append(DirectoryEntry(name: name, isDirectory: true))
            } else if type == Int32(DT_REG) {
                entries.append(DirectoryEntry(name: name, isDirectory: false))
            }
        }
        return entries.sorted { $0.name < $1.name }
    }
}
