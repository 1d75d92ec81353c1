import ArgumentParser
import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import Foundation

/// `espace serve`: runs a participant's node: its DID document, its DCP credential
/// service, and DCP verification of callers.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a node: did.json, the DCP credential service and caller verification.",
        discussion: """
            The node's DID is did:web of --public-url (or --did). It serves its DID document at
            /.well-known/did.json (or /PATH/did.json), the DCP resolution API at
            POST /presentations/query for the credentials given with --credential, and
            POST /identity/verify, which checks a caller's ID token and credentials with DCP.
            Other participants' did:web documents are fetched over HTTPS with private
            addresses refused, unless --allow-private / --insecure-http (local data spaces).
            """)

    @Option(help: "The node's private key (a private JWK, as `espace key generate` writes).")
    var key: String

    @Option(help: "The URL the node is reached at, e.g. https://node.example or http://127.0.0.1:8181.")
    var publicURL: String

    @Option(help: "The node's DID (default: did:web of --public-url).")
    var did: String?

    @Option(help: "Interface to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (default: the port of --public-url, else 8080).")
    var port: Int?

    @Option(name: .customLong("credential"), help: "A vc+jwt credential to hold in the credential service (repeatable).")
    var credentials: [String] = []

    @Option(name: .customLong("trust-issuer"), help: "TYPE=DID: trust DID to issue TYPE credentials (TYPE * for any; repeatable).")
    var trustedIssuers: [String] = []

    @Option(name: .customLong("did-document"), help: "A DID document file to resolve locally instead of over the network (repeatable).")
    var didDocuments: [String] = []

    @Flag(help: "Allow other participants at loopback and private addresses (local data spaces).")
    var allowPrivate = false

    @Flag(help: "Allow http:// DID documents and credential services (local data spaces only).")
    var insecureHTTP = false

    func run() async throws {
        let (_, privateKey) = try IdentitySupport.readKey(key)
        guard let privateKey else { throw IdentitySupport.Failure("\(key) holds no private key (\"d\")") }
        guard let base = URL(string: publicURL), let scheme = base.scheme, ["http", "https"].contains(scheme), let authority = base.host
        else { throw IdentitySupport.Failure("--public-url must be an http(s) URL, found \(publicURL)") }
        let path = base.path.split(separator: "/").map(String.init)
        var webDID = "did:web:" + authority + (base.port.map { "%3A\($0)" } ?? "")
        for segment in path { webDID += ":" + segment }
        let nodeDID = did ?? webDID
        let fragment = "key-1"
        let kid = nodeDID + "#" + fragment
        let cleanBase = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        let document = try IdentitySupport.report {
            try DIDDocument.forNode(
                did: nodeDID, keys: [.init(fragment: fragment, publicKey: privateKey.publicKey, algorithm: privateKey.algorithm)],
                services: [DIDService(id: nodeDID + "#credential-service", type: "CredentialService", endpoint: cleanBase)])
        }
        let didPaths = path.isEmpty ? ["/.well-known/did.json"] : ["/" + path.joined(separator: "/") + "/did.json"]

        let network = GuardedHTTPClient(
            client: URLSessionHTTPClient(), resolver: SystemHostResolver(),
            allowList: AddressAllowList(hosts: [], networks: [], allowAllPrivate: allowPrivate))
        var local: [String: DIDDocument] = [nodeDID: document]
        for file in didDocuments {
            let parsed = try IdentitySupport.report { try DIDDocument(json: try IdentitySupport.readJSON(file)) }
            local[parsed.id] = parsed
        }
        var resolvers = DIDResolvers.offline
        resolvers.resolvers["web"] = LocalFirstResolver(
            local: local, remote: DIDWebResolver(client: network, allowInsecureHTTP: insecureHTTP))

        let sts = SecureTokenService(participant: nodeDID, key: privateKey, kid: kid)
        let service = CredentialService(holder: sts, resolver: resolvers)
        let now = Date().timeIntervalSince1970
        for file in credentials {
            let jwt = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                let stored = try await service.store(jwt, now: now)
                FileHandle.standardOutput.write(Data("holding \(stored.types.last ?? "credential") from \(stored.issuer)\n".utf8))
            } catch {
                throw IdentitySupport.Failure("\(file): \(error.message)")
            }
        }
        var trust: [String: Set<String>] = [:]
        for entry in trustedIssuers {
            guard let eq = entry.firstIndex(of: "="), entry[entry.index(after: eq)...].hasPrefix("did:") else {
                throw IdentitySupport.Failure("--trust-issuer takes TYPE=DID, found \(entry)")
            }
            trust[String(entry[..<eq]), default: []].insert(String(entry[entry.index(after: eq)...]))
        }
        // Status lists are fetched and verified with the issuers trusted above, at the time of
        // each fetch.
        let listIssuers = trust.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let statusChecker = StatusListChecker(
            source: LiveStatusListSource(http: network, resolver: resolvers, trustedIssuers: listIssuers))
        let verifier = DCPVerifier(
            identity: sts, resolver: resolvers, http: network, trustedIssuers: .init(trust), statusChecker: statusChecker,
            allowInsecureHTTP: insecureHTTP)
        let endpoints = NodeEndpoints(
            didDocument: document.json, didDocumentPaths: didPaths,
            presentationQuery: { authorization, body in
                await service.handleQuery(authorization: authorization, body: body, now: Date().timeIntervalSince1970)
            },
            identityVerification: { authorization, body in
                await verifier.handleVerification(authorization: authorization, body: body, now: Date().timeIntervalSince1970)
            })
        let listenPort = port ?? base.port ?? 8080
        try await NodeServer.run(endpoints: endpoints, host: host, port: listenPort) { bound in
            FileHandle.standardOutput.write(Data("espace node \(nodeDID) listening on http://\(host):\(bound)\n".utf8))
        }
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
