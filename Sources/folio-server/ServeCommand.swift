import ArgumentParser
import Foundation
import FolioServer
import Logging
import Metrics
import Prometheus

/// `folio-server serve`: runs the server until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the sync server.")

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port; the chosen one is printed).")
    var port = 8080

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(help: "Days a device token works after login or registration; 0: until it is revoked.")
    var tokenDays = 365

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level \(logLevel) is not a level") }
        guard (0...36_500).contains(tokenDays) else { throw ValidationError("--token-days must be 0...36500") }
    }

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.tokenLifetime = tokenDays == 0 ? nil : UInt64(tokenDays) * 24 * 60 * 60 * 1000
        var logger = Logger(label: "folio-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let metrics = ServerMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let storage = try SQLiteSyncStorage(path: database.db)
        let server = SyncServer(configuration: configuration, storage: storage, metrics: metrics)
        let host = host, path = database.db
        try await runServer(server, logger: logger) { port in
            // Written unbuffered: scripts and tests wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("folio-server listening on http://\(host):\(port) (database \(path))\n".utf8))
        }
    }
}
