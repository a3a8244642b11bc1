import Foundation
import Testing

/// `folio serve` as a real process on 127.0.0.1: pages, 404s, path traversal, live
/// rebuilds and build errors shown in the browser.
@Suite("folio serve")
struct ServeTests {
    @Test("serves the site, rebuilds on change and shows build errors", .timeLimit(.minutes(2)))
    func serve() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let site = try temp.copyOfExampleSite()
        let (server, port) = try await startServer(site: site)
        defer { server.stop() }  // runs before temp.remove(), even when a check throws
        #expect(server.stdout.snapshot.contains("Serving \(site.path) at http://127.0.0.1:\(port)/"))

        let home = try RawHTTP.get(port: port, "/")
        #expect(home.status == 200)
        #expect(home.body.contains(#"<script src="/__folio/livereload.js"></script>"#), "no live reload script on /")
        #expect(home.body.contains(#"<link rel="canonical" href="http://127.0.0.1:\#(port)/">"#))
        let script = try RawHTTP.get(port: port, "/__folio/livereload.js")
        #expect(script.status == 200 && script.body.contains("EventSource"))
        #expect(try RawHTTP.get(port: port, "/posts/structured-concurrency-notes/").status == 200, "serve shows drafts")
        let folder = try RawHTTP.get(port: port, "/posts")
        #expect(folder.status == 301 && folder.headers["location"] == "/posts/")

        let missing = try RawHTTP.get(port: port, "/no-such-page/")
        #expect(missing.status == 404)

        try checkTraversal(port: port)
        try await checkLiveRebuild(port: port, site: site)
        try await checkErrorPage(port: port, site: site, server: server)
        #expect(server.isRunning)
    }

    @Test("folio serve on a folder without folio.yaml is an argument error (exit 64)")
    func serveMissingSite() async throws {
        let temp = try TempFolder()
        defer { temp.remove() }
        let run = try await Folio.run(["serve", temp.path("nothing-here").path, "--port", "0"], timeout: 30)
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("folio.yaml"))
    }

    /// Starts `folio serve` on a free port and waits (60 s at most) until it says it is serving.
    /// Another process may take the port between asking and binding; then it tries another.
    private func startServer(site: URL) async throws -> (Subprocess, Int) {
        var attempts: [String] = []
        for _ in 1...3 {
            let port = try RawHTTP.freePort()
            let server = try Subprocess(executable: Folio.binary(), arguments: ["serve", site.path, "--port", "\(port)"])
            do {
                try await waitUntil("folio serve prints Serving", timeout: 60) {
                    server.stdout.snapshot.contains("Serving") || !server.isRunning
                }
            } catch {
                server.stop()
                throw error
            }
            if server.isRunning { return (server, port) }
            let output = server.stdout.snapshot + server.stderr.snapshot
            attempts.append("port \(port): \(output)")
            guard output.contains("Address already in use") else { break }
        }
        throw CLITestError("folio serve exited before serving:\n\(attempts.joined(separator: "\n"))")
    }

    /// Requests that try to climb out of the preview folder (SITE/.folio-cache/preview) to
    /// SITE/folio.yaml, sent raw so no client normalises them.
    private func checkTraversal(port: Int) throws {
        let targets = ["/../../folio.yaml", "/posts/../../../folio.yaml", "/%2e%2e/%2e%2e/folio.yaml",
                       "/..%2f..%2ffolio.yaml", "/%2E%2E%2F%2E%2E%2Ffolio.yaml", "/.folio-cache/../folio.yaml"]
        for target in targets {
            let response = try RawHTTP.get(port: port, target)
            #expect((400..<500).contains(response.status), "GET \(target) answered \(response.status)")
            #expect(!response.body.contains("baseURL:"), "GET \(target) served the site's folio.yaml")
        }
        #expect(try RawHTTP.get(port: port, "/").status == 200, "the server still answers after traversal attempts")
    }

    private func checkLiveRebuild(port: Int, site: URL) async throws {
        let about = site.appendingPathComponent("content/about.md")
        let text = try Files.read(about)
        let marker = "Live edit \(UUID().uuidString.prefix(8))"
        try Files.write(text.replacingOccurrences(of: "## Outside work", with: "\(marker)\n\n## Outside work"), to: about)
        try await waitUntil("/about/ shows the edit", timeout: 60) {
            (try? RawHTTP.get(port: port, "/about/"))?.body.contains(marker) == true
        }
    }

    private func checkErrorPage(port: Int, site: URL, server: Subprocess) async throws {
        let about = site.appendingPathComponent("content/about.md")
        let good = try Files.read(about)
        try Files.write(good.replacingOccurrences(of: "title: About\n", with: "title: [About\n"), to: about)
        var page: RawHTTP.Response?
        try await waitUntil("/about/ shows the build error", timeout: 60) {
            page = try? RawHTTP.get(port: port, "/about/")
            return page?.status == 500
        }
        let body = page?.body ?? ""
        #expect(body.range(of: #"content/about\.md:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(body)")
        #expect(body.contains("/__folio/livereload.js"), "the error page reloads by itself when fixed")
        #expect(server.stdout.snapshot.contains("content/about.md:"), "the error is printed in the terminal too")

        try Files.write(good, to: about)
        try await waitUntil("/about/ builds again after the fix", timeout: 60) {
            (try? RawHTTP.get(port: port, "/about/"))?.status == 200
        }
    }

    /// Polls `condition` every 200 ms until it holds, or fails after `timeout` seconds.
    private func waitUntil(_ what: String, timeout: Double, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CLITestError("timed out after \(timeout) s waiting until \(what)")
    }
}
