import FolioCore
import Foundation

/// Writes outputs into the output folder, touching only files whose content changed,
/// with `.gz` copies beside text files, and removes files an earlier build wrote that
/// this build no longer makes.
///
/// What the last build wrote is kept in a manifest (path, input fingerprint) in the
/// site's `.folio-cache/`, so an unchanged page is skipped without even rendering it.
struct OutputWriter: Sendable {
    let outputDirectory: URL
    let manifestFile: URL
    let gzip: Bool

    struct Result: Sendable {
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    private enum Outcome: Sendable {
        case skipped(String?)
        case written(String?)
        case failed(Diagnostic)
    }

    func write(_ outputs: [Output]) throws(DiagnosticError) -> Result {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(path: outputDirectory.path, message: "cannot create the output folder: \(error.localizedDescription)"))
        }
        let previous = loadManifest()
        let gzip = self.gzip
        let outcomes = parallelMap(outputs) { output -> Outcome in
            self.write(output, previous: previous[output.path], gzip: gzip)
        }

        var result = Result()
        var manifest: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (output, outcome) in zip(outputs, outcomes) {
            switch outcome {
            case .skipped(let fingerprint):
                result.unchanged += 1
                manifest[output.path] = fingerprint ?? ""
            case .written(let fingerprint):
                result.written += 1
                manifest[output.path] = fingerprint ?? ""
            case .failed(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        result.removed = removeStale(previous: previous, current: manifest)
        saveManifest(manifest)
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return result
    }

    private func write(_ output: Output, previous: String?, gzip: Bool) -> Outcome {
        let target = outputDirectory.path + "/" + output.path  // URL.appendingPathComponent is slow at this volume
        let compress = gzip && output.isCompressible
        // The manifest records whether a .gz was written ("z"), so switching gzip on or
        // off rewrites the file and adds or removes its .gz instead of leaving a stale one.
        let mode = compress ? "z" : ""
        let fingerprint = output.fingerprint.map { $0.hex + mode }
        if let fingerprint, fingerprint == previous, Self.exists(target) {
            return .skipped(fingerprint)
        }
        let bytes: [UInt8]
        switch output.source {
        case .render(let render):
            bytes = Array(render().utf8)
        case .renderBytes(let render):
            do throws(DiagnosticError) { bytes = try render() } catch {
                return .failed(error.diagnostics.first ?? Diagnostic(path: output.path, message: "cannot render"))
            }
        case .copy(let source):
            guard let data = FileIO.read(source.path) else {
                return .failed(Diagnostic(path: source.path, message: "cannot read the file to copy it"))
            }
            bytes = data
        }
        // The fingerprint of a copied or always-rendered file is the hash of its bytes.
        let recorded = fingerprint ?? {
            var hash = Fingerprint()
            hash.add(bytes)
            return hash.hex + mode
        }()
        if recorded == previous || fingerprint == nil,
           let existing = FileIO.read(target), existing == bytes,
           compress == Self.exists(target + ".gz") {
            return .skipped(recorded)
        }
        do throws(FileIO.WriteError) {
            try FileIO.write(bytes, to: target)
            if compress, let compressed = Gzip.compress(bytes) {
                try FileIO.write(compressed, to: target + ".gz")
            } else if !compress {
                unlink(target + ".gz")
            }
        } catch {
            return .failed(Diagnostic(path: target, message: "cannot write: \(error)"))
        }
        return .written(recorded)
    }

    private static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Deletes what the previous build wrote and this one did not, then empty folders.
    private func removeStale(previous: [String: String], current: [String: String]) -> Int {
        var removed = 0
        var folders = Set<String>()
        for path in previous.keys where current[path] == nil {
            guard OutputPath.normalize(path, defaultFile: "index.html") == path else { continue }
            let url = outputDirectory.appendingPathComponent(path)
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
            try? FileManager.default.removeItem(atPath: url.path + ".gz")
            var folder = ContentLoader.folder(of: path)
            while !folder.isEmpty { folders.insert(folder); folder = ContentLoader.folder(of: folder) }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = outputDirectory.appendingPathComponent(folder)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
        return removed
    }

    private func loadManifest() -> [String: String] {
        guard let bytes = FileIO.read(manifestFile.path) else { return [:] }
        var manifest: [String: String] = [:]
        // "FINGERPRINT PATH\n" lines, split by bytes: String.split is slow on large files.
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = buffer[start...].firstIndex(of: 10) ?? buffer.count
                if let space = buffer[start..<end].firstIndex(of: 32) {
                    let fingerprint = String(decoding: buffer[start..<space], as: UTF8.self)
                    manifest[String(decoding: buffer[(space + 1)..<end], as: UTF8.self)] = fingerprint
                }
                start = end + 1
            }
        }
        return manifest
    }

    private func saveManifest(_ manifest: [String: String]) {
        var text = ""
        for (path, fingerprint) in manifest.sorted(by: { $0.key < $1.key }) {
            text += "\(fingerprint.isEmpty ? "-" : fingerprint) \(path)\n"
        }
        try? FileManager.default.createDirectory(at: manifestFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: manifestFile, options: .atomic)
    }
}
