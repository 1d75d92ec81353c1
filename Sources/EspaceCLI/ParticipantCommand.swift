import ArgumentParser
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import Foundation

/// `espace participant`: a participant's life in a data space.
struct ParticipantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant",
        abstract: "Onboard a participant with a clearing house.",
        subcommands: [ParticipantOnboardCommand.self])
}

/// `espace participant onboard`: keys, certificate, DID document, credentials and the
/// compliance credential, step by step, into a wallet folder that `espace serve --wallet` serves.
struct ParticipantOnboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard",
        abstract: "Create a participant's identity and credentials and certify them with a clearing house.",
        discussion: """
            Steps, each printed: a P-256 key (or --key), a certificate for the public URL's host
            from the development CA in --ca, the did:web document of --public-url publishing the
            chain as x5c (served on the public URL's port while onboarding, so the clearing house
            can resolve it), the gx:LegalPerson and terms-acceptance credentials signed by the
            participant, the registration-number credential from the clearing house's notary, and
            the compliance credential from its compliance service. Writes DIR/key.jwk (0600),
            DIR/certificate.pem, DIR/did.json and DIR/credentials/*.jwt; `espace serve --wallet DIR
            --public-url URL` then serves them. Exits 1 if the clearing house refuses, with every
            failed check.
            """)

    @Option(help: "The clearing house's URL (its registry, notary and compliance routes).")
    var clearingHouse: String

    @Option(help: "The URL the participant's node is reached at, e.g. http://127.0.0.1:8181.")
    var publicURL: String

    @Option(help: "The wallet folder to write (created if needed).")
    var dir: String

    @Option(help: "The development CA folder (`espace ca init`) that certifies the participant's key.")
    var ca: String

    @Option(help: "The participant's legal name.")
    var legalName: String

    @Option(help: "Country of the legal address (ISO 3166-1 alpha-2).")
    var country: String

    @Option(help: "The VAT ID the notary checks, e.g. BE0123456749.")
    var vatID: String

    @Option(help: "An existing private JWK to use instead of generating one.")
    var key: String?

    @Flag(help: "Allow the clearing house at a loopback or private address (local data spaces).")
    var allowPrivate = false

    @Flag(help: "Allow plain http:// (local data spaces only).")
    var insecureHTTP = false

    func run() async throws {
        let out = Narrator()
        let folder = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("credentials"), withIntermediateDirectories: true)
        out.step("1. Key")
        let privateKey: PrivateKey
        if let key {
            let (_, loaded) = try IdentitySupport.readKey(key)
            guard let loaded else { throw IdentitySupport.Failure("\(key) holds no private key (\"d\")") }
            privateKey = loaded
            out.say("   using \(key)")
        } else {
            privateKey = try IdentitySupport.report { try PrivateKey.generate(.es256) }
            out.say("   generated a P-256 key")
        }
        try IdentitySupport.write(
            try IdentitySupport.pretty(.object(try IdentitySupport.report { try privateKey.privateJWK() })),
            to: folder.appendingPathComponent("key.jwk").path, secret: true)

        out.step("2. Certificate")
        guard let host = URL(string: publicURL)?.host else { throw IdentitySupport.Failure("--public-url \(publicURL) has no host") }
        let authority = try CAFiles.report { try CAFiles(ca).load() }
        let chain = try CAFiles.report {
            try authority.issueChain(publicKey: privateKey.publicKey, commonName: host, dnsNames: [host], notBefore: Date() - 300)
        }
        try CAFiles.write(try CAFiles.report { try chain.pem() }, to: folder.appendingPathComponent("certificate.pem").path, mode: 0o644)
        out.say("   \(chain.leaf.subject), issued by \(chain.leaf.issuer)")

        out.step("3. DID document")
        var settings = NodeAssembly.Settings(publicURL: publicURL)
        settings.allowPrivate = allowPrivate
        settings.insecureHTTP = insecureHTTP
        settings.certificateChain = try CAFiles.report { try chain.x5c() }
        let node = try NodeAssembly(key: privateKey, settings: settings)
        let document = try IdentitySupport.pretty(node.document.json)
        try IdentitySupport.write(document, to: folder.appendingPathComponent("did.json").path, secret: false)
        out.say("   \(node.did), its key certified by the chain (x5c)")

        out.step("4. Credentials and compliance, with \(clearingHouse)")
        let network = try VCSupport.guardedClient(allowHost: [], allowPrivate: allowPrivate)
        let onboarding = ParticipantOnboarding(
            node: node, key: privateKey, profile: .init(legalName: legalName, countryCode: country, vatID: vatID), http: network,
            out: out)
        let port = node.port ?? 8080
        let outcome = try await ServingNodes.whileServing([(node.endpoints, port)]) {
            try await onboarding.onboard(clearingHouse: clearingHouse, now: Date())
        }
        for (name, jwt) in zip(ParticipantOnboarding.onboardingCredentials, outcome.credentials) {
            try IdentitySupport.write(jwt + "\n", to: folder.appendingPathComponent("credentials/\(name).jwt").path, secret: false)
        }
        guard let label = outcome.label else {
            throw CommandFailure.exit("the clearing house refused: \(outcome.refusal.joined(separator: "; "))")
        }
        try IdentitySupport.write(label + "\n", to: folder.appendingPathComponent("credentials/compliance.jwt").path, secret: false)
        out.say("\nOnboarded: \(node.did). Wallet in \(folder.path); serve it with:")
        out.say("   espace serve --wallet \(dir) --public-url \(publicURL)")
    }
}
