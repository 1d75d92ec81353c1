import ArgumentParser
import EspaceIdentity
import EspaceJSON
import Foundation

/// `espace key`: signing keys as JWKs.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Signing keys as JSON Web Keys.", subcommands: [Generate.self])

    /// The key types `key generate` makes.
    enum KeyType: String, ExpressibleByArgument, CaseIterable {
        case ed25519, p256, p384, rsa

        var algorithm: JWSAlgorithm {
            switch self {
            case .ed25519: return .edDSA
            case .p256: return .es256
            case .p384: return .es384
            case .rsa: return .ps256
            }
        }
    }

    /// `espace key generate --type T [--out FILE] [--json]`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a signing key and write it as a private JWK.",
            discussion: """
                The private JWK (with "d") goes to --out, created with mode 0600, or to standard output \
                without --out. The public JWK, its RFC 7638 thumbprint and the key's did:key and did:jwk \
                identifiers are printed. RSA keys are 2048 bits and sign PS256.
                """)

        @Option(name: .long, help: "Key type: ed25519, p256, p384 or rsa.")
        var type: KeyType = .ed25519

        @Option(name: .long, help: "File to write the private JWK to (mode 0600).")
        var out: String?

        @Flag(name: .long, help: "Print one JSON object instead of text.")
        var json = false

        func run() throws {
            try IdentitySupport.report {
                let key = try PrivateKey.generate(type.algorithm)
                let privateJWK = try key.privateJWK()
                if let out {
                    try IdentitySupport.write(try IdentitySupport.pretty(.object(privateJWK)), to: out, secret: true)
                }
                let publicJWK = key.publicKey.jwk
                let thumbprint = try publicJWK.thumbprint()
                let didKey = try? DIDKey.did(for: key.publicKey)
                let didJWK = DIDJWK.did(for: key.publicKey)
                if json {
                    var o: JSONObject = [
                        "type": .string(type.rawValue), "alg": .string(key.algorithm.rawValue),
                        "publicJwk": publicJWK.json,
                        "thumbprint": .string(thumbprint), "didJwk": .string(didJWK),
                    ]
                    if let didKey { o["didKey"] = .string(didKey) }
                    if let out { o["privateJwkFile"] = .string(out) } else { o["privateJwk"] = .object(privateJWK) }
                    print(try IdentitySupport.pretty(.object(o)), terminator: "")
                    return
                }
                print("Generated \(IdentitySupport.describe(key.publicKey)) key (signs \(key.algorithm.rawValue)).")
                if let out {
                    print("Private JWK written to \(out) (mode 0600).")
                } else {
                    print("Private JWK (keep it secret):")
                    print(try IdentitySupport.pretty(.object(privateJWK)), terminator: "")
                }
                print("Public JWK: \(publicJWK.json.jsonText)")
                print("Thumbprint (RFC 7638): \(thumbprint)")
                if let didKey { print("did:key: \(didKey)") }
                print("did:jwk: \(didJWK)")
            }
        }
    }
}
