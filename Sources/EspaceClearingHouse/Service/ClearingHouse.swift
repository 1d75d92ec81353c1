import EspaceIdentity
import EspaceService
import EspaceStore
import Foundation

/// A Gaia-X clearing house (a trust node): its registry, its notary and (next) its compliance
/// service, sharing one store. Build it with `open`, then serve `routes` next to the node's
/// DID document; several clearing houses, each with its own DID and keys, serve one data space.
public struct ClearingHouse: Sendable {
    public let did: String
    public let registry: Registry
    public let notary: Notary
    public let notaryLog: NotaryLog
    public let compliance: ComplianceService
    public let complianceLog: ComplianceLog

    /// Every service's tables, in order.
    public static let migrations: [StoreMigration] =
        RegistryStore.migrations + NotaryLog.migrations + ComplianceLog.migrations

    /// What a clearing house starts from (its configuration file, read).
    public struct Settings: Sendable {
        public var did: String
        /// The signing key and its verification method (`#key-1`).
        public var key: PrivateKey
        public var kid: String
        /// PEM texts of the trust anchors to hold at start (added to those already stored).
        public var trustAnchors: [String] = []
        /// Notaries and clearing houses to trust at start (this one is always both).
        public var trustedNotaries: [String] = []
        public var trustedClearingHouses: [String] = []
        public var shapes: [Registry.Shapes] = []
        public var termsAndConditions: Registry.TermsAndConditions?
        public var requireEV = false
        /// Fetches `x5u` chains (nil: the chain/file route answers 503).
        public var fetcher: X5UFetcher?
        public var onlineRegistries: OnlineRegistries = .off
        /// Resolves the DIDs of participants and notaries (compliance checks).
        public var resolver: any VerificationMethodResolver = DIDResolvers.offline
        /// Fetches `x5u` chains and status lists for the compliance checks (nil: none).
        public var http: (any HTTPClient)?
        public var allowInsecureHTTP = false
        /// SHACL conformance of credentials (nil: the registry's `shapes`, compiled once, with
        /// the Gaia-X namespace rewrite; no shapes: the check is not made).
        public var shapeConformance: (any ShapeConformance)?
        /// The engine version written in compliance credentials.
        public var engineVersion = "espace"
        /// The criteria of the label levels offered.
        public var labelCriteria = LabelCriteria.gaiaX2210
        /// The clearing house's public URL: its compliance credentials then carry a revocation
        /// status in the list it serves at `/v2/api/status/compliance` (nil: no status).
        public var publicURL: String?

        public init(did: String, key: PrivateKey, kid: String) {
            self.did = did
            self.key = key
            self.kid = kid
        }
    }

    /// Migrates `store`, records the configured anchors and trusted issuers, and builds the services.
    public static func open(_ settings: Settings, store: Store, now: Date = Date()) async throws -> ClearingHouse {
        try await store.migrate(migrations)
        let registryStore = RegistryStore(store: store)
        for pem in settings.trustAnchors { _ = try await registryStore.addTrustAnchors(pem: pem, now: now) }
        for did in settings.trustedNotaries + [settings.did] {
            try await registryStore.addTrustedIssuer(did, role: .notary, now: now)
        }
        for did in settings.trustedClearingHouses + [settings.did] {
            try await registryStore.addTrustedIssuer(did, role: .clearingHouse, now: now)
        }
        let registry = Registry(
            store: registryStore, requireEV: settings.requireEV, fetcher: settings.fetcher, shapes: settings.shapes,
            termsAndConditions: settings.termsAndConditions)
        let notary = try Notary(did: settings.did, kid: settings.kid, key: settings.key, registries: settings.onlineRegistries)
        var compliance = ComplianceService(
            did: settings.did, key: settings.key, kid: settings.kid, registry: registry, resolver: settings.resolver,
            http: settings.http, allowInsecureHTTP: settings.allowInsecureHTTP, engineVersion: settings.engineVersion)
        compliance.labelCriteria = settings.labelCriteria
        let complianceLog = ComplianceLog(store: store)
        if let url = settings.publicURL {
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            compliance.status = (base + "/v2/api/status/compliance", complianceLog)
        }
        if let conformance = settings.shapeConformance {
            compliance.shapeConformance = conformance
        } else if !settings.shapes.isEmpty {
            compliance.shapeConformance = try GaiaXShapeConformance(shapes: settings.shapes.map(\.turtle))
        }
        return ClearingHouse(
            did: settings.did, registry: registry, notary: notary, notaryLog: NotaryLog(store: store),
            compliance: compliance, complianceLog: complianceLog)
    }

    /// The HTTP routes of every service.
    public func routes(operatorToken: String?, now: @escaping @Sendable () -> Date = Date.init) -> [ServiceRoute] {
        registry.routes(operatorToken: operatorToken, now: now) + notary.routes(log: notaryLog, now: now)
            + compliance.routes(log: complianceLog, now: now)
            + compliance.statusRoutes(log: complianceLog, operatorToken: operatorToken, now: now)
    }
}
