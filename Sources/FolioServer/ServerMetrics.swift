import Prometheus

/// The server's Prometheus registry and its own counters. `folio-server serve` also
/// bootstraps swift-metrics with this registry, so Hummingbird's request metrics appear at
/// /metrics beside these.
public struct ServerMetrics: Sendable {
    /// The registry served at /metrics.
    public let registry: PrometheusCollectorRegistry
    let pushes: Counter
    let duplicatePushes: Counter
    let appliedFields: Counter
    let pulledFields: Counter
    let failedLogins: Counter
    let eventStreams: Gauge

    /// Metrics in a new registry (or `registry`).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        pushes = registry.makeCounter(name: "folio_push_batches_total", help: "Push batches applied")
        duplicatePushes = registry.makeCounter(name: "folio_push_duplicates_total", help: "Push batches answered as repeats")
        appliedFields = registry.makeCounter(name: "folio_fields_applied_total", help: "Fields that won a merge")
        pulledFields = registry.makeCounter(name: "folio_fields_pulled_total", help: "Fields sent by pulls")
        failedLogins = registry.makeCounter(name: "folio_login_failures_total", help: "Failed or refused logins")
        eventStreams = registry.makeGauge(name: "folio_event_streams", help: "Open event streams")
    }
}
