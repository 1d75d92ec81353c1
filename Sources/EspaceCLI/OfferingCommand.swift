import ArgumentParser
import Crypto
import EspaceIdentity
import EspaceJSON
import EspaceNetwork
import EspaceServer
import Foundation

/// `espace offering`: a participant's service offerings.
struct OfferingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offering",
        abstract: "Certify a participant's service offering with a clearing house.",
        subcommands: [OfferingCertifyCommand.self])
}

/// `espace offering certify`: a `gx:ServiceOffering` signed by an onboarded participant and
/// certified with the credentials of its onboarding, both stored in its wallet.
struct OfferingCertifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Sign a gx:ServiceOffering and obtain its compliance credential.",
        discussion: """
            The participant's wallet (from `espace participant onboard`) gives its key, certificate and
            credentials. The offering names the participant's legal person as its provider and the
            offering's terms and conditions (URL and SHA-256 of the text). The node serves its DID
            document while the clearing house checks the presentation (legal person, terms acceptance,
            registration number, offering). Writes DIR/credentials/offering-SLUG.jwt and
            offering-SLUG-compliance.jwt; exits 1 with every failed check if refused.
            """)

    @Option(help: "The participant's wallet folder.")
    var wallet: String

    @Option(help: "The participant's public URL (as when it onboarded).")
    var publicURL: String

    @Option(help: "The clearing house's URL.")
    var clearingHouse: String

    @Option(help: "The offering's name.")
    var name: String

    @Option(help: "What the offering is.")
    var description: String

    @Option(help: "Where the offering's terms and conditions are published.")
    var termsURL: String

    @Option(help: "The terms and conditions text, hashed with SHA-256 (or give --terms-hash).")
    var termsFile: String?

    @Option(help: "The SHA-256 of the terms and conditions, hex.")
    var termsHash: String?

    @Option(name: .customLong("keyword"), help: "A keyword (repeatable).")
    var keywords: [String] = []

    @Option(help: "The file name part of the offering's credentials (default: from the name).")
    var slug: String?

    @Flag(help: "Allow the clearing house at a loopback or private address (local data spaces).")
    var allowPrivate = false

    @Flag(help: "Allow plain http:// (local data spaces only).")
    var insecureHTTP = false

    func run() async throws {
        let out = Narrator()
        let folder = URL(fileURLWithPath: wallet)
        let (_, loaded) = try IdentitySupport.readKey(folder.appendingPathComponent("key.jwk").path)
        guard let key = loaded else { throw IdentitySupport.Failure("\(wallet)/key.jwk holds no private key") }
        let hash: String
        if let termsHash {
            guard termsHash.count == 64, Hex.decode(termsHash) != nil else {
                throw IdentitySupport.Failure("--terms-hash must be 64 hex digits")
            }
            hash = termsHash.lowercased()
        } else if let termsFile {
            hash = Hex.encode(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: termsFile))))
        } else {
            throw IdentitySupport.Failure("give --terms-file or --terms-hash")
        }
        var settings = NodeAssembly.Settings(publicURL: publicURL)
        settings.allowPrivate = allowPrivate
        settings.insecureHTTP = insecureHTTP
        settings.certificateChain = try CAFiles.report {
            try CertificateChain(pem: try CAFiles.readText(folder.appendingPathComponent("certificate.pem").path)).x5c()
        }
        let node = try NodeAssembly(key: key, settings: settings)
        var credentials: [String] = []
        for name in ParticipantOnboarding.onboardingCredentials {
            let path = folder.appendingPathComponent("credentials/\(name).jwt").path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw IdentitySupport.Failure("\(path) is missing: onboard the participant first")
            }
            credentials.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let slug = self.slug ?? Self.slug(name)
        let network = try VCSupport.guardedClient(allowHost: [], allowPrivate: allowPrivate)
        let onboarding = ParticipantOnboarding(
            node: node, key: key, profile: .init(legalName: "", countryCode: "", vatID: ""), http: network, out: out)
        out.step("Certifying \"\(name)\" for \(node.did) with \(clearingHouse)")
        let port = node.port ?? 8080
        let outcome = try await ServingNodes.whileServing([(node.endpoints, port)]) {
            try await onboarding.certifyOffering(
                slug: slug, name: name, description: description, termsURL: termsURL, termsHash: hash, keywords: keywords,
                onboarded: credentials, house: clearingHouse, now: Date())
        }
        if let offering = outcome.credentials.first {
            try IdentitySupport.write(offering + "\n", to: folder.appendingPathComponent("credentials/offering-\(slug).jwt").path, secret: false)
        }
        guard let label = outcome.label else {
            throw CommandFailure.exit("the clearing house refused: \(outcome.refusal.joined(separator: "; "))")
        }
        try IdentitySupport.write(
            label + "\n", to: folder.appendingPathComponent("credentials/offering-\(slug)-compliance.jwt").path, secret: false)
        out.say("\nCertified: credentials/offering-\(slug).jwt and its compliance credential are in \(wallet).")
    }

    /// `Weather observations` → `weather-observations`.
    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.isEmpty ? "offering" : words.joined(separator: "-")
    }
}
