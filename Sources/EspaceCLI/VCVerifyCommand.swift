import ArgumentParser
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

extension VCCommand {
    /// `espace vc verify FILE|- [--trust-issuer DID]… [--anchor PEM]… [--offline] …`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a credential or presentation and report every check.",
            discussion: """
                Reads a vc+jwt, vp+jwt, VC-JWT 1.1, or a JSON-LD credential or presentation with \
                embedded proofs (Data Integrity eddsa-rdfc-2022/eddsa-jcs-2022, JsonWebSignature2020). \
                Prints each check (✔ passed, ✘ failed with its reason, – skipped) and exits 0 when \
                valid, 1 otherwise. No issuer is trusted unless --trust-issuer names it, --anchor \
                certifies it through its x5c/x5u chain, or --trust-any-issuer is given. did:key and \
                did:jwk resolve offline; did:web documents, x5u chains and status lists are fetched \
                over HTTPS (private addresses refused) unless --offline; --did-document supplies DID \
                documents from files.
                """)

        @Argument(help: "The credential or presentation file, or - for standard input.")
        var input: String

        @Option(name: .long, help: "A trusted issuer DID (repeatable).")
        var trustIssuer: [String] = []

        @Flag(name: .long, help: "Trust any issuer whose signature verifies (development only).")
        var trustAnyIssuer = false

        @Option(name: .long, help: "PEM file of trust anchors for issuer certificate chains (repeatable).")
        var anchor: [String] = []

        @Flag(name: .long, help: "Require the EV certificate policy (2.23.140.1.1) on the issuer's leaf certificate.")
        var ev = false

        @Option(name: .long, help: "A DID document file to use instead of resolving that DID (repeatable).")
        var didDocument: [String] = []

        @Option(name: .long, help: "A host name or CIDR block that may be private (repeatable).")
        var allowHost: [String] = []

        @Flag(name: .long, help: "Allow every private address (development only).")
        var allowPrivate = false

        @Flag(name: .long, help: "Fetch nothing: no did:web, x5u or status lists.")
        var offline = false

        @Option(name: .long, help: "The audience a presentation must name (aud or proof domain).")
        var audience: String?

        @Option(name: .long, help: "The nonce a presentation must echo (nonce or proof challenge).")
        var nonce: String?

        @Flag(name: .long, help: "Require every presented credential to be about the presentation's holder.")
        var holderBinding = false

        @Option(name: .long, help: "Verify at this time (ISO 8601 with a time zone) instead of now.")
        var at: String?

        @Flag(name: .long, help: "Print the report as JSON.")
        var json = false

        func run() async throws {
            let bytes: [UInt8] = try IdentitySupport.report {
                guard !ev || !anchor.isEmpty else { throw IdentitySupport.Failure("--ev applies to --anchor chains; give an --anchor") }
                do {
                    return try InputSource.read(input)
                } catch {
                    throw IdentitySupport.Failure("\(error)")
                }
            }
            let verifier = try IdentitySupport.report { try makeVerifier() }
            let report = await verifier.verify(bytes: bytes)
            if json {
                print(try IdentitySupport.report { try IdentitySupport.pretty(report.json) }, terminator: "")
            } else {
                print(VCSupport.text(report))
            }
            if !report.isValid { throw ExitCode(1) }
        }

        func makeVerifier() throws -> CredentialVerifier {
            let now = try at.map { try VCSupport.date($0, option: "--at") } ?? Date()
            let http: (any HTTPClient)? =
                offline ? nil : try VCSupport.guardedClient(allowHost: allowHost, allowPrivate: allowPrivate)
            let resolver = try VCSupport.resolver(documents: didDocument, http: http)
            var policy = CredentialVerifier.Policy(now: now, resolver: resolver, trustedIssuers: Set(trustIssuer))
            policy.trustAnyIssuer = trustAnyIssuer
            policy.audience = audience
            policy.nonce = nonce
            policy.requireHolderBinding = holderBinding
            if !anchor.isEmpty {
                let anchors = try CAFiles.report { try TrustAnchors(pem: try anchor.map { try CAFiles.readText($0) }) }
                policy.x509 = .init(
                    anchors: anchors, requiredPolicyOID: ev ? CredentialVerifier.X509IssuerTrust.evPolicyOID : nil, http: http)
            }
            if let http {
                policy.statusChecker = StatusListChecker(source: VerifyingStatusListSource(http: http, policy: policy))
            }
            return CredentialVerifier(policy: policy)
        }
    }
}
