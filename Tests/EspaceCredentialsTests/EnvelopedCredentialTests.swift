import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// vc+jwt / vp+jwt (VC-JOSE-COSE, Gaia-X Loire form): signing and verification with
/// ES256, PS256 and EdDSA keys, and every rejection path.
@Suite("Enveloped credentials (vc+jwt, vp+jwt)")
struct EnvelopedCredentialTests {
    static let issuer = "did:web:issuer.example"
    static let holder = "did:web:holder.example"
    static let now = 1_795_910_400.0  // 2026-11-29

    static func credential(issuer: String = issuer) -> VerifiableCredential {
        VerifiableCredential(json: [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "https://issuer.example/credentials/1",
            "type": ["VerifiableCredential"],
            "issuer": .string(issuer),
            "validFrom": "2026-01-01T00:00:00Z",
            "validUntil": "2027-01-01T00:00:00Z",
            "credentialSubject": ["id": "did:web:holder.example", "name": "Holder"],
        ])
    }

    static var validator: CredentialValidator { CredentialValidator(options: .init(now: now)) }

    /// A key, its resolver entry under `#key-1`, and the `kid`.
    static func setup(_ alg: JWSAlgorithm, did: String = issuer, publishedAlg: String? = nil) throws -> (PrivateKey, InMemoryResolver) {
        let key = try PrivateKey.generate(alg)
        var resolver = InMemoryResolver()
        resolver.publish(did + "#key-1", key: key.publicKey, alg: publishedAlg)
        return (key, resolver)
    }

