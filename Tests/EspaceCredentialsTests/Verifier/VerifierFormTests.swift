import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Every accepted form verifies end to end, with every check reported.
@Suite("CredentialVerifier: accepted forms")
struct VerifierFormTests {
    @Test(arguments: [JWSAlgorithm.es256, .ps256, .edDSA])
    func credentialJWTVerifies(_ algorithm: JWSAlgorithm) async throws {
        let issuer = try VerifierParty(algorithm)
        let jwt = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did), key: issuer.key, kid: issuer.kid)
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [issuer.did])).verify(jwt)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .credentialJWT)
        #expect(report.issuer == issuer.did)
        #expect(report.verificationMethod == issuer.kid)
        #expect(report.credential?.issuerID == issuer.did)
        #expect(report.checks.map(\.name) == [.format, .signature, .dataModel, .validityPeriod, .certificateChain, .issuerTrust, .status])
        #expect(report.check(.signature)?.outcome == .passed)
        #expect(report.check(.certificateChain)?.outcome == .skipped("no X.509 trust anchors are configured"))
    }

    @Test func gaiaXTypSpellingIsAccepted() async throws {
        let issuer = try VerifierParty(.es256)
        let payload = try JSONCanonicalization.canonicalBytes(.object(VerifierFixtures.credential(issuer: issuer.did).json))
        let jwt = try JWS.sign(
            payload, key: issuer.key, header: ["typ": "vc+ld+json+jwt", "cty": "vc+ld+json", "kid": .string(issuer.kid)])
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [issuer.did])).verify(jwt)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .credentialJWT)
    }

    @Test func presentationJWTWithTwoCredentialsVerifies() async throws {
        let issuer = try VerifierParty(.es256)
        let holder = try VerifierParty(.edDSA)
        let credentials = try (0..<2).map { _ in
            try EnvelopedCredential.sign(
                credential: VerifierFixtures.credential(issuer: issuer.did, subject: holder.did), key: issuer.key,
                kid: issuer.kid)
        }
        let vp = try Presentation.envelop(
            credentials: credentials, holder: holder.did, key: holder.key, kid: holder.kid, audience: "did:web:verifier.example",
            nonce: "n-0S6_WzA2Mj")
        var policy = VerifierFixtures.policy(trusting: [issuer.did])
        policy.audience = "did:web:verifier.example"
        policy.nonce = "n-0S6_WzA2Mj"
        policy.requireHolderBinding = true
        policy.replayGuard = ReplayGuard()
        let report = await CredentialVerifier(policy: policy).verify(vp)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .presentationJWT)
        #expect(report.issuer == holder.did)
        #expect(report.verificationMethod == holder.kid)
        #expect(report.checks.map(\.name) == [.format, .signature, .dataModel, .validityPeriod, .audience, .holderBinding])
        #expect(report.check(.audience)?.outcome == .passed)
        #expect(report.check(.holderBinding)?.outcome == .passed)
        #expect(report.credentials.count == 2)
        #expect(report.credentials.allSatisfy { $0.isValid && $0.form == .credentialJWT && $0.issuer == issuer.did })
    }

    @Test func credentialJWT11Verifies() async throws {
        let issuer = try VerifierParty(.es256)
        let credential = VerifiableCredential(json: [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "id": "urn:uuid:5b0cbd4e-2a3e-4f0c-8b4a-3f2f7c1d9a11",
            "type": ["VerifiableCredential"], "issuer": .string(issuer.did), "issuanceDate": "2025-06-01T00:00:00Z",
            "expirationDate": "2026-06-01T00:00:00Z", "credentialSubject": ["id": "did:example:subject", "name": "Subject"],
        ])
        let jwt = try CredentialJWT11.sign(credential: credential, key: issuer.key, kid: issuer.kid)
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [issuer.did])).verify(jwt)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .credentialJWT11)
        #expect(report.credential?.json["credentialSubject"]?["id"] == "did:example:subject")
    }

    @Test func presentationJWT11Verifies() async throws {
        let issuer = try VerifierParty(.es256)
        let holder = try VerifierParty(.es256)
        let credential = VerifiableCredential(json: [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
            "issuer": .string(issuer.did), "issuanceDate": "2025-06-01T00:00:00Z",
            "credentialSubject": ["id": .string(holder.did)],
        ])
        let vc = try CredentialJWT11.sign(credential: credential, key: issuer.key, kid: issuer.kid)
        let presentation = VerifiablePresentation(json: [
            "@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
            "holder": .string(holder.did), "verifiableCredential": [.string(vc)],
        ])
        let vp = try CredentialJWT11.sign(
            presentation: presentation, key: holder.key, kid: holder.kid, audience: "https://verifier.example", nonce: "abc")
        var policy = VerifierFixtures.policy(trusting: [issuer.did])
        policy.audience = "https://verifier.example"
        policy.nonce = "abc"
        policy.requireHolderBinding = true
        let report = await CredentialVerifier(policy: policy).verify(vp)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .presentationJWT11)
        #expect(report.credentials.map(\.form) == [.credentialJWT11])
    }

    static let vectorFolder = "conformance/vc/vc-di-eddsa/TestVectors/"

    @Test(arguments: ["eddsa-rdfc-2022/signedDataInt.json", "eddsa-jcs-2022/signedJCS.json"])
    func dataIntegrityVectorVerifies(_ file: String) async throws {
        let signed = try Fixture.json(Self.vectorFolder + file)
        // The vector's issuer is an https URL while its key is a did:key, so the key cannot be
        // bound to the issuer: that rule is switched off here.
        var policy = VerifierFixtures.policy(trusting: ["https://vc.example/issuers/5678"], at: Fixture.now)
        policy.bindKeyToIssuer = false
        let report = await CredentialVerifier(policy: policy).verify(json: signed)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .credentialJSONLD)
        #expect(report.proofs.map(\.suite) == [file.hasPrefix("eddsa-rdfc") ? "eddsa-rdfc-2022" : "eddsa-jcs-2022"])
        #expect(report.verificationMethod?.hasPrefix("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#") == true)
        // The same bytes through the text entry point.
        let text = String(decoding: try JSONSerializer().serializeBytes(.object(signed)), as: UTF8.self)
        #expect(await CredentialVerifier(policy: policy).verify(text).isValid)
    }

    @Test func dataIntegrityCredentialSignedByItsIssuerVerifies() async throws {
        let key = try PrivateKey.generate(.edDSA)
        let did = try DIDKey.did(for: key.publicKey)
        let vm = did + "#" + did.dropFirst("did:key:".count)
        let signed = try DataIntegrity().addProof(
            to: VerifierFixtures.credential(issuer: did).json,
            options: DataIntegrityProofOptions(verificationMethod: vm, created: "2025-12-01T00:00:00Z"), key: key)
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [did])).verify(json: signed)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.verificationMethod == vm)
    }

    @Test(arguments: JsonWebSignature2020Variant.allCases)
    func jsonWebSignature2020Verifies(_ variant: JsonWebSignature2020Variant) async throws {
        let key = try PrivateKey.generate(.ps256)
        var credential = try JsonWebSignature2020Tests.tagusCredential()
        credential["issuer"] = "did:web:participant.example"
        let signed = try JsonWebSignature2020().addProof(
            to: credential, key: key, verificationMethod: JsonWebSignature2020Tests.vm, created: "2024-01-05T09:13:59.206Z",
            variant: variant)
        var resolver = InMemoryResolver()
        resolver.publish(JsonWebSignature2020Tests.vm, key: key.publicKey, alg: "PS256")
        let policy = VerifierFixtures.policy(
            trusting: ["did:web:participant.example"], at: JsonWebSignature2020Tests.now, resolver: resolver)
        let report = await CredentialVerifier(policy: policy).verify(json: signed)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.proofs.map(\.suite) == ["JsonWebSignature2020/" + variant.rawValue])
        #expect(report.verificationMethod == JsonWebSignature2020Tests.vm)
    }

    @Test func dataIntegrityPresentationWithEmbeddedAndEnvelopedCredentials() async throws {
        let issuer = try VerifierParty(.es256)
        let holderKey = try PrivateKey.generate(.edDSA)
        let holder = try DIDKey.did(for: holderKey.publicKey)
        let holderVM = holder + "#" + holder.dropFirst("did:key:".count)
        let issuerKey = try PrivateKey.generate(.edDSA)
        let issuerDID = try DIDKey.did(for: issuerKey.publicKey)
        let embedded = try DataIntegrity().addProof(
            to: VerifierFixtures.credential(issuer: issuerDID, subject: holder).json,
            options: DataIntegrityProofOptions(
                verificationMethod: issuerDID + "#" + issuerDID.dropFirst("did:key:".count), created: "2025-12-01T00:00:00Z"),
            key: issuerKey)
        let jwt = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did, subject: holder), key: issuer.key, kid: issuer.kid)
        let vp: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], "holder": .string(holder),
            "verifiableCredential": [
                .object(embedded),
                [
                    "@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
                    "id": .string(EnvelopedCredential.dataURL(jwt)),
                ],
            ],
        ]
        let signed = try DataIntegrity().addProof(
            to: vp,
            options: DataIntegrityProofOptions(
                verificationMethod: holderVM, proofPurpose: .authentication, created: "2025-12-01T00:00:00Z",
                challenge: "c-123", domain: "https://verifier.example"),
            key: holderKey)
        var policy = VerifierFixtures.policy(trusting: [issuer.did, issuerDID])
        policy.audience = "https://verifier.example"
        policy.nonce = "c-123"
        policy.requireHolderBinding = true
        let report = await CredentialVerifier(policy: policy).verify(json: signed)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .presentationJSONLD)
        #expect(report.credentials.map(\.form) == [.credentialJSONLD, .credentialJWT])
    }

    @Test func reportAsJSONListsChecks() async throws {
        let issuer = try VerifierParty(.es256)
        let jwt = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did), key: issuer.key, kid: issuer.kid)
        let report = await CredentialVerifier(policy: VerifierFixtures.policy()).verify(jwt)
        let json = report.json
        #expect(json["valid"] == .bool(false))
        #expect(json["form"] == "vc+jwt")
        let checks = json["checks"]?.asArray ?? []
        #expect(checks.count == 7)
        let trust = checks.first { $0["name"] == "issuerTrust" }
        #expect(trust?["outcome"] == "failed")
        #expect(trust?["reason"] == "untrustedIssuer")
    }
}
