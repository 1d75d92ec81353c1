import ArgumentParser
import EspaceIdentity
import EspaceJSON
import Foundation

/// `espace ca`: a development certificate authority, so a local data space has real X.509
/// chains for `x5u`/`x5c` (the Gaia-X trust-anchor rule). Not for production.
struct CACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca",
        abstract: "A development certificate authority: create a CA, issue leaf certificates, verify chains.",
        subcommands: [Init.self, Issue.self, Verify.self])

    /// `espace ca init --dir DIR`: a self-signed root (or, with --parent, an intermediate).
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a CA: DIR/ca-key.pem (PKCS #8, mode 0600) and DIR/ca.pem.",
            discussion: """
                Without --parent the CA is a self-signed root. With --parent PARENT_DIR it is an \
                intermediate issued by the CA in PARENT_DIR, and DIR/ca.pem holds its certificate \
                followed by its issuers. Refuses to overwrite an existing CA unless --force.
                """)

        @Option(name: .long, help: "Directory to write the CA into (created if missing).")
        var dir: String

        @Option(name: .long, help: "Subject, as CN=…,O=…,C=… (attributes CN, O, OU, C, L, ST, DC).")
        var subject = "CN=Espace Development Root CA,O=Espace"

        @Option(name: .long, help: "CA key type: p256 or p384.")
        var keyType = "p256"

        @Option(name: .long, help: "Validity in days.")
        var days = 3650

        @Option(name: .long, help: "Directory of the CA that issues this one (makes an intermediate).")
        var parent: String?

        @Flag(name: .long, help: "Overwrite an existing CA in DIR.")
        var force = false

        @Flag(name: .long, help: "Print the result as JSON.")
        var json = false

        func run() throws {
            guard let type = DevelopmentCA.KeyType(rawValue: keyType) else {
                throw CommandFailure.exit("--key-type must be p256 or p384, got \(keyType)")
            }
            let files = CAFiles(dir)
            if !force && FileManager.default.fileExists(atPath: files.key) {
                throw CommandFailure.exit("\(files.key) exists; use --force to replace the CA")
            }
            let ca = try CAFiles.report {
                if let parent {
                    return try CAFiles(parent).load().intermediate(
                        subject: subject, keyType: type, notBefore: Date(), validityDays: days)
                }
                return try DevelopmentCA.root(subject: subject, keyType: type, notBefore: Date(), validityDays: days)
            }
            try CAFiles.report {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try CAFiles.write(try ca.privateKey.pem(), to: files.key, mode: 0o600)
                try CAFiles.write(try CertificateChain(ca.chain).pem(), to: files.certificate, mode: 0o644)
            }
            let summary = try CAFiles.report { try CertificateSummary(ca.certificate) }
            if json {
                var o = JSONObject()
                o["certificate"] = summary.json
                o["caFile"] = .string(files.certificate)
                o["keyFile"] = .string(files.key)
                try CAFiles.printJSON(.object(o))
            } else {
                print("created \(parent == nil ? "root" : "intermediate") CA \(summary.subject)")
                CAFiles.printText(summary)
                print("certificate: \(files.certificate)")
                print("private key: \(files.key)")
            }
        }
    }

    /// `espace ca issue`: a leaf certificate for a participant's key.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a leaf certificate for a public key and write its chain (leaf first) as PEM.",
            discussion: """
                The key file holds a JWK (JSON; private members are ignored), a PEM PUBLIC KEY, or \
                a PEM private key (its public half is used). The certificate has subject CN=NAME, \
                subjectAltName dNSName NAME, keyUsage digitalSignature and, with --policy, \
                certificatePolicies (e.g. 2.23.140.1.1 for EV, which Gaia-X production registries \
                require). Without --out the chain is written to standard output and nothing else; \
                with --out it goes to the file and a summary is printed.
                """)

        @Option(name: .long, help: "Directory of the issuing CA (from espace ca init).")
        var dir: String

        @Option(name: .long, help: "Public key file: JWK JSON or PEM.")
        var key: String

        @Option(name: .long, help: "Host name: the subject CN and subjectAltName dNSName.")
        var name: String

        @Option(name: .long, help: "Validity in days.")
        var days = 365

        @Option(name: .long, help: "Certificate policy OID for the leaf (repeatable).")
        var policy: [String] = []

        @Option(name: .long, help: "File to write the PEM chain to.")
        var out: String?

        @Flag(name: .long, help: "Print the summary as JSON (with --out).")
        var json = false

        func run() throws {
            let ca = try CAFiles.report { try CAFiles(dir).load() }
            let publicKey = try CAFiles.report { try CAFiles.readPublicKey(key) }
            let chain = try CAFiles.report {
                try ca.issueChain(
                    publicKey: publicKey, commonName: name, dnsNames: [name], policyOIDs: policy, notBefore: Date(),
                    validityDays: days)
            }
            let pem = try CAFiles.report { try chain.pem() }
            guard let out else {
                FileHandle.standardOutput.write(Data(pem.utf8))
                return
            }
            try CAFiles.report { try CAFiles.write(pem, to: out, mode: 0o644) }
            let summary = try CAFiles.report { try CertificateSummary(chain.leaf) }
            if json {
                var o = summary.json.objectValue ?? [:]
                o["chainFile"] = .string(out)
                o["chainLength"] = .number(JSONNumber(chain.certificates.count))
                try CAFiles.printJSON(.object(o))
            } else {
                print("issued \(summary.subject)")
                CAFiles.printText(summary)
                print("chain (\(chain.certificates.count) certificates): \(out)")
            }
        }
    }

    /// `espace ca verify`: validates a chain against trust anchors.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that a PEM chain (leaf first) reaches a trust anchor, and show its leaf.",
            discussion: """
                Checks signatures, CA constraints and validity (at --at, default now), that the \
                leaf allows digitalSignature and, with --policy, that it carries that certificate \
                policy. With --jwk the JWK must also be the leaf's key (the Gaia-X rule). On \
                failure prints error: <message> [reason] and exits with 1.
                """)

        @Option(name: .long, help: "PEM file with the chain, leaf first.")
        var chain: String

        @Option(name: .long, help: "PEM file with trust anchor certificates (repeatable).")
        var anchor: [String]

        @Option(name: .long, help: "Certificate policy OID the leaf must carry (e.g. 2.23.140.1.1).")
        var policy: String?

        @Option(name: .long, help: "Validation time, RFC 3339 (default: now).")
        var at: String?

        @Option(name: .long, help: "JWK or PEM public key file that must be the leaf's key.")
        var jwk: String?

        @Flag(name: .long, help: "Print the result as JSON.")
        var json = false

        func run() throws {
            guard !anchor.isEmpty else { throw CommandFailure.exit("give at least one --anchor") }
            var time = Date()
            if let at {
                guard let parsed = ISO8601DateFormatter().date(from: at) else {
                    throw CommandFailure.exit("--at \(at) is not an RFC 3339 time such as 2026-01-31T12:00:00Z")
                }
                time = parsed
            }
            let parsedChain = try CAFiles.report { try CertificateChain(pem: try CAFiles.readText(chain)) }
            let anchors = try CAFiles.report { try TrustAnchors(pem: try anchor.map { try CAFiles.readText($0) }) }
            let expectedKey = try CAFiles.report { try jwk.map { try CAFiles.readPublicKey($0) } }
            let options = ChainValidator.Options(validationTime: time, requiredPolicyOID: policy)
            let validator = ChainValidator(anchors: anchors, options: options)
            let validated = try CAFiles.report {
                try CABlocking.wait { () async throws(IdentityError) in try await validator.validate(parsedChain) }
            }
            if let expectedKey {
                try CAFiles.report { try LeafKeyCheck.check(key: expectedKey, leaf: validated.leaf) }
            }
            let summary = try CAFiles.report { try CertificateSummary(validated.leaf) }
            let anchorSubject = try CAFiles.report { try CertificateSummary(validated.anchor).subject }
            if json {
                var o = JSONObject()
                o["valid"] = true
                o["leaf"] = summary.json
                o["anchor"] = .string(anchorSubject)
                o["chainLength"] = .number(JSONNumber(validated.certificates.count))
                try CAFiles.printJSON(.object(o))
            } else {
                print("valid: chain of \(validated.certificates.count) reaches trust anchor \(anchorSubject)")
                CAFiles.printText(summary)
            }
        }
    }
}
