import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import Foundation

/// A participant's node put together from its key and public URL: DID document, DCP
/// credential service and verifier, and the HTTP endpoints serving them. Used by
/// `espace serve` and `espace demo`.
struct NodeAssembly {
    /// How the node reaches others and whom it trusts.
    struct Settings {
        var publicURL: String
        var did: String?
        /// Trusted issuers per credential type (`*` for any).
        var trust: [String: Set<String>] = [:]
        /// DID documents resolved locally instead of over the network.
        var localDocuments: [DIDDocument] = []
        var allowPrivate = false
        var insecureHTTP = false
        /// Trust anchors for issuers' X.509 chains (the Gaia-X rule), with the EV policy if set.
        var anchors: TrustAnchors?
        var requireEV = false
        /// The X.509 chain certifying the node's key, published as `x5c` in its DID document.
        var certificateChain: [String]?
    }

    let did: String
    let document: DIDDocument
    let sts: SecureTokenService
    let wallet: CredentialService
    let verifier: DCPVerifier
    var endpoints: NodeEndpoints
    /// The guarded HTTP client the node reaches others with.
    let network: any HTTPClient
    /// How the node resolves DIDs (its own document locally, did:web through `network`).
    let resolvers: DIDResolvers
    /// The port of the public URL, if it names one.
    let port: Int?

    init(key privateKey: PrivateKey, settings: Settings) throws {
        guard let base = URL(string: settings.publicURL), let scheme = base.scheme, ["http", "https"].contains(scheme),
            let authority = base.host
        else { throw IdentitySupport.Failure("the public URL must be an http(s) URL, found \(settings.publicURL)") }
        let path = base.path.split(separator: "/").map(String.init)
        var webDID = "did:web:" + authority + (base.port.map { "%3A\($0)" } ?? "")
        for segment in path { webDID += ":" + segment }
        did = settings.did ?? webDID
        port = base.port
        let cleanBase = settings.publicURL.hasSuffix("/") ? String(settings.publicURL.dropLast()) : settings.publicURL
        let nodeDID = did
        document = try IdentitySupport.report {
            try DIDDocument.forNode(
                did: nodeDID,
                keys: [
                    .init(
                        fragment: "key-1", publicKey: privateKey.publicKey, algorithm: privateKey.algorithm,
                        x5c: settings.certificateChain)
                ],
                services: [DIDService(id: nodeDID + "#credential-service", type: "CredentialService", endpoint: cleanBase)])
        }
        let network = GuardedHTTPClient(
            client: URLSessionHTTPClient(), resolver: SystemHostResolver(),
            allowList: AddressAllowList(hosts: [], networks: [], allowAllPrivate: settings.allowPrivate))
        var local: [String: DIDDocument] = [did: document]
        for document in settings.localDocuments { local[document.id] = document }
        var resolvers = DIDResolvers.offline
        resolvers.resolvers["web"] = LocalFirstResolver(
            local: local, remote: DIDWebResolver(client: network, allowInsecureHTTP: settings.insecureHTTP))
        sts = SecureTokenService(participant: did, key: privateKey, kid: did + "#key-1")
        let wallet = CredentialService(holder: sts, resolver: resolvers)
        // Status lists are fetched and verified with the trusted issuers, at each fetch.
        let listIssuers = settings.trust.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let statusChecker = StatusListChecker(
            source: LiveStatusListSource(http: network, resolver: resolvers, trustedIssuers: listIssuers))
        var verifier = DCPVerifier(
            identity: sts, resolver: resolvers, http: network, trustedIssuers: .init(settings.trust),
            statusChecker: statusChecker, allowInsecureHTTP: settings.insecureHTTP)
        if let anchors = settings.anchors {
            verifier.x509 = .init(
                anchors: anchors, requiredPolicyOID: settings.requireEV ? CredentialVerifier.X509IssuerTrust.evPolicyOID : nil,
                http: network, allowInsecureHTTP: settings.insecureHTTP)
        }
        self.wallet = wallet
        self.verifier = verifier
        self.network = network
        self.resolvers = resolvers
        let dcp = verifier
        endpoints = NodeEndpoints(
            didDocument: document.json,
            didDocumentPaths: path.isEmpty ? ["/.well-known/did.json"] : ["/" + path.joined(separator: "/") + "/did.json"],
            presentationQuery: { authorization, body in
                await wallet.handleQuery(authorization: authorization, body: body, now: Date().timeIntervalSince1970)
            },
            identityVerification: { authorization, body in
                await dcp.handleVerification(authorization: authorization, body: body, now: Date().timeIntervalSince1970)
            })
    }

    /// Parses `TYPE=DID` trust entries.
    static func trust(_ entries: [String]) throws -> [String: Set<String>] {
        var trust: [String: Set<String>] = [:]
        for entry in entries {
            guard let eq = entry.firstIndex(of: "="), entry[entry.index(after: eq)...].hasPrefix("did:") else {
                throw IdentitySupport.Failure("--trust-issuer takes TYPE=DID, found \(entry)")
            }
            trust[String(entry[..<eq]), default: []].insert(String(entry[entry.index(after: eq)...]))
        }
        return trust
    }
}

/// Resolves DIDs from local documents first, then from the network.
struct LocalFirstResolver: DIDResolver {
    var local: [String: DIDDocument]
    var remote: any DIDResolver

    func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        if let document = local[did] { return document }
        return try await remote.resolve(did)
    }
}

/// Fetches status list credentials over the network and verifies them (signature, trusted
/// issuer, validity) at the time of each fetch.
struct LiveStatusListSource: StatusListCredentialSource {
    var http: any HTTPClient
    var resolver: any VerificationMethodResolver
    var trustedIssuers: Set<String>

    func statusListCredential(at url: String) async throws(IdentityError) -> JSONObject {
        let policy = CredentialVerifier.Policy(now: Date(), resolver: resolver, trustedIssuers: trustedIssuers)
        return try await VerifyingStatusListSource(http: http, policy: policy).statusListCredential(at: url)
    }
}