    @Test(arguments: [JWSAlgorithm.es256, .ps256, .edDSA])
    func signsAndVerifies(_ alg: JWSAlgorithm) async throws {
        let (key, resolver) = try Self.setup(alg, publishedAlg: alg.rawValue)
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: Self.issuer + "#key-1")
        let decoded = try EnvelopedCredential.decode(jwt)
        #expect(decoded.header["typ"] == "vc+jwt")
        #expect(decoded.header["cty"] == "vc")
        #expect(decoded.header["iss"] == .string(Self.issuer))
        #expect(decoded.header["alg"] == .string(alg.rawValue))
        #expect(decoded.credential == Self.credential())
        let verified = try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: Self.validator)
        #expect(verified.credential == Self.credential())
        #expect(verified.verificationMethod.id == Self.issuer + "#key-1")
    }

    @Test(arguments: [JWSAlgorithm.es256, .ps256, .edDSA])
    func tamperedPayloadIsSignatureInvalid(_ alg: JWSAlgorithm) async throws {
        let (key, resolver) = try Self.setup(alg)
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: Self.issuer + "#key-1")
        var json = Self.credential().json
        json["credentialSubject"] = ["id": "did:web:holder.example", "name": "Mallory"]
        let forged = try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: key, kid: Self.issuer + "#key-1")
        let parts = jwt.split(separator: ".")
        let tampered = [parts[0], forged.split(separator: ".")[1], parts[2]].joined(separator: ".")
        let error = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(tampered, resolver: resolver, validator: Self.validator)
        }
        #expect(error?.reason == .signatureInvalid)
    }

    @Test func relativeKidIsResolvedAgainstTheIssuer() async throws {
        let (key, resolver) = try Self.setup(.es256)
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: "#key-1")
        let verified = try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: Self.validator)
        #expect(verified.verificationMethod.id == Self.issuer + "#key-1")
    }

    @Test func headerIssuerMustBeTheCredentialIssuer() async throws {
        let (key, resolver) = try Self.setup(.es256)
        let header: JSONObject = ["typ": "vc+jwt", "iss": "did:web:other.example", "kid": .string(Self.issuer + "#key-1")]
        let jwt = try JWS.sign(try JSONCanonicalization.canonicalBytes(.object(Self.credential().json)), key: key, header: header)
        let error = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: Self.validator)
        }
        #expect(error?.reason == .wrongIssuer)
    }

    @Test func kidOfAnotherDIDIsWrongIssuer() async throws {
        let (key, resolver) = try Self.setup(.es256, did: "did:web:other.example")
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: "did:web:other.example#key-1")
        let error = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: Self.validator)
        }
        #expect(error?.reason == .wrongIssuer)
    }

    @Test func publishedAlgMustMatchTheHeader() async throws {
        let (key, resolver) = try Self.setup(.ps256, publishedAlg: "RS256")
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: Self.issuer + "#key-1")
        let error = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: Self.validator)
        }
        #expect(error?.reason == .keyMismatch)
    }

    @Test func keyNotListedForAssertionIsNotAuthorized() async throws {
        let key = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish(Self.issuer + "#key-1", key: key.publicKey, for: [.authentication])
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: Self.issuer + "#key-1")
        let error = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: Self.validator)
        }
        #expect(error?.reason == .notAuthorized)
    }

    @Test func expiredAndNotYetValidCredentials() async throws {
        let (key, resolver) = try Self.setup(.es256)
        let jwt = try EnvelopedCredential.sign(credential: Self.credential(), key: key, kid: "#key-1")
        let late = CredentialValidator(options: .init(now: XSDDateTime.instant("2027-06-01T00:00:00Z", requireTimezone: true)))
        let early = CredentialValidator(options: .init(now: XSDDateTime.instant("2025-06-01T00:00:00Z", requireTimezone: true)))
        let expired = await #expect(throws: IdentityError.self) { try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: late) }
        #expect(expired?.reason == .expired)
        let notYet = await #expect(throws: IdentityError.self) { try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: early) }
        #expect(notYet?.reason == .notYetValid)
    }

    @Test func acceptsTheLoireTypSpellingsAndRejectsOthers() throws {
        let key = try PrivateKey.generate(.es256)
        let payload = try JSONCanonicalization.canonicalBytes(.object(Self.credential().json))
        for (typ, cty) in [("vc+jwt", "vc"), ("vc+ld+jwt", "vc+ld"), ("vc+ld+json+jwt", "vc+ld+json")] {
            let jwt = try JWS.sign(payload, key: key, header: ["typ": .string(typ), "cty": .string(cty), "kid": "#k"])
            #expect(throws: Never.self) { try EnvelopedCredential.decode(jwt) }
        }
        let wrongTyp = try JWS.sign(payload, key: key, header: ["typ": "JWT", "kid": "#k"])
        #expect((#expect(throws: IdentityError.self) { try EnvelopedCredential.decode(wrongTyp) })?.reason == .unsupported)
        let wrongCty = try JWS.sign(payload, key: key, header: ["typ": "vc+jwt", "cty": "vp", "kid": "#k"])
        #expect((#expect(throws: IdentityError.self) { try EnvelopedCredential.decode(wrongCty) })?.reason == .unsupported)
        let noTyp = try JWS.sign(payload, key: key, header: ["kid": "#k"])
        #expect((#expect(throws: IdentityError.self) { try EnvelopedCredential.decode(noTyp) })?.reason == .malformed)
        let vpAsVC = try JWS.sign(payload, key: key, header: ["typ": "vp+jwt", "kid": "#k"])
        #expect((#expect(throws: IdentityError.self) { try EnvelopedCredential.decode(vpAsVC) })?.reason == .unsupported)
    }

    @Test func rejectsWrapperClaims() throws {
        let key = try PrivateKey.generate(.es256)
        for wrapper in ["vc", "vp"] {
            let claims: JSONValue = [wrapper: .object(Self.credential().json), "iss": .string(Self.issuer)]
            let jwt = try JWS.sign(try JSONCanonicalization.canonicalBytes(claims), key: key, header: ["typ": "vc+jwt", "kid": "#k"])
            let error = #expect(throws: IdentityError.self) { try EnvelopedCredential.decode(jwt) }
            #expect(error?.message.contains("\"\(wrapper)\" claim") == true)
        }
    }

    @Test func rejectsAlgNoneAndMissingKid() async throws {
        let none = Base64URL.encode(Array(##"{"alg":"none","typ":"vc+jwt","kid":"#k"}"##.utf8)) + "."
            + Base64URL.encode(try JSONCanonicalization.canonicalBytes(.object(Self.credential().json))) + "."
        let error = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(none, resolver: InMemoryResolver(), validator: Self.validator)
        }
        #expect(error?.reason == .unsupported)
        let key = try PrivateKey.generate(.es256)
        let noKid = try JWS.sign(try JSONCanonicalization.canonicalBytes(.object(Self.credential().json)), key: key, header: ["typ": "vc+jwt"])
        let missing = await #expect(throws: IdentityError.self) {
            try await EnvelopedCredential.verify(noKid, resolver: InMemoryResolver(), validator: Self.validator)
        }
        #expect(missing?.message.contains("kid") == true)
    }

    @Test func dataURLs() throws {
        #expect(try EnvelopedCredential.jwt(fromDataURL: "data:application/vc+jwt,a.b.c") == "a.b.c")
        #expect(try EnvelopedCredential.jwt(fromDataURL: "data:application/vc+ld+json+jwt,a.b.c") == "a.b.c")
        let other = #expect(throws: IdentityError.self) { try EnvelopedCredential.jwt(fromDataURL: "data:text/plain,a.b.c") }
        #expect(other?.reason == .unsupported)
        let notData = #expect(throws: IdentityError.self) { try EnvelopedCredential.jwt(fromDataURL: "https://example.com/a.b.c") }
        #expect(notData?.reason == .malformed)
        let huge = #expect(throws: IdentityError.self) {
            try DataURL("data:application/vc+jwt," + String(repeating: "a", count: DataURL.maxLength))
        }
        #expect(huge?.reason == .limitExceeded)
    }
}
