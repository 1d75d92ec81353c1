// swift-tools-version: 6.1
import PackageDescription

/// Espace: an open-source data space.
///
/// Modules are layered bottom-up (see docs/ARCHITECTURE.md); each depends only on the
/// layers below it. The semantic core (JSON, RDF, JSON-LD, canonicalization) does no I/O
/// and depends on no networking package, so its tests build fast.
let package = Package(
    name: "Espace",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "espace", targets: ["EspaceCLI"]),
        .library(name: "EspaceJSON", targets: ["EspaceJSON"]),
        .library(name: "EspaceRDF", targets: ["EspaceRDF"]),
        .library(name: "EspaceRDFCanon", targets: ["EspaceRDFCanon"]),
        .library(name: "EspaceJSONLD", targets: ["EspaceJSONLD"]),
        .library(name: "EspaceIdentity", targets: ["EspaceIdentity"]),
        .library(name: "EspaceCredentials", targets: ["EspaceCredentials"]),
        .library(name: "EspaceDCP", targets: ["EspaceDCP"]),
        .library(name: "EspacePolicy", targets: ["EspacePolicy"]),
        .library(name: "EspaceNetwork", targets: ["EspaceNetwork"]),
        .library(name: "EspaceSHACL", targets: ["EspaceSHACL"]),
        .library(name: "EspaceStore", targets: ["EspaceStore"]),
        .library(name: "EspaceClearingHouse", targets: ["EspaceClearingHouse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.0"),
    ],
    targets: [
        // Layer 1: semantic core (pure, no I/O).
        .target(
            name: "EspaceJSON",
            dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]
        ),
        .target(name: "EspaceRDF"),
        .target(
            name: "EspaceRDFCanon",
            dependencies: ["EspaceRDF", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "EspaceJSONLD",
            dependencies: ["EspaceJSON", "EspaceRDF"]
        ),
        // W3C SHACL Core validation (pure).
        .target(name: "EspaceSHACL", dependencies: ["EspaceRDF"]),
        // Layer 2: identity and credentials.
        .target(
            name: "EspaceIdentity",
            dependencies: [
                "EspaceJSON", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "EspaceCredentials",
            dependencies: [
                "EspaceJSON", "EspaceRDF", "EspaceRDFCanon", "EspaceJSONLD", "EspaceIdentity",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Layer 3: ODRL 2.2 policies: model, reading (JSON-LD, Turtle), evaluation (pure).
        .target(name: "EspacePolicy", dependencies: ["EspaceJSON", "EspaceRDF", "EspaceJSONLD"]),
        // The Decentralized Claims Protocol (identity tokens, credential service, verifier): pure logic.
        .target(
            name: "EspaceDCP",
            dependencies: ["EspaceJSON", "EspaceIdentity", "EspaceCredentials"]
        ),
        // Layer 5: the clearing house (trust node) services, pure logic: the notary so far.
        .target(
            name: "EspaceClearingHouse",
            dependencies: [
                "EspaceJSON", "EspaceRDF", "EspaceJSONLD", "EspaceSHACL", "EspaceIdentity", "EspaceCredentials",
                "EspaceService", "EspaceStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        // Layer 5: how services expose HTTP routes as plain logic (no HTTP library).
        .target(name: "EspaceService", dependencies: ["EspaceJSON"]),
        // Layer 5: the store every service keeps its state in (SQLKit; SQLite by default).
        .target(name: "EspaceStore", dependencies: [.product(name: "SQLiteKit", package: "sqlite-kit")]),
        // Real network I/O behind the identity layer's HTTPClient and HostResolving.
        .target(name: "EspaceNetwork", dependencies: ["EspaceIdentity"]),
        // Conformance runners for the official suites (reads files: used by the CLI and tests).
        .target(
            name: "EspaceConformance",
            dependencies: [
                "EspaceJSON", "EspaceRDF", "EspaceRDFCanon", "EspaceJSONLD", "EspacePolicy", "EspaceSHACL",
            ]
        ),
        // Layer 6: HTTP routes and server lifecycle (Hummingbird); the only module with NIO.
        .target(
            name: "EspaceServer",
            dependencies: [
                "EspaceJSON", "EspaceService",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Layer 6: the `espace` command-line tool.
        .executableTarget(
            name: "EspaceCLI",
            dependencies: [
                "EspaceJSON", "EspaceRDF", "EspaceRDFCanon", "EspaceJSONLD", "EspaceConformance",
                "EspaceIdentity", "EspaceCredentials", "EspaceDCP", "EspaceServer", "EspaceNetwork", "EspacePolicy",
                "EspaceClearingHouse", "EspaceStore", "EspaceService", "EspaceSHACL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Speed benchmarks (run in release mode by Benchmarks/run.sh beside the Python peers).
        .executableTarget(
            name: "EspaceBenchmarks",
            dependencies: [
                "EspaceJSON", "EspaceRDF", "EspaceRDFCanon", "EspaceJSONLD", "EspaceIdentity", "EspaceCredentials",
                "EspacePolicy", "EspaceSHACL",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Benchmarks/EspaceBenchmarks"
        ),
        // Helpers shared by the test targets (shared-data lookup, a seeded generator).
        .target(name: "EspaceTestSupport", path: "Sources/EspaceTestSupport"),
        .testTarget(name: "EspaceJSONTests", dependencies: ["EspaceJSON", "EspaceTestSupport"]),
        .testTarget(name: "EspaceRDFTests", dependencies: ["EspaceRDF", "EspaceTestSupport"]),
        .testTarget(name: "EspaceRDFCanonTests", dependencies: ["EspaceRDFCanon", "EspaceRDF"]),
        .testTarget(
            name: "EspaceJSONLDTests", dependencies: ["EspaceJSONLD", "EspaceJSON", "EspaceRDF", "EspaceTestSupport"]),
        .testTarget(
            name: "EspaceConformanceTests",
            dependencies: ["EspaceConformance", "EspaceJSONLD", "EspaceRDFCanon"]
        ),
        .testTarget(name: "EspaceIdentityTests", dependencies: ["EspaceIdentity", "EspaceJSON", "EspaceTestSupport"]),
        .testTarget(
            name: "EspaceCredentialsTests",
            dependencies: ["EspaceCredentials", "EspaceIdentity", "EspaceJSONLD", "EspaceJSON", "EspaceTestSupport"]
        ),
        .testTarget(
            name: "EspaceDCPTests",
            dependencies: ["EspaceDCP", "EspaceCredentials", "EspaceIdentity", "EspaceJSON"]
        ),
        .testTarget(
            name: "EspaceServerTests",
            dependencies: [
                "EspaceServer", "EspaceJSON", "EspaceDCP", "EspaceCredentials", "EspaceIdentity", "EspaceNetwork",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "EspaceClearingHouseTests",
            dependencies: [
                "EspaceClearingHouse", "EspaceCredentials", "EspaceIdentity", "EspaceJSON", "EspaceJSONLD", "EspaceRDF",
                "EspaceTestSupport", "EspaceService", "EspaceStore",
            ]
        ),
        .testTarget(name: "EspaceNetworkTests", dependencies: ["EspaceNetwork", "EspaceIdentity"]),
        .testTarget(name: "EspaceStoreTests", dependencies: ["EspaceStore"]),
        .testTarget(
            name: "EspacePolicyTests", dependencies: ["EspacePolicy", "EspaceRDF", "EspaceJSON", "EspaceJSONLD", "EspaceTestSupport"]),
        .testTarget(
            name: "EspaceSHACLTests", dependencies: ["EspaceSHACL", "EspaceRDF", "EspaceJSONLD", "EspaceJSON", "EspaceTestSupport"]),
        .testTarget(name: "EspaceCLITests", dependencies: ["EspaceCLI", "EspaceTestSupport", "EspaceNetwork"]),
    ],
    swiftLanguageModes: [.v6]
)
