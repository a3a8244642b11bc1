// swift-tools-version: 6.1
import PackageDescription

/// Settings every Folio target shares (CONVENTIONS.md 8).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "folio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .library(name: "FolioCore", targets: ["FolioCore"]),
        .library(name: "FolioSite", targets: ["FolioSite"]),
        .library(name: "FolioCRDT", targets: ["FolioCRDT"]),
        .library(name: "FolioStore", targets: ["FolioStore"]),
        .library(name: "FolioSync", targets: ["FolioSync"]),
        .library(name: "FolioInsights", targets: ["FolioInsights"]),
        .library(name: "FolioServer", targets: ["FolioServer"]),
        .executable(name: "folio-server", targets: ["folio-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // Not "CZlib": ZIPFoundation (DOCX) ships a clang module of that name, and module
        // names are global.
        .systemLibrary(name: "CFolioZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Libraries, lightest first.
        .target(name: "FolioCore", dependencies: ["CFolioZlib"], swiftSettings: swiftSettings),
        .target(name: "FolioCRDT", dependencies: ["FolioCore"], swiftSettings: swiftSettings),
        // Convergence scenarios shared by the CRDT and store tests (test support only).
        .target(name: "FolioCRDTTesting", dependencies: ["FolioCRDT", "FolioCore"], swiftSettings: swiftSettings),
        .target(
            name: "FolioStore",
            dependencies: [
                "FolioCore", "FolioCRDT",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Wire types of sync-protocol/, the client session, the HTTP transport.
        .target(name: "FolioSync", dependencies: ["FolioCore", "FolioCRDT"], swiftSettings: swiftSettings),
        // ATS checks, keyword extraction, job matching (pure analysis; Yams for the user's
        // skills.yaml).
        .target(
            name: "FolioInsights",
            dependencies: ["FolioCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The sync server: routes, accounts, the SQLite sync store (GRDB: a documented
        // exception to "GRDB only in FolioStore", see README "where things live").
        .target(
            name: "FolioServer",
            dependencies: [
                "FolioCore", "FolioCRDT", "FolioSync",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FolioThemes",
            path: "Themes",
            exclude: ["README.md"],
            resources: [.copy("portfolio"), .copy("minimal")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FolioSite",
            dependencies: [
                "FolioCore", "FolioThemes", "CCmarkGFM", "CFolioZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FolioPreview",
            dependencies: [
                "FolioSite",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),

        // Executables.
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioCore", "FolioSite", "FolioPreview", "FolioCRDT", "FolioStore", "FolioInsights", "FolioSync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "folio-server",
            dependencies: [
                "FolioServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "folio-sync-bench",
            dependencies: ["FolioCore", "FolioCRDT", "FolioSync"],
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "folio-replica-bench",
            dependencies: ["FolioCore", "FolioCRDT", "FolioStore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "folio-tracking-bench",
            dependencies: ["FolioCore", "FolioCRDT", "FolioStore"],
            swiftSettings: swiftSettings
        ),

        // Tests.
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore"], swiftSettings: swiftSettings),
        .testTarget(name: "FolioSyncTests", dependencies: ["FolioSync", "FolioCRDT", "FolioCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FolioCRDTTests",
            dependencies: [
                "FolioCRDT", "FolioCRDTTesting", "FolioCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FolioStoreTests",
            dependencies: [
                "FolioStore", "FolioCRDT", "FolioCRDTTesting", "FolioCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
                // Migration tests build replica files as older versions wrote them.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FolioSiteTests",
            dependencies: ["FolioSite", "FolioCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FolioInsightsTests",
            dependencies: ["FolioInsights", "FolioCore"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FolioServerTests",
            dependencies: [
                "FolioServer", "FolioSync", "FolioCRDT", "FolioCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // Migration tests write databases as older servers did.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FolioCLITests",
            dependencies: ["FolioCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
