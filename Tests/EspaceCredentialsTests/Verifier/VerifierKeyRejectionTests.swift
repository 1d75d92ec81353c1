import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Rejections of the key behind a signature: where it is published and for what.
@Suite("CredentialVerifier: signing keys")
struct VerifierKeyRejectionTests {
    static let did = "did:web:issuer.example"
    static let kid = did + "#key-1"

    func signed(key: PrivateKey, header: JSONObject = [:]) throws -> String {
        var fields: JSONObject = ["typ": "vc+jwt", "cty": "vc", "kid": .string(Self.kid)]
        for (name, value) in header { fields[name] = value }
        let payload = try JSONCanonicalization.canonicalBytes(.object(VerifierFixtures.credential(issuer: Self.did).json))
        return try JWS.sign(payload, key: key, header: fields)
    }

    func verify(_ jwt: String, _ resolver: InMemoryResolver) async -> VerificationReport {
        await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [Self.did], resolver: resolver)).verify(jwt)
    }

    @Test func keyNotAuthorisedForAssertions() async throws {
        let key = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish(Self.kid, key: key.publicKey, for: [.authentication])
        VerifierFixtures.expectFailure(await verify(try signed(key: key), resolver), .signature, .notAuthorized)
    }

    @Test func publishedAlgorithmDiffers() async throws {
        let key = try PrivateKey.generate(.ps256)
        var resolver = InMemoryResolver()
        resolver.publish(Self.kid, key: key.publicKey, alg: "RS256")
        VerifierFixtures.expectFailure(await verify(try signed(key: key), resolver), .signature, .keyMismatch)
    }

    @Test func unknownKey() async throws {
        let key = try PrivateKey.generate(.es256)
        VerifierFixtures.expectFailure(await verify(try signed(key: key), InMemoryResolver()), .signature, .resolutionFailed)
    }

    @Test func headerIssuerIsNotTheCredentialIssuer() async throws {
        let key = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish(Self.kid, key: key.publicKey)
        let report = await verify(try signed(key: key, header: ["iss": "did:web:someone-else.example"]), resolver)
        VerifierFixtures.expectFailure(report, .signature, .wrongIssuer)
    }

    @Test func keyOfAnotherDID() async throws {
        let key = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish("did:web:other.example#key-1", key: key.publicKey)
        let report = await verify(try signed(key: key, header: ["kid": "did:web:other.example#key-1"]), resolver)
        VerifierFixtures.expectFailure(report, .signature, .wrongIssuer)
    }

    @Test func unsupportedAlgorithm() async throws {
        let key = try PrivateKey.generate(.es256)
        var resolver = InMemoryResolver()
        resolver.publish(Self.kid, key: key.publicKey)
        let jwt = try signed(key: key)
        let parts = jwt.split(separator: ".").map(String.init)
        let header = Base64URL.encode(Array("{\"alg\":\"HS256\",\"typ\":\"vc+jwt\",\"kid\":\"\(Self.kid)\"}".utf8))
        let report = await verify([header, parts[1], parts[2]].joined(separator: "."), resolver)
        VerifierFixtures.expectFailure(report, .signature, .unsupported)
    }

    @Test func forgedPresentationDoesNotUseUpItsNonce() async throws {
        let holder = try VerifierParty(.edDSA)
        let issuer = try VerifierParty(.es256)
        let vc = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did, subject: holder.did), key: issuer.key, kid: issuer.kid)
        let vp = try Presentation.envelop(credentials: [vc], holder: holder.did, key: holder.key, kid: holder.kid, nonce: "n-1")
        let forged = try VerifierFixtures.tamper(vp) { $0["aud"] = "did:web:mallory.example" }
        var policy = VerifierFixtures.policy(trusting: [issuer.did])
        policy.replayGuard = ReplayGuard()
        let verifier = CredentialVerifier(policy: policy)
        VerifierFixtures.expectFailure(await verifier.verify(forged), .signature, .signatureInvalid)
        let genuine = await verifier.verify(vp)
        #expect(genuine.isValid, "\(genuine.failures)")
    }

    @Test func statusListServedUnderAnotherURL() async throws {
        let issuer = try VerifierParty(.es256)
        let listURL = "https://issuer.example/status/1"
        let unsigned = StatusListCredential.build(
            id: "https://issuer.example/status/2", issuer: issuer.did, purpose: .revocation, list: try StatusList())
        let list = try EnvelopedCredential.sign(credential: VerifiableCredential(json: unsigned), key: issuer.key, kid: issuer.kid)
        let http = FakeHTTPClient(responses: [listURL: HTTPResponse(status: 200, body: Array(list.utf8))])
        let status: JSONObject = [
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "3",
            "statusListCredential": .string(listURL),
        ]
        let vc = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did, status: status), key: issuer.key, kid: issuer.kid)
        var policy = VerifierFixtures.policy(trusting: [issuer.did])
        policy.statusChecker = StatusListChecker(source: VerifyingStatusListSource(http: http, policy: policy))
        VerifierFixtures.expectFailure(await CredentialVerifier(policy: policy).verify(vc), .status, .resolutionFailed)
    }
}

@Suite("CredentialVerifier: limits")
struct VerifierLimitTests {
    @Test func presentationWithTooManyCredentials() async throws {
        let entries = [JSONValue](repeating: "eyJ0eXAiOiJ2Yytqd3QifQ.e30.c2ln", count: EnvelopedPresentation.maxCredentials + 1)
        let vp: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
            "holder": "did:example:holder", "verifiableCredential": .array(entries),
        ]
        let report = await CredentialVerifier(policy: VerifierFixtures.policy()).verify(json: vp)
        VerifierFixtures.expectFailure(report, .format, .limitExceeded)
        #expect(report.credentials.isEmpty)
    }

    @Test func credentialsNestedTooDeep() async throws {
        let issuer = try VerifierParty(.es256)
        let jwt = try EnvelopedCredential.sign(
            credential: VerifierFixtures.credential(issuer: issuer.did), key: issuer.key, kid: issuer.kid)
        var policy = VerifierFixtures.policy(trusting: [issuer.did])
        policy.maxNesting = 0
        let vp = try Presentation.envelop(credentials: [jwt], holder: issuer.did, key: issuer.key, kid: issuer.kid)
        let report = await CredentialVerifier(policy: policy).verify(vp)
        let nested = try #require(report.credentials.first)
        VerifierFixtures.expectFailure(nested, .format, .limitExceeded)
    }
}
