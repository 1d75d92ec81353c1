import ArgumentParser
import EspaceClearingHouse
import EspaceCredentials
import EspaceDCP
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import EspaceStore
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

            With --role clearing-house --config FILE the node is a Gaia-X clearing house: the
            registry (trust anchors, trusted notaries and clearing houses, shapes, terms and
            conditions) and the notary, with their state in an SQLite store (see
            docs/CLEARING-HOUSE.md for the configuration file).
            """)

    enum Role: String, ExpressibleByArgument {
        case participant
        case clearingHouse = "clearing-house"
    }

    @Option(help: "participant (default) or clearing-house.")
    var role: Role = .participant

    @Option(help: "The clearing house's configuration file (JSON); with --role clearing-house.")
    var config: String?

    @Option(help: "The node's private key (a private JWK, as `espace key generate` writes).")
    var key: String?

    @Option(help: "A wallet folder written by `espace participant onboard`: its key.jwk, certificate.pem (published as x5c) and credentials/*.jwt.")
    var wallet: String?

    @Option(help: "The URL the node is reached at, e.g. https://node.example or http://127.0.0.1:8181.")
    var publicURL: String?

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

    @Option(help: "PEM file of trust anchors: issuers whose key chains to one are trusted (Gaia-X rule; repeatable).")
    var anchor: [String] = []

    @Flag(help: "With --anchor: require the EV policy (2.23.140.1.1) in issuer certificates.")
    var ev = false

    @Flag(help: "Allow other participants at loopback and private addresses (local data spaces).")
    var allowPrivate = false

    @Flag(help: "Allow http:// DID documents and credential services (local data spaces only).")
    var insecureHTTP = false

    func run() async throws {
        if role == .clearingHouse {
            guard let config else { throw IdentitySupport.Failure("--role clearing-house needs --config FILE") }
            try await ClearingHouseNode.run(config: ClearingHouseConfigFile(path: config), host: host, port: port)
            return
        }
        let walletURL = wallet.map { URL(fileURLWithPath: $0) }
        guard let key = key ?? walletURL?.appendingPathComponent("key.jwk").path, let publicURL else {
            throw IdentitySupport.Failure("a participant node needs --public-url and --key (or --wallet)")
        }
        let (_, privateKey) = try IdentitySupport.readKey(key)
        guard let privateKey else { throw IdentitySupport.Failure("\(key) holds no private key (\"d\")") }
        var settings = NodeAssembly.Settings(publicURL: publicURL, did: did)
        settings.trust = try NodeAssembly.trust(trustedIssuers)
        settings.allowPrivate = allowPrivate
        settings.insecureHTTP = insecureHTTP
        if !anchor.isEmpty {
            settings.anchors = try CAFiles.report { try TrustAnchors(pem: try anchor.map { try CAFiles.readText($0) }) }
            settings.requireEV = ev
        } else if ev {
            throw IdentitySupport.Failure("--ev applies to --anchor chains; give an --anchor")
        }
        for file in didDocuments {
            settings.localDocuments.append(
                try IdentitySupport.report { try DIDDocument(json: try IdentitySupport.readJSON(file)) })
        }
        var walletCredentials: [String] = []
        if let walletURL {
            let certificate = walletURL.appendingPathComponent("certificate.pem").path
            if FileManager.default.fileExists(atPath: certificate) {
                settings.certificateChain = try CAFiles.report { try CertificateChain(pem: try CAFiles.readText(certificate)).x5c() }
            }
            let folder = walletURL.appendingPathComponent("credentials")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            walletCredentials = names.filter { $0.hasSuffix(".jwt") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        let node = try NodeAssembly(key: privateKey, settings: settings)
        let now = Date().timeIntervalSince1970
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        // The participant's own Gaia-X documents: each wallet file credentials/NAME.jwt is about
        // BASE/credentials/NAME.json#cs (as `espace participant onboard` and `offering certify` name them).
        let own = Set(
            walletCredentials.map {
                ParticipantOnboarding.subject(URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent, base: base)
            })
        for file in credentials + walletCredentials {
            let jwt = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                let stored = try await node.wallet.store(jwt, now: now, subjects: own)
                FileHandle.standardOutput.write(Data("holding \(stored.types.last ?? "credential") from \(stored.issuer)\n".utf8))
            } catch {
                throw IdentitySupport.Failure("\(file): \(error.message)")
            }
        }
        let listenPort = port ?? node.port ?? 8080
        let nodeDID = node.did
        let host = self.host
        try await NodeServer.run(endpoints: node.endpoints, host: host, port: listenPort) { bound in
            FileHandle.standardOutput.write(Data("espace node \(nodeDID) listening on http://\(host):\(bound)\n".utf8))
        }
    }
}
