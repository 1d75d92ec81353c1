import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// VC-JWT as VC Data Model 1.1 §6.3.1 encodes credentials and presentations.
@Suite("VC-JWT 1.1")
struct CredentialJWT11Tests {
    static let issuer = "did:web:issuer.example"
    static let holder = "did:web:holder.example"

    static let credential = VerifiableCredential(json: [
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"],
        "id": "http://example.edu/credentials/3732",
        "type": ["VerifiableCredential", "UniversityDegreeCredential"],
        "issuer": .string(issuer),
        "issuanceDate": "2026-01-01T00:00:00Z",
        "expirationDate": "2027-01-01T00:00:00Z",
        "credentialSubject": ["id": "did:example:subject", "degree": ["type": "BachelorDegree", "name": "BSc"]],
    ])

    static func resolver() throws -> (PrivateKey, PrivateKey, InMemoryResolver) {
        let issuerKey = try PrivateKey.generate(.ps256)
        let holderKey = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish(issuer + "#k", key: issuerKey.publicKey, for: [.assertionMethod])
        resolver.publish(holder + "#k", key: holderKey.publicKey, for: [.authentication])
        return (issuerKey, holderKey, resolver)
    }

    static let validator = CredentialValidator(options: .init(now: 1_795_910_400))

    @Test func credentialRoundTrip() async throws {
        let (issuerKey, _, resolver) = try Self.resolver()
        let jwt = try CredentialJWT11.sign(credential: Self.credential, key: issuerKey, kid: "#k")
        let decoded = try CredentialJWT11.decode(jwt)
        #expect(decoded.claims["iss"] == .string(Self.issuer))
        #expect(decoded.claims["jti"] == "http://example.edu/credentials/3732")
        #expect(decoded.claims["sub"] == "did:example:subject")
        #expect(decoded.claims["nbf"] == 1_767_225_600)
        #expect(decoded.claims["exp"] == 1_798_761_600)
        #expect(decoded.claims["vc"]?["issuer"] == nil)
        #expect(decoded.credential == Self.credential)
        let verified = try await CredentialJWT11.verify(jwt, resolver: resolver, validator: Self.validator)
        #expect(verified.credential == Self.credential)
    }

    @Test func expiredCredentialJWT() async throws {
        let (issuerKey, _, resolver) = try Self.resolver()
        let jwt = try CredentialJWT11.sign(credential: Self.credential, key: issuerKey, kid: "#k")
        let late = CredentialValidator(options: .init(now: 1_798_761_600 + 3_600))
        let error = await #expect(throws: IdentityError.self) { try await CredentialJWT11.verify(jwt, resolver: resolver, validator: late) }
        #expect(error?.reason == .expired)
    }

    @Test func conflictingIssuerClaimIsWrongIssuer() throws {
        let key = try PrivateKey.generate(.es256)
        let claims: JSONValue = ["iss": "did:web:other.example", "vc": .object(Self.credential.json)]
        let jwt = try JWS.sign(Array(claims.jsonText.utf8), key: key, header: ["kid": "#k"])
        let error = #expect(throws: IdentityError.self) { try CredentialJWT11.decode(jwt) }
        #expect(error?.reason == .wrongIssuer)
        let neither = try JWS.sign(Array(#"{"iss":"did:web:x"}"#.utf8), key: key)
        #expect((#expect(throws: IdentityError.self) { try CredentialJWT11.decode(neither) })?.reason == .malformed)
    }

    @Test func presentationRoundTripWithAudienceAndNonce() async throws {
        let (issuerKey, holderKey, resolver) = try Self.resolver()
        let vcJWT = try CredentialJWT11.sign(credential: Self.credential, key: issuerKey, kid: "#k")
        let vp = VerifiablePresentation(json: [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
            "holder": .string(Self.holder), "verifiableCredential": [.string(vcJWT)],
        ])
        let jwt = try CredentialJWT11.sign(
            presentation: vp, key: holderKey, kid: "#k", audience: "https://verifier.example", nonce: "343s$FSFDa-",
            validity: 1_795_900_000...1_795_920_000)
        let decoded = try await CredentialJWT11.verify(
            jwt, resolver: resolver, validator: Self.validator, expectations: .init(audience: "https://verifier.example", nonce: "343s$FSFDa-"))
        #expect(decoded.presentation?.holderID == Self.holder)
        #expect(decoded.claims["aud"] == "https://verifier.example")
        let wrong = await #expect(throws: IdentityError.self) {
            try await CredentialJWT11.verify(jwt, resolver: resolver, validator: Self.validator, expectations: .init(nonce: "other"))
        }
        #expect(wrong?.reason == .replayed)
        // The holder's key is not an assertion key, so it cannot sign a credential.
        let forged = try CredentialJWT11.sign(credential: VerifiableCredential(json: {
            var json = Self.credential.json
            json["issuer"] = .string(Self.holder)
            return json
        }()), key: holderKey, kid: "#k")
        let unauthorized = await #expect(throws: IdentityError.self) { try await CredentialJWT11.verify(forged, resolver: resolver, validator: Self.validator) }
        #expect(unauthorized?.reason == .notAuthorized)
    }
}
