import ArgumentParser
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

/// `espace vc`: issue, verify and present verifiable credentials.
struct VCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vc", abstract: "Issue, verify and present verifiable credentials.",
        subcommands: [Issue.self, Verify.self, Present.self])

    /// The forms `vc issue` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jwt, jwt11
        case eddsaRdfc2022 = "eddsa-rdfc-2022"
        case eddsaJcs2022 = "eddsa-jcs-2022"
        case jws2020
        case jws2020Gaiax = "jws2020-gaiax"
    }

    /// `espace vc issue --key FILE --issuer DID --credential FILE [--format F] …`.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign a credential as its issuer.",
            discussion: """
                Reads an unsigned credential (JSON), sets its issuer to --issuer (refusing a different \
                one), fills validFrom/validUntil (issuanceDate/expirationDate for VC 1.1) when missing, \
                checks it against the VC data model, and signs it: jwt (vc+jwt, VC-JOSE-COSE), jwt11 \
                (VC-JWT 1.1), eddsa-rdfc-2022 or eddsa-jcs-2022 (Data Integrity, Ed25519 keys only), \
                jws2020 or jws2020-gaiax (JsonWebSignature2020, W3C or Gaia-X payload). The key id \
                defaults to the DID's own key for did:key and did:jwk and to DID#key-1 otherwise.
                """)

        @Option(name: .long, help: "Private JWK file of the issuer (as `espace key generate` writes).")
        var key: String

        @Option(name: .long, help: "The issuer's DID.")
        var issuer: String

        @Option(name: .long, help: "Key id: an absolute DID URL or a fragment of the issuer DID.")
        var kid: String?

        @Option(name: .long, help: "The unsigned credential (JSON file).")
        var credential: String

        @Option(name: .long, help: "jwt, jwt11, eddsa-rdfc-2022, eddsa-jcs-2022, jws2020 or jws2020-gaiax.")
        var format: Format = .jwt

        @Option(name: .long, help: "Days of validity written when the credential states no end.")
        var validDays: Int = 365

        @Option(name: .long, help: "Write the signed credential to this file.")
        var out: String?

        @Flag(name: .long, help: "Print one JSON object (format, issuer, kid, credential).")
        var json = false

        func run() throws {
            try IdentitySupport.report {
                guard (1...3650).contains(validDays) else { throw IdentitySupport.Failure("--valid-days must be 1 to 3650") }
                let (publicKey, privateKey) = try IdentitySupport.readKey(key)
                guard let privateKey else { throw IdentitySupport.Failure("\(key) holds a public key; signing needs the private JWK") }
                if format == .eddsaRdfc2022 || format == .eddsaJcs2022 {
                    guard case .ed25519 = privateKey else {
                        throw IdentitySupport.Failure(
                            "\(format.rawValue) signs with Ed25519 keys only; \(key) holds an \(IdentitySupport.describe(publicKey)) key")
                    }
                }
                guard case .object(let unsigned) = try IdentitySupport.readJSON(credential) else {
                    throw IdentitySupport.Failure("\(credential): the credential must be a JSON object")
                }
                let version = VerifiableCredential(json: unsigned).version
                if format == .jwt11, version != .v1_1 {
                    throw IdentitySupport.Failure("--format jwt11 signs VC Data Model 1.1 credentials (\(DataModelVersion.v1_1.baseContext) first)")
                }
                if format == .jwt, version != .v2_0 {
                    throw IdentitySupport.Failure("--format jwt (vc+jwt) signs VC Data Model 2.0 credentials (\(DataModelVersion.v2_0.baseContext) first)")
                }
                let kid = try VCSupport.keyID(self.kid, did: issuer, key: publicKey, relationship: .assertionMethod)
                let completed = try Self.complete(unsigned, issuer: issuer, now: Date(), validDays: validDays)
                let signed = try Self.sign(completed, format: format, key: privateKey, kid: kid)
                let text: String
                switch signed {
                case .string(let token): text = token + "\n"
                default: text = try IdentitySupport.pretty(signed)
                }
                if let out { try IdentitySupport.write(text, to: out, secret: false) }
                if json {
                    let o: JSONObject = [
                        "format": .string(format.rawValue), "issuer": .string(issuer), "kid": .string(kid), "credential": signed,
                    ]
                    print(try IdentitySupport.pretty(.object(o)), terminator: "")
                } else if let out {
                    print("Signed \(format.rawValue) credential from \(issuer) (key \(kid)) written to \(out).")
                } else {
                    print(text, terminator: "")
                }
            }
        }

        /// Sets the issuer and the validity period, then checks the data model.
        static func complete(_ unsigned: JSONObject, issuer: String, now: Date, validDays: Int) throws -> JSONObject {
            var json = unsigned
            switch json["issuer"] {
            case nil: json["issuer"] = .string(issuer)
            case .object(var object)?:
                if let id = object["id"] {
                    guard id == .string(issuer) else {
                        throw IdentitySupport.Failure("the credential's issuer.id \(id.jsonText) is not --issuer \(issuer)")
                    }
                } else {
                    object["id"] = .string(issuer)
                    json["issuer"] = .object(object)
                }
            case .string(let named)? where named == issuer: break
            case let other?:
                throw IdentitySupport.Failure("the credential's issuer \(other.jsonText) is not --issuer \(issuer)")
            }
            let version = VerifiableCredential(json: json).version
            let start = now.timeIntervalSince1970.rounded(.down)
            let end = start + Double(validDays) * 86_400
            let (from, until) = version == .v1_1 ? ("issuanceDate", "expirationDate") : ("validFrom", "validUntil")
            if json[from] == nil { json[from] = .string(XSDDateTime.format(start)) }
            if json[until] == nil { json[until] = .string(XSDDateTime.format(end)) }
            do {
                try CredentialValidator(options: .init(mode: .verification)).validate(credential: VerifiableCredential(json: json))
            } catch {
                throw IdentitySupport.Failure("the credential is not valid: \(error.message)")
            }
            return json
        }

        /// The signed credential: a token string (JWT forms) or the credential with its proof.
        static func sign(_ json: JSONObject, format: Format, key: PrivateKey, kid: String) throws(IdentityError) -> JSONValue {
            let credential = VerifiableCredential(json: json)
            let created = XSDDateTime.format(Date().timeIntervalSince1970.rounded(.down))
            switch format {
            case .jwt: return .string(try EnvelopedCredential.sign(credential: credential, key: key, kid: kid))
            case .jwt11: return .string(try CredentialJWT11.sign(credential: credential, key: key, kid: kid))
            case .eddsaRdfc2022, .eddsaJcs2022:
                let options = DataIntegrityProofOptions(
                    cryptosuite: format == .eddsaRdfc2022 ? .eddsaRdfc2022 : .eddsaJcs2022, verificationMethod: kid,
                    created: created)
                return .object(try DataIntegrity().addProof(to: json, options: options, key: key))
            case .jws2020, .jws2020Gaiax:
                return .object(
                    try JsonWebSignature2020().addProof(
                        to: json, key: key, verificationMethod: kid, created: created,
                        variant: format == .jws2020 ? .w3c : .gaiaX))
            }
        }
    }

    /// `espace vc present --key FILE --holder DID --credential FILE… [--audience A] [--nonce N]`.
    struct Present: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Wrap credential JWTs in a presentation signed by their holder (vp+jwt).",
            discussion: """
                Each --credential file holds one vc+jwt. The presentation envelops them \
                (EnvelopedVerifiableCredential), names --holder, and carries --audience as aud and \
                --nonce as nonce when given.
                """)

        @Option(name: .long, help: "Private JWK file of the holder.")
        var key: String

        @Option(name: .long, help: "The holder's DID.")
        var holder: String

        @Option(name: .long, help: "Key id: an absolute DID URL or a fragment of the holder DID.")
        var kid: String?

        @Option(name: .long, help: "A file holding one vc+jwt (repeatable).")
        var credential: [String] = []

        @Option(name: .long, help: "The verifier the presentation is for (aud).")
        var audience: String?

        @Option(name: .long, help: "The verifier's challenge (nonce).")
        var nonce: String?

        @Option(name: .long, help: "Write the vp+jwt to this file.")
        var out: String?

        @Flag(name: .long, help: "Print one JSON object (holder, kid, presentation).")
        var json = false

        func run() throws {
            try IdentitySupport.report {
                guard !credential.isEmpty else { throw IdentitySupport.Failure("give at least one --credential") }
                let (publicKey, privateKey) = try IdentitySupport.readKey(key)
                guard let privateKey else { throw IdentitySupport.Failure("\(key) holds a public key; signing needs the private JWK") }
                let kid = try VCSupport.keyID(self.kid, did: holder, key: publicKey, relationship: .authentication)
                var tokens: [String] = []
                for path in credential {
                    let bytes: [UInt8]
                    do {
                        bytes = try InputSource.read(path)
                    } catch {
                        throw IdentitySupport.Failure("\(error)")
                    }
                    guard bytes.count <= CompactJWT.maxBytes else { throw IdentitySupport.Failure("\(path): too large") }
                    tokens.append(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                }
                let vp = try Presentation.envelop(
                    credentials: tokens, holder: holder, key: privateKey, kid: kid, audience: audience, nonce: nonce)
                if let out { try IdentitySupport.write(vp + "\n", to: out, secret: false) }
                if json {
                    let o: JSONObject = ["holder": .string(holder), "kid": .string(kid), "presentation": .string(vp)]
                    print(try IdentitySupport.pretty(.object(o)), terminator: "")
                } else if let out {
                    print("Presentation of \(tokens.count) credential(s) by \(holder) (key \(kid)) written to \(out).")
                } else {
                    print(vp)
                }
            }
        }
    }
}
