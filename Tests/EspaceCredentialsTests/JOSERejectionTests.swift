import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// Rejection paths of the JOSE layer not covered by the round-trip suites.
@Suite("JOSE rejections")
struct JOSERejectionTests {
    typealias Fixture = EnvelopedCredentialTests

    static func token(_ header: JSONValue, _ payload: JSONValue) -> String {
        Base64URL.encode(Array(header.jsonText.utf8)) + "." + Base64URL.encode(Array(payload.jsonText.utf8)) + ".c2ln"
    }

    static let vpPayload: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": "VerifiablePresentation",
        "verifiableCredential": [["@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt,a.b.c"]],
    ]

    @Test func compactJWTForm() {
        #expect((#expect(throws: IdentityError.self) { try CompactJWT("a.b") })?.reason == .malformed)
        #expect((#expect(throws: IdentityError.self) { try CompactJWT("!!.e30.e30") })?.reason == .malformed)
        let array = Base64URL.encode(Array("[]".utf8))
        #expect((#expect(throws: IdentityError.self) { try CompactJWT("e30.\(array).c2ln") })?.message == "the JWT payload must be a JSON object, found array")
        let huge = String(repeating: "a", count: CompactJWT.maxBytes + 1)
        #expect((#expect(throws: IdentityError.self) { try CompactJWT(huge) })?.reason == .limitExceeded)
        let noAlg = Self.token(["typ": "vc+jwt"], .object(Fixture.credential().json))
        #expect((#expect(throws: IdentityError.self) { try CompactJWT(noAlg).algorithm() })?.message == "the JWT header has no \"alg\"")
    }

    @Test func presentationForm() async throws {
        let wrapped = Self.token(["alg": "ES256", "typ": "vp+jwt"], ["vp": Self.vpPayload])
        #expect((#expect(throws: IdentityError.self) { try EnvelopedPresentation.decode(wrapped) })?.message.contains("\"vp\" claim") == true)
        let vcTyp = Self.token(["alg": "ES256", "typ": "vc+jwt"], Self.vpPayload)
        #expect((#expect(throws: IdentityError.self) { try EnvelopedPresentation.decode(vcTyp) })?.reason == .unsupported)
        var plain = Self.vpPayload.objectValue ?? [:]
        plain["verifiableCredential"] = [.object(Fixture.credential().json)]
        let embedded = Self.token(["alg": "ES256", "typ": "vp+jwt"], .object(plain))
        #expect((#expect(throws: IdentityError.self) { try EnvelopedPresentation.decode(embedded) })?.reason == .unsupported)
        var many = Self.vpPayload.objectValue ?? [:]
        many["verifiableCredential"] = .array(Array(repeating: ["type": "EnvelopedVerifiableCredential"], count: EnvelopedPresentation.maxCredentials + 1))
        let tooMany = Self.token(["alg": "ES256", "typ": "vp+jwt"], .object(many))
        #expect((#expect(throws: IdentityError.self) { try EnvelopedPresentation.decode(tooMany) })?.reason == .limitExceeded)
        let badEntry = Self.token(["alg": "ES256", "typ": "vp+jwt"], Self.vpPayload)
        let inner = #expect(throws: IdentityError.self) { try EnvelopedPresentation.decode(badEntry) }
        #expect(inner?.message == "verifiableCredential[0]: base64url text has an impossible length 1")
        // Nobody named: no holder in the presentation, no iss in the header.
        let key = try PrivateKey.generate(.es256)
        let vc = try EnvelopedCredential.sign(credential: Fixture.credential(), key: key, kid: "#k")
        var anonymous = Self.vpPayload.objectValue ?? [:]
        anonymous["verifiableCredential"] = [["@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential", "id": .string(EnvelopedCredential.dataURL(vc))]]
        let jwt = try JWS.sign(Array(JSONValue.object(anonymous).jsonText.utf8), key: key, header: ["typ": "vp+jwt", "kid": "did:web:x#k"])
        let nobody = await #expect(throws: IdentityError.self) { try await EnvelopedPresentation.verify(jwt, resolver: InMemoryResolver()) }
        #expect(nobody?.message == "neither the presentation (holder) nor the JOSE header (iss) names the presenter")
    }

    @Test func base64DataURLIsUnsupported() {
        let error = #expect(throws: IdentityError.self) { try EnvelopedCredential.jwt(fromDataURL: "data:application/vc+jwt;base64,YS5iLmM=") }
        #expect(error?.reason == .unsupported)
    }

    @Test func builderBounds() throws {
        let key = try PrivateKey.generate(.es256)
        let error = #expect(throws: IdentityError.self) {
            try Presentation.envelop(credentials: Array(repeating: "a.b.c", count: EnvelopedPresentation.maxCredentials + 1), holder: "did:web:h", key: key, kid: "#k")
        }
        #expect(error?.reason == .limitExceeded)
        let forever = #expect(throws: IdentityError.self) {
            try Presentation.envelop(credentials: [], holder: "did:web:h", key: key, kid: "#k", validity: 0...Double.infinity)
        }
        #expect(forever?.reason == .malformed)
        let vp = VerifiablePresentation(json: ["@context": ["https://www.w3.org/2018/credentials/v1"], "type": "VerifiablePresentation", "holder": "did:web:h"])
        let jwt11 = #expect(throws: IdentityError.self) {
            try CredentialJWT11.sign(presentation: vp, key: key, kid: "#k", validity: -Double.infinity...0)
        }
        #expect(jwt11?.reason == .malformed)
    }

    @Test func jwt11ClaimConflicts() throws {
        let key = try PrivateKey.generate(.es256)
        let vc = CredentialJWT11Tests.credential.json
        func sign(_ claims: JSONValue) throws -> String { try JWS.sign(Array(claims.jsonText.utf8), key: key, header: ["kid": "#k"]) }
        let date = #expect(throws: IdentityError.self) { try CredentialJWT11.decode(try sign(["nbf": 0, "vc": .object(vc)])) }
        #expect(date?.message.hasPrefix("the JWT claim nbf disagrees with issuanceDate") == true)
        let notNumber = #expect(throws: IdentityError.self) { try CredentialJWT11.decode(try sign(["exp": "soon", "vc": .object(vc)])) }
        #expect(notNumber?.message == "the JWT claim exp must be a number of seconds")
        let id = #expect(throws: IdentityError.self) { try CredentialJWT11.decode(try sign(["jti": "urn:other", "vc": .object(vc)])) }
        #expect(id?.reason == .malformed)
        var many = vc
        many["credentialSubject"] = [["id": "did:example:a"], ["id": "did:example:b"]]
        let sub = #expect(throws: IdentityError.self) { try CredentialJWT11.decode(try sign(["sub": "did:example:a", "vc": .object(many)])) }
        #expect(sub?.message == "the JWT has a sub claim but vc.credentialSubject is not a single object")
        let both = #expect(throws: IdentityError.self) { try CredentialJWT11.decode(try sign(["vc": .object(vc), "vp": ["type": "VerifiablePresentation"]])) }
        #expect(both?.reason == .malformed)
    }

    @Test func jwt11PresentationRefusesObjectCredentials() async throws {
        let key = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish("did:web:holder.example#k", key: key.publicKey, for: [.authentication])
        let vp = VerifiablePresentation(json: [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
            "holder": "did:web:holder.example", "verifiableCredential": [.object(CredentialJWT11Tests.credential.json)],
        ])
        let jwt = try CredentialJWT11.sign(presentation: vp, key: key, kid: "#k")
        let error = await #expect(throws: IdentityError.self) { try await CredentialJWT11.verify(jwt, resolver: resolver) }
        #expect(error?.reason == .unsupported)
    }
}
