import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Every rejection the verifier makes names the failing check and its reason.
@Suite("CredentialVerifier: rejections")
struct VerifierRejectionTests {
    let issuer: VerifierParty
    let holder: VerifierParty

    init() throws {
        issuer = try VerifierParty(.es256)
        holder = try VerifierParty(.edDSA)
    }

    func credentialJWT(from: Date? = nil, until: Date? = nil, subject: String = "did:example:subject") throws -> String {
        try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did, subject: subject, from: from, until: until),
            key: issuer.key, kid: issuer.kid)
    }

    func verify(_ input: String, _ configure: (inout CredentialVerifier.Policy) -> Void = { _ in }) async -> VerificationReport {
        var policy = VerifierFixtures.policy(trusting: [issuer.did])
        configure(&policy)
        return await CredentialVerifier(policy: policy).verify(input)
    }

    @Test func forgedJOSESignature() async throws {
        let forged = try VerifierFixtures.tamper(try credentialJWT()) { $0["credentialSubject"] = ["id": "did:example:mallory"] }
        let report = await verify(forged)
        VerifierFixtures.expectFailure(report, .signature, .signatureInvalid)
        #expect(report.check(.status)?.outcome == .skipped("the credential has no status list entry"))
    }

    @Test func signatureByAnotherKey() async throws {
        let other = try VerifierParty(.es256)
        let jwt = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did), key: other.key, kid: issuer.kid)
        VerifierFixtures.expectFailure(await verify(jwt), .signature, .signatureInvalid)
    }

    @Test func forgedEmbeddedProof() async throws {
        var signed = try Fixture.json(VerifierFormTests.vectorFolder + "eddsa-rdfc-2022/signedDataInt.json")
        signed["credentialSubject"] = ["id": "did:example:abcdefgh", "alumniOf": "Another School"]
        var policy = VerifierFixtures.policy(trusting: ["https://vc.example/issuers/5678"], at: Fixture.now)
        policy.bindKeyToIssuer = false
        let report = await CredentialVerifier(policy: policy).verify(json: signed)
        VerifierFixtures.expectFailure(report, .signature, .signatureInvalid)
    }

    @Test func embeddedProofKeyNotOfTheIssuer() async throws {
        let signed = try Fixture.json(VerifierFormTests.vectorFolder + "eddsa-rdfc-2022/signedDataInt.json")
        let policy = VerifierFixtures.policy(trusting: ["https://vc.example/issuers/5678"], at: Fixture.now)
        let report = await CredentialVerifier(policy: policy).verify(json: signed)
        VerifierFixtures.expectFailure(report, .signature, .wrongIssuer)
    }

    @Test func expired() async throws {
        let now = VerifierFixtures.now
        let report = await verify(try credentialJWT(from: now - 60 * VerifierFixtures.day, until: now - VerifierFixtures.day))
        VerifierFixtures.expectFailure(report, .validityPeriod, .expired)
        #expect(report.check(.signature)?.outcome == .passed)
    }

    @Test func notYetValid() async throws {
        let now = VerifierFixtures.now
        let report = await verify(try credentialJWT(from: now + VerifierFixtures.day, until: now + 60 * VerifierFixtures.day))
        VerifierFixtures.expectFailure(report, .validityPeriod, .notYetValid)
    }

    @Test func expiredJWTClaim() async throws {
        let payload = try JSONCanonicalization.canonicalBytes(
            .object(
                VerifierFixtures.credential(issuer: issuer.did).json.merging(
                    ["exp": .number(JSONNumber(Int(VerifierFixtures.now.timeIntervalSince1970) - 3600))],
                    uniquingKeysWith: { $1 })))
        let jwt = try JWS.sign(payload, key: issuer.key, header: ["typ": "vc+jwt", "kid": .string(issuer.kid)])
        VerifierFixtures.expectFailure(await verify(jwt), .validityPeriod, .expired)
    }

    @Test func untrustedIssuer() async throws {
        let report = await verify(try credentialJWT()) { $0.trustedIssuers = [] }
        VerifierFixtures.expectFailure(report, .issuerTrust, .untrustedIssuer)
        #expect(report.check(.signature)?.outcome == .passed)
        #expect(report.failures.map(\.name) == [.issuerTrust])
    }

    @Test func issuerTrustedForAnotherTypeOnly() async throws {
        let report = await verify(try credentialJWT()) {
            $0.trustedIssuers = []
            $0.trustedIssuersByType = ["LegalPersonCredential": [issuer.did]]
        }
        VerifierFixtures.expectFailure(report, .issuerTrust, .untrustedIssuer)
        let trusted = await verify(try credentialJWT()) {
            $0.trustedIssuers = []
            $0.trustedIssuersByType = ["ExampleCredential": [issuer.did]]
        }
        #expect(trusted.isValid)
    }

    @Test func trustAnyIssuerMustBeExplicit() async throws {
        let report = await verify(try credentialJWT()) {
            $0.trustedIssuers = []
            $0.trustAnyIssuer = true
        }
        #expect(report.isValid)
    }

    @Test(arguments: ["", "   ", "not a token", "a.b.c", "{\"type\": ", "[1, 2]", "\u{FF}"])
    func malformedInput(_ input: String) async throws {
        let report = await verify(input)
        VerifierFixtures.expectFailure(report, .format, .malformed)
        #expect(report.form == nil)
        #expect(report.checks.count == 1)
    }

    @Test func invalidUTF8Bytes() async throws {
        let report = await CredentialVerifier(policy: VerifierFixtures.policy()).verify(bytes: [0x65, 0xFF, 0xFE])
        VerifierFixtures.expectFailure(report, .format, .malformed)
    }

    @Test func oversizedInput() async throws {
        var policy = VerifierFixtures.policy()
        policy.maxInputBytes = 100
        let report = await CredentialVerifier(policy: policy).verify(String(repeating: "a", count: 101))
        VerifierFixtures.expectFailure(report, .format, .limitExceeded)
    }

    @Test func jwtOfAnotherKind() async throws {
        let jwt = try JWS.sign(Array("{\"sub\":\"x\"}".utf8), key: issuer.key, header: ["typ": "JWT"])
        VerifierFixtures.expectFailure(await verify(jwt), .format, .unsupported)
    }

    @Test func unknownProofType() async throws {
        var credential = VerifierFixtures.credential(issuer: issuer.did).json
        credential["proof"] = [
            "type": "Ed25519Signature2018", "proofPurpose": "assertionMethod", "verificationMethod": .string(issuer.kid),
            "jws": "eyJhbGciOiJFZERTQSJ9..c2ln",
        ]
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [issuer.did])).verify(json: credential)
        #expect(report.form == .credentialJSONLD)
        VerifierFixtures.expectFailure(report, .signature, .unsupported)
    }

    @Test func credentialWithoutProof() async throws {
        let credential = VerifierFixtures.credential(issuer: issuer.did).json
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [issuer.did])).verify(json: credential)
        VerifierFixtures.expectFailure(report, .signature, .malformed)
    }

    @Test func dataModelViolation() async throws {
        var json = VerifierFixtures.credential(issuer: issuer.did).json
        json["credentialSubject"] = .array([])
        let jwt = try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: issuer.key, kid: issuer.kid)
        VerifierFixtures.expectFailure(await verify(jwt), .dataModel, .malformed)
    }

    // MARK: Presentations

    func presentation(audience: String? = "did:web:verifier.example", nonce: String? = "nonce-1", subject: String? = nil)
        throws -> String
    {
        try Presentation.envelop(
            credentials: [try credentialJWT(subject: subject ?? holder.did)], holder: holder.did, key: holder.key,
            kid: holder.kid, audience: audience, nonce: nonce)
    }

    @Test func wrongAudience() async throws {
        let report = await verify(try presentation(audience: "did:web:someone-else.example")) {
            $0.audience = "did:web:verifier.example"
        }
        VerifierFixtures.expectFailure(report, .audience, .wrongAudience)
        #expect(report.credentials.first?.isValid == true)
    }

    @Test func missingAudience() async throws {
        let report = await verify(try presentation(audience: nil)) { $0.audience = "did:web:verifier.example" }
        VerifierFixtures.expectFailure(report, .audience, .wrongAudience)
    }

    @Test func wrongNonce() async throws {
        let report = await verify(try presentation(nonce: "an-old-nonce")) { $0.nonce = "nonce-1" }
        VerifierFixtures.expectFailure(report, .audience, .replayed)
    }

    @Test func replayedNonce() async throws {
        let vp = try presentation()
        let guardian = ReplayGuard()
        let configure: (inout CredentialVerifier.Policy) -> Void = {
            $0.audience = "did:web:verifier.example"
            $0.replayGuard = guardian
        }
        let first = await verify(vp, configure)
        #expect(first.isValid, "\(first.failures)")
        VerifierFixtures.expectFailure(await verify(vp, configure), .audience, .replayed)
    }

    @Test func holderNotTheSubject() async throws {
        let report = await verify(try presentation(subject: "did:example:someone-else")) { $0.requireHolderBinding = true }
        VerifierFixtures.expectFailure(report, .holderBinding, .wrongIssuer)
    }

    @Test func presentationSignedByAnotherKey() async throws {
        let other = try VerifierParty(.edDSA)
        let vp = try Presentation.envelop(
            credentials: [try credentialJWT()], holder: holder.did, key: other.key, kid: holder.kid)
        VerifierFixtures.expectFailure(await verify(vp), .signature, .signatureInvalid)
    }

    @Test func nestedCredentialFailureInvalidatesPresentation() async throws {
        let expired = try credentialJWT(
            from: VerifierFixtures.now - 60 * VerifierFixtures.day, until: VerifierFixtures.now - VerifierFixtures.day)
        let vp = try Presentation.envelop(credentials: [expired], holder: holder.did, key: holder.key, kid: holder.kid)
        let report = await verify(vp)
        #expect(!report.isValid)
        #expect(report.checks.allSatisfy { !$0.isFailure })
        let nested = try #require(report.credentials.first)
        VerifierFixtures.expectFailure(nested, .validityPeriod, .expired)
        #expect(report.failures.map(\.name) == [.validityPeriod])
    }

    @Test func wrongChallengeOnEmbeddedProofPresentation() async throws {
        let key = try PrivateKey.generate(.edDSA)
        let did = try DIDKey.did(for: key.publicKey)
        let vp: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], "holder": .string(did),
        ]
        let signed = try DataIntegrity().addProof(
            to: vp,
            options: DataIntegrityProofOptions(
                verificationMethod: did + "#" + did.dropFirst("did:key:".count), proofPurpose: .authentication,
                created: "2025-12-01T00:00:00Z", challenge: "old", domain: "https://verifier.example"),
            key: key)
        var policy = VerifierFixtures.policy()
        policy.nonce = "fresh"
        policy.audience = "https://verifier.example"
        let report = await CredentialVerifier(policy: policy).verify(json: signed)
        VerifierFixtures.expectFailure(report, .audience, .replayed)
        policy.nonce = "old"
        policy.audience = "https://other.example"
        VerifierFixtures.expectFailure(await CredentialVerifier(policy: policy).verify(json: signed), .audience, .wrongAudience)
    }

    @Test func presentationWhereCredentialExpected() async throws {
        let vp = try presentation()
        // A vp+jwt smuggled into an enveloped-credential entry is refused at decoding.
        var json = try #require(try JSONParser().parse(try Base64URL.decode(vp.split(separator: ".")[1])).objectValue)
        json["verifiableCredential"] = [
            ["@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential", "id": .string("data:application/vc+jwt," + vp)]
        ]
        let smuggled = try JWS.sign(
            try JSONCanonicalization.canonicalBytes(.object(json)), key: holder.key,
            header: ["typ": "vp+jwt", "kid": .string(holder.kid)])
        let report = await verify(smuggled)
        VerifierFixtures.expectFailure(report, .format, .unsupported)
    }
}
