import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// vp+jwt built with `Presentation.envelop` and verified with `EnvelopedPresentation.verify`.
@Suite("Enveloped presentations (vp+jwt)")
struct EnvelopedPresentationTests {
    typealias Fixture = EnvelopedCredentialTests
    static let holder = "did:web:holder.example"
    static let validity = (Fixture.now - 3_600)...(Fixture.now + 3_600)

    /// Issuer and holder keys (holder key under `authentication` only).
    static func setup(_ alg: JWSAlgorithm) throws -> (issuerKey: PrivateKey, holderKey: PrivateKey, resolver: InMemoryResolver) {
        let issuerKey = try PrivateKey.generate(.es256)
        let holderKey = try PrivateKey.generate(alg)
        var resolver = InMemoryResolver()
        resolver.publish(Fixture.issuer + "#key-1", key: issuerKey.publicKey, for: [.assertionMethod])
        resolver.publish(holder + "#auth", key: holderKey.publicKey, for: [.authentication])
        return (issuerKey, holderKey, resolver)
    }

    @Test(arguments: [JWSAlgorithm.es256, .ps256, .edDSA])
    func buildsAndVerifies(_ alg: JWSAlgorithm) async throws {
        let (issuerKey, holderKey, resolver) = try Self.setup(alg)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: issuerKey, kid: "#key-1")
        let vp = try Presentation.envelop(
            credentials: [vc, vc], holder: Self.holder, key: holderKey, kid: "#auth", audience: "https://verifier.example",
            nonce: "n-0S6_WzA2Mj", validity: Self.validity)
        let decoded = try EnvelopedPresentation.decode(vp)
        #expect(decoded.header["typ"] == "vp+jwt")
        #expect(decoded.header["cty"] == "vp")
        #expect(decoded.header["iss"] == .string(Self.holder))
        #expect(decoded.credentials.count == 2)
        #expect(decoded.presentation.envelopedCredentialURLs == [EnvelopedCredential.dataURL(vc), EnvelopedCredential.dataURL(vc)])
        #expect(throws: Never.self) { try CredentialValidator().validate(presentation: decoded.presentation) }
        let verified = try await EnvelopedPresentation.verify(
            vp, resolver: resolver, validator: Fixture.validator,
            expectations: .init(audience: "https://verifier.example", nonce: "n-0S6_WzA2Mj"))
        #expect(verified.credentials.count == 2)
        #expect(verified.credentials.first?.credential == Fixture.credential())
        #expect(verified.verificationMethod.id == Self.holder + "#auth")
    }

    @Test func wrongAudienceNonceAndExpiry() async throws {
        let (issuerKey, holderKey, resolver) = try Self.setup(.es256)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: issuerKey, kid: "#key-1")
        let vp = try Presentation.envelop(
            credentials: [vc], holder: Self.holder, key: holderKey, kid: "#auth", audience: "https://verifier.example",
            nonce: "abc", validity: Self.validity)
        let audience = await #expect(throws: IdentityError.self) {
            try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: Fixture.validator, expectations: .init(audience: "https://other.example"))
        }
        #expect(audience?.reason == .wrongAudience)
        let nonce = await #expect(throws: IdentityError.self) {
            try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: Fixture.validator, expectations: .init(nonce: "xyz"))
        }
        #expect(nonce?.reason == .replayed)
        let late = CredentialValidator(options: .init(now: Fixture.now + 7_200))
        let expired = await #expect(throws: IdentityError.self) { try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: late) }
        #expect(expired?.reason == .expired)
    }

    @Test func holderKeyMustBeAnAuthenticationKey() async throws {
        let (issuerKey, _, resolver) = try Self.setup(.es256)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: issuerKey, kid: "#key-1")
        // The issuer's assertion key is not listed for authentication.
        let vp = try Presentation.envelop(credentials: [vc], holder: Fixture.issuer, key: issuerKey, kid: "#key-1")
        let error = await #expect(throws: IdentityError.self) { try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: Fixture.validator) }
        #expect(error?.reason == .notAuthorized)
    }

    @Test func headerIssuerMustBeTheHolder() async throws {
        let (issuerKey, holderKey, resolver) = try Self.setup(.es256)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: issuerKey, kid: "#key-1")
        let payload: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiablePresentation", "holder": .string(Self.holder),
            "verifiableCredential": [["@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential", "id": .string(EnvelopedCredential.dataURL(vc))]],
        ]
        let vp = try JWS.sign(try JSONCanonicalization.canonicalBytes(payload), key: holderKey,
            header: ["typ": "vp+jwt", "iss": "did:web:mallory.example", "kid": .string(Self.holder + "#auth")])
        let error = await #expect(throws: IdentityError.self) { try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: Fixture.validator) }
        #expect(error?.reason == .wrongIssuer)
    }

    @Test func tamperedEnvelopedCredentialIsSignatureInvalid() async throws {
        let (issuerKey, holderKey, resolver) = try Self.setup(.es256)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: issuerKey, kid: "#key-1")
        var json = Fixture.credential().json
        json["id"] = "https://issuer.example/credentials/2"
        let other = try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: issuerKey, kid: "#key-1")
        let parts = vc.split(separator: ".")
        let tampered = [parts[0], other.split(separator: ".")[1], parts[2]].joined(separator: ".")
        let vp = try Presentation.envelop(credentials: [tampered], holder: Self.holder, key: holderKey, kid: "#auth")
        let error = await #expect(throws: IdentityError.self) { try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: Fixture.validator) }
        #expect(error?.reason == .signatureInvalid)
        #expect(error?.message.hasPrefix("enveloped credential 0:") == true)
    }

    @Test func builderRejectsBadInput() throws {
        let key = try PrivateKey.generate(.es256)
        let notURL = #expect(throws: IdentityError.self) { try Presentation.envelop(credentials: [], holder: "holder", key: key, kid: "#k") }
        #expect(notURL?.reason == .malformed)
        let notVC = #expect(throws: IdentityError.self) {
            try Presentation.envelop(credentials: ["not-a-jwt"], holder: Self.holder, key: key, kid: "#k")
        }
        #expect(notVC?.message.hasPrefix("credential 0:") == true)
    }

    @Test func didJWKHolderResolvesOffline() async throws {
        let (issuerKey, _, resolver) = try Self.setup(.es256)
        let holderKey = try PrivateKey.generate(.edDSA)
        let did = DIDJWK.did(for: holderKey.publicKey)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: issuerKey, kid: "#key-1")
        let vp = try Presentation.envelop(credentials: [vc], holder: did, key: holderKey, kid: "#0")
        let verified = try await EnvelopedPresentation.verify(vp, resolver: resolver, validator: Fixture.validator)
        #expect(verified.verificationMethod.id == did + "#0")
    }
}
