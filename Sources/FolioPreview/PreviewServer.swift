import FolioCore
import FolioSite
import Foundation
import Hummingbird

/// `folio serve`: builds a site, serves it on 127.0.0.1, watches its files, rebuilds
/// what changed and reloads open pages. Build errors are shown in the browser as well as
/// in the terminal.
///
/// ```swift
/// try await PreviewServer(configuration: .init(siteDirectory: site, port: 1313)).run()
/// ```
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var siteDirectory: URL
        /// 0 picks a free port.
        public var port: Int
        public var includeDrafts = true
        public var themeDirectories: [URL] = []
        /// How often the site's files are checked for changes.
        public var pollInterval: Duration = .milliseconds(300)
        /// Where the preview is written (default: SITE/.folio-cache/preview).
        public var outputDirectory: URL?
        /// Called with each line worth telling the person (build summaries, errors).
        public var log: @Sendable (String) -> Void = { print($0) }

        public init(siteDirectory: URL, port: Int = 1313) {
            self.siteDirectory = siteDirectory.standardizedFileURL
            self.port = port
        }

        var output: URL {
            outputDirectory ?? siteDirectory.appendingPathComponent(".folio-cache/preview")
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Serves until the process gets SIGINT or SIGTERM.
    public func run() async throws {
        let state = PreviewState()
        let configuration = self.configuration
        let router = Router()
        router.get("__folio/livereload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get("__folio/events") { _, _ in
            let events = await state.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: ": connected\n\n"))
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.sse))
                    }
                    try await writer.finish(nil)
                })
        }
        let files = StaticFiles(root: configuration.output, state: state)
        for path: RouterPath in ["/", "**"] {
            router.get(path) { request, _ in await files.respond(to: request.uri.path) }
            router.head(path) { request, _ in await files.respond(to: request.uri.path) }
        }

        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: configuration.port), serverName: "folio-serve"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let rebuilder = Rebuilder(configuration: configuration, port: port, state: state)
                await rebuilder.buildOnce(reason: nil)
                configuration.log("Serving \(configuration.siteDirectory.path) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
                Task { await rebuilder.watch() }
            }
        )
        try await app.runService()
    }
}

/// An event sent to open pages.
enum PreviewEvent: Sendable {
    case reload
    case buildFailed(String)

    var sse: String {
        switch self {
        case .reload: return "event: reload\ndata: reload\n\n"
        case .buildFailed(let message):
            let data = message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
            return "event: error\n\(data)\n\n"
        }
    }
}

/// What the server knows between requests: the last build's errors and who listens.
actor PreviewState {
    private(set) var errors: [Diagnostic] = []
    private var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]

    func subscribe() -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(4))
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        listeners[id] = nil
    }

    func finished(errors: [Diagnostic]) {
        self.errors = errors
        let event: PreviewEvent = errors.isEmpty ? .reload : .buildFailed(errors.map(\.description).joined(separator: "\n"))
        for continuation in listeners.values { continuation.yield(event) }
    }
}

/// Builds the site, then polls its files and rebuilds when one changes.
struct Rebuilder: Sendable {
    let configuration: PreviewServer.Configuration
    let port: Int
    let state: PreviewState

    private var builder: SiteBuilder {
        var options = SiteBuilder.Options(siteDirectory: configuration.siteDirectory)
        options.outputDirectory = configuration.output
        options.includeDrafts = configuration.includeDrafts
        options.baseURL = "http://127.0.0.1:\(port)/"
        options.gzip = false
        options.themeDirectories = configuration.themeDirectories
        return SiteBuilder(options: options)
    }

    func buildOnce(reason: String?) async {
        let builder = self.builder
        let result: Result<SiteBuilder.Report, DiagnosticError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(DiagnosticError) { continuation.resume(returning: .success(try builder.build())) } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .success(let report):
            for warning in report.warnings { configuration.log(warning.description) }
            configuration.log((reason.map { "\($0): " } ?? "") + report.summary)
            await state.finished(errors: [])
        case .failure(let error):
            for diagnostic in error.diagnostics { configuration.log(diagnostic.description) }
            configuration.log("Build failed; the browser shows the errors until they are fixed.")
            await state.finished(errors: error.diagnostics)
        }
    }

    func watch() async {
        let watcher = FileWatcher(roots: watchedFolders(), ignoring: [configuration.output.path, configuration.siteDirectory.appendingPathComponent(".folio-cache").path, configuration.siteDirectory.appendingPathComponent("public").path])
        var snapshot = watcher.snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.pollInterval)
            let next = watcher.snapshot()
            if next != snapshot {
                let changed = FileWatcher.changes(from: snapshot, to: next)
                snapshot = next
                await buildOnce(reason: changed)
            }
        }
    }

    private func watchedFolders() -> [URL] {
        var folders = [configuration.siteDirectory]
        let loader = ThemeLoader(siteDirectory: configuration.siteDirectory, extraDirectories: configuration.themeDirectories)
        folders += loader.searchPaths.filter { !$0.path.hasPrefix(configuration.siteDirectory.path) }
        return folders
    }
}
