import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// JsonWebSignature2020 in its Gaia-X and W3C payload variants, over Gaia-X Tagus credentials.
@Suite("JsonWebSignature2020")
struct JsonWebSignature2020Tests {
    static let tagusFiles = [
        "compliance-output-ces-event.json", "participant-vp.json", "service-offering-and-ressources-vp.json",
        "service-offering-label-level-1.json", "service-offering-vp.json", "terms-and-conditions-vp.json",
    ]

    /// Every object with an embedded `proof` inside `value`.
    static func signedObjects(in value: JSONValue) -> [JSONObject] {
        switch value {
        case .object(let object):
            let nested = object.values.flatMap { signedObjects(in: $0) }
            return (object["proof"] != nil ? [object] : []) + nested
        case .array(let items): return items.flatMap { signedObjects(in: $0) }
        default: return []
        }
    }

    static func tagusCredential() throws -> JSONObject {
        let vp = try Fixture.json("gaiax/tagus/participant-vp.json")
        // A participant credential under the trust-framework context, as Tagus issued them.
        var vc = try #require(signedObjects(in: .object(vp)).first {
            $0["type"]?.asArray.contains("VerifiableCredential") == true && $0["@context"]?.asArray.count == 3
        })
        vc["proof"] = nil
        return vc
    }

    static let vm = "did:web:participant.example#JWK2020-RSA"
    static let now = Date(timeIntervalSince1970: 1_706_745_600)  // 2024-02-01

    /// The Tagus fixtures canonicalize through the bundled contexts (credentials v1,
    /// jws-2020 and the trust-framework shapes), for both payload variants.
    @Test(arguments: tagusFiles)
    func tagusFixturesCanonicalize(_ file: String) throws {
        let value = JSONValue.object(try Fixture.json("gaiax/tagus/" + file))
        let signed = Self.signedObjects(in: value)
        #expect(!signed.isEmpty)
        let suite = JsonWebSignature2020()
        for object in signed {
            let proof = try #require(object["proof"]?.objectValue)
            #expect(proof["type"] == "JsonWebSignature2020")
            let jws = try #require(proof["jws"]?.stringValue)
            #expect(jws.hasPrefix("eyJhbGciOiJQUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.."))
            let gaiaX = try suite.payload(document: object, proof: proof, variant: .gaiaX)
            #expect(gaiaX.count == 64)
            let w3c = try suite.payload(document: object, proof: proof, variant: .w3c)
            #expect(w3c.count == 64)
            #expect(gaiaX != w3c)
        }
    }

    @Test(arguments: JsonWebSignature2020Variant.allCases)
    func ps256CredentialVerifiesAndReportsVariant(_ variant: JsonWebSignature2020Variant) async throws {
        let key = try PrivateKey.generate(.ps256)
        let suite = JsonWebSignature2020()
        let signed = try suite.addProof(
            to: try Self.tagusCredential(), key: key, verificationMethod: Self.vm, created: "2024-01-05T09:13:59.206Z",
            variant: variant)
        let jws = try #require(signed["proof"]?["jws"]?.stringValue)
        #expect(jws.hasPrefix("eyJhbGciOiJQUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.."))
        let resolver = ProofKeyResolver(keys: [Self.vm: key.publicKey], publishedAlg: [Self.vm: "PS256"])
        let checks = try await suite.verify(signed, resolver: resolver, expectations: ProofExpectations(now: Self.now))
        #expect(checks.map(\.suite) == ["JsonWebSignature2020/" + variant.rawValue])
        #expect(checks.first?.verificationMethod == Self.vm)
    }

    @Test(arguments: JsonWebSignature2020Variant.allCases)
    func tamperingAnyClaimBreaksSignature(_ variant: JsonWebSignature2020Variant) async throws {
        let key = try PrivateKey.generate(.ps256)
        let suite = JsonWebSignature2020()
        let signed = try suite.addProof(
            to: try Self.tagusCredential(), key: key, verificationMethod: Self.vm, created: "2024-01-05T09:13:59.206Z",
            variant: variant)
        let resolver = ProofKeyResolver(keys: [Self.vm: key.publicKey])
        let subject = try #require(signed["credentialSubject"]?.objectValue)
        #expect(!subject.isEmpty)
        for name in subject.keys where !name.hasPrefix("@") && name != "id" && name != "type" {
            var changed = subject
            changed[name] = "tampered"
            var doc = signed
            doc["credentialSubject"] = .object(changed)
            let checks = await suite.check(doc, resolver: resolver, expectations: ProofExpectations(now: Self.now))
            #expect(checks.first?.error?.reason == .signatureInvalid, "claim \(name)")
        }
        var issuer = signed
        issuer["issuer"] = "did:web:evil.example"
        let checks = await suite.check(issuer, resolver: resolver, expectations: ProofExpectations(now: Self.now))
        #expect(checks.first?.error?.reason == .signatureInvalid)
    }

    /// A W3C signature whose proof options were canonicalized under the suite's own contexts
    /// (credentials v1 and jws-2020 only) verifies too, as W3C.
    @Test func w3cPayloadUnderSuiteContextVerifies() async throws {
        let key = try PrivateKey.generate(.ps256)
        let suite = JsonWebSignature2020()
        var document = try Self.tagusCredential()
        let proof: JSONObject = [
            "type": "JsonWebSignature2020", "created": "2024-01-05T09:13:59Z", "proofPurpose": "assertionMethod",
            "verificationMethod": .string(Self.vm),
        ]
        #expect(document["@context"] != JsonWebSignature2020.suiteContext)
        let payload = try suite.payload(
            document: document, proof: proof, variant: .w3c, proofContext: JsonWebSignature2020.suiteContext)
        var signedProof = proof
        signedProof["jws"] = .string(try JWS.sign(
            payload, key: key, header: ["alg": "PS256", "b64": false, "crit": ["b64"]], detached: true))
        document["proof"] = .object(signedProof)
        let checks = try await suite.verify(
            document, resolver: ProofKeyResolver(keys: [Self.vm: key.publicKey]), expectations: ProofExpectations(now: Self.now))
        #expect(checks.map(\.suite) == ["JsonWebSignature2020/w3c"])
    }

    @Test(arguments: [JWSAlgorithm.edDSA, .es256])
    func otherKeyTypesSignAndVerify(_ algorithm: JWSAlgorithm) async throws {
        let key = try PrivateKey.generate(algorithm)
        let suite = JsonWebSignature2020()
        let resolver = ProofKeyResolver(keys: [Self.vm: key.publicKey])
        for variant in JsonWebSignature2020Variant.allCases {
            let signed = try suite.addProof(
                to: try Self.tagusCredential(), key: key, verificationMethod: Self.vm, created: "2024-01-05T09:13:59Z",
                variant: variant)
            let checks = try await suite.verify(signed, resolver: resolver, expectations: ProofExpectations(now: Self.now))
            #expect(checks.first?.suite == "JsonWebSignature2020/" + variant.rawValue)
        }
    }

    @Test func rejections() async throws {
        let key = try PrivateKey.generate(.es256)
        let suite = JsonWebSignature2020()
        let signed = try suite.addProof(
            to: try Self.tagusCredential(), key: key, verificationMethod: Self.vm, created: "2024-01-05T09:13:59Z",
            variant: .w3c, challenge: "abc", domain: "verifier.example")
        func reason(
            _ doc: JSONObject, _ resolver: ProofKeyResolver, _ expectations: ProofExpectations = ProofExpectations(now: Self.now)
        ) async -> IdentityError.Reason? {
            await suite.check(doc, resolver: resolver, expectations: expectations).first?.error?.reason
        }
        let good = ProofKeyResolver(keys: [Self.vm: key.publicKey])
        #expect(await reason(signed, good) == nil)
        // Another key of the same type.
        #expect(await reason(signed, ProofKeyResolver(keys: [Self.vm: try PrivateKey.generate(.es256).publicKey])) == .signatureInvalid)
        // A key of another type than the JWS algorithm.
        #expect(await reason(signed, ProofKeyResolver(keys: [Self.vm: try PrivateKey.generate(.edDSA).publicKey])) == .keyMismatch)
        // The DID document publishes the key for another algorithm.
        #expect(await reason(signed, ProofKeyResolver(keys: [Self.vm: key.publicKey], publishedAlg: [Self.vm: "ES384"])) == .keyMismatch)
        #expect(await reason(signed, ProofKeyResolver(keys: [Self.vm: key.publicKey], authorized: [.authentication])) == .notAuthorized)
        #expect(await reason(signed, good, ProofExpectations(now: Self.now, challenge: "xyz")) == .wrongAudience)
        #expect(await reason(signed, good, ProofExpectations(now: Self.now, domain: "other.example")) == .wrongAudience)
        #expect(await reason(signed, good, ProofExpectations(now: Date(timeIntervalSince1970: 0))) == .notYetValid)
        #expect(await reason(signed, good, ProofExpectations(purpose: .authentication, now: Self.now)) == .notAuthorized)
        var noJWS = signed
        noJWS["proof"] = .object((signed["proof"]?.objectValue ?? [:]).filter { $0.key != "jws" })
        #expect(await reason(noJWS, good) == .malformed)
        var attached = signed
        var proof = signed["proof"]?.objectValue ?? [:]
        let parts = (proof["jws"]?.stringValue ?? "").split(separator: ".", omittingEmptySubsequences: false)
        proof["jws"] = .string(String(parts[0]) + ".e30." + String(parts[2]))
        attached["proof"] = .object(proof)
        #expect(await reason(attached, good) == .malformed)
        var otherType = signed
        proof = signed["proof"]?.objectValue ?? [:]
        proof["type"] = "RsaSignature2018"
        otherType["proof"] = .object(proof)
        #expect(await reason(otherType, good) == .unsupported)
        #expect(throws: IdentityError.self) {
            _ = try suite.addProof(to: signed, key: key, verificationMethod: Self.vm, created: "2024-01-05T09:13:59Z", variant: .gaiaX)
        }
    }
}
