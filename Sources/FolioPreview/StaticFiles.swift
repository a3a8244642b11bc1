import FolioCore
import Foundation
import Hummingbird

/// Serves the built site from disk, adding the live-reload script to HTML pages, and
/// the build's errors instead of pages while the site does not build.
struct StaticFiles: Sendable {
    let root: URL
    let state: PreviewState

    func respond(to rawPath: String) async -> Response {
        let errors = await state.errors
        guard let relative = Self.relativePath(rawPath) else {
            return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "bad path\n")))
        }
        if !errors.isEmpty, relative.isEmpty || relative.hasSuffix("/") || relative.hasSuffix(".html") {
            return html(LiveReload.errorPage(errors), status: .internalServerError)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        var path = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        if manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), isDirectory.boolValue {
            // /posts -> /posts/ so relative links in the page resolve.
            return Response(status: .movedPermanently, headers: [.location: rawPath.split(separator: "?").first.map { "\($0)/" } ?? "/"])
        }
        guard let data = manager.contents(atPath: root.appendingPathComponent(path).path) else {
            path = "404.html"
            let page = manager.contents(atPath: root.appendingPathComponent(path).path) ?? Data("Not found\n".utf8)
            return html(String(decoding: page, as: UTF8.self), status: .notFound)
        }
        let type = Self.contentType(for: path)
        if type.hasPrefix("text/html") {
            return html(String(decoding: data, as: UTF8.self), status: .ok)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func html(_ page: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: LiveReload.inject(into: page))))
    }

    /// The request path as a path inside the output folder, or nil if it tries to leave it.
    static func relativePath(_ rawPath: String) -> String? {
        let pathOnly = String(rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard let decoded = pathOnly.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/") {
            if part == "." { continue }
            if part == ".." || (part.hasPrefix(".") && part != ".well-known") { return nil }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return decoded.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }

    static func contentType(for path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}

/// The script open pages run to reload on a rebuild and show build errors.
enum LiveReload {
    static let tag = "<script src=\"/__folio/livereload.js\"></script>"

    static let script = """
    (function () {
      var source = new EventSource("/__folio/events");
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("error", function (event) {
        if (!event.data) return;
        var box = document.getElementById("folio-build-error") || document.createElement("pre");
        box.id = "folio-build-error";
        box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em;" +
          "background:#300;color:#fdd;font:13px/1.4 monospace;z-index:2147483647;white-space:pre-wrap";
        box.textContent = "Build failed:\\n" + event.data;
        document.body.appendChild(box);
      });
    })();
    """

    static func inject(into page: String) -> String {
        if let range = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return page.replacingCharacters(in: range, with: tag + "\n</body>")
        }
        return page + tag
    }

    static func errorPage(_ errors: [Diagnostic]) -> String {
        let items = errors.map { "<li>\(escape($0.description))</li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Build failed · Folio</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2em;color:#222}li{font-family:monospace;white-space:pre-wrap;margin:.5em 0;color:#900}</style>
        </head><body><h1>The site does not build</h1>
        <p>Fix these and save; this page reloads by itself.</p>
        <ul>
        \(items)
        </ul>
        </body></html>
        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
