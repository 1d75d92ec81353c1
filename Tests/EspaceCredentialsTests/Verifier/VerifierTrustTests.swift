import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// Gaia-X X.509 issuer trust and status lists, as the verifier applies them.
@Suite("CredentialVerifier: certificate chains and status lists")
struct VerifierTrustTests {
    static let day: TimeInterval = 86_400

    // MARK: X.509

    /// Certificates are generated relative to the current time, so the verifier runs at it.
    struct ChainSetup {
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let root: DevelopmentCA
        let issuerKey: PrivateKey
        let did = "did:web:issuer.example"
        var kid: String { did + "#key-1" }

        init() throws {
            root = try DevelopmentCA.root(subject: "CN=Espace Test Root,O=Espace,C=BE", notBefore: now - 30 * VerifierTrustTests.day)
            issuerKey = try PrivateKey.generate(.es256)
        }

        /// A resolver publishing the issuer key with `x5c` from `ca` issued for `certifiedKey`.
        func resolver(chainFrom ca: DevelopmentCA? = nil, certifying certifiedKey: PublicKey? = nil, x5c: Bool = true, policies: [String] = [])
            throws
            -> InMemoryResolver
        {
            var resolver = InMemoryResolver()
            resolver.publish(kid, key: issuerKey.publicKey, alg: "ES256")
            if x5c {
                let chain = try (ca ?? root).issueChain(
                    publicKey: certifiedKey ?? issuerKey.publicKey, commonName: "issuer.example", dnsNames: ["issuer.example"],
                    policyOIDs: policies, notBefore: now - VerifierTrustTests.day)
                var entry = try #require(resolver.entries[kid])
                var jwk = entry.method.publishedJWK ?? [:]
                jwk["x5c"] = .array(try chain.x5c().map { .string($0) })
                entry.method.publishedJWK = jwk
                resolver.entries[kid] = entry
            }
            return resolver
        }

        func credentialJWT() throws -> String {
            try EnvelopedCredential.sign(
                credential: VerifierFixtures.credential(
                    issuer: did, from: now - 10 * VerifierTrustTests.day, until: now + 10 * VerifierTrustTests.day),
                key: issuerKey, kid: kid)
        }

        func verify(_ resolver: InMemoryResolver, requiredPolicyOID: String? = nil) async throws -> VerificationReport {
            var policy = VerifierFixtures.policy(at: now, resolver: resolver)
            policy.x509 = .init(anchors: TrustAnchors([root.certificate]), requiredPolicyOID: requiredPolicyOID)
            return await CredentialVerifier(policy: policy).verify(try credentialJWT())
        }
    }

    @Test func certifiedIssuerIsTrustedThroughItsChain() async throws {
        let setup = try ChainSetup()
        let report = try await setup.verify(try setup.resolver())
        #expect(report.isValid, "\(report.failures)")
        #expect(report.check(.certificateChain)?.outcome == .passed)
        #expect(report.check(.issuerTrust)?.detail.contains("X.509") == true)
    }

    @Test func chainNotReachingAnAnchor() async throws {
        let setup = try ChainSetup()
        let foreign = try DevelopmentCA.root(subject: "CN=Other Root,O=Elsewhere,C=FR", notBefore: setup.now - 30 * Self.day)
        let report = try await setup.verify(try setup.resolver(chainFrom: foreign))
        VerifierFixtures.expectFailure(report, .certificateChain, .chainNotAnchored)
        VerifierFixtures.expectFailure(report, .issuerTrust, .untrustedIssuer)
    }

    @Test func jwkIsNotTheLeafKey() async throws {
        let setup = try ChainSetup()
        let other = try PrivateKey.generate(.es256)
        let report = try await setup.verify(try setup.resolver(certifying: other.publicKey))
        VerifierFixtures.expectFailure(report, .certificateChain, .jwkNotLeafKey)
    }

    @Test func jwkWithoutCertificateChain() async throws {
        let setup = try ChainSetup()
        let report = try await setup.verify(try setup.resolver(x5c: false))
        VerifierFixtures.expectFailure(report, .certificateChain, .chainNotAnchored)
    }

    @Test func leafWithoutTheRequiredEVPolicy() async throws {
        let setup = try ChainSetup()
        let report = try await setup.verify(
            try setup.resolver(), requiredPolicyOID: CredentialVerifier.X509IssuerTrust.evPolicyOID)
        VerifierFixtures.expectFailure(report, .certificateChain, .unsupported)
    }

    @Test func leafWithTheEVPolicyPasses() async throws {
        let setup = try ChainSetup()
        let report = try await setup.verify(
            try setup.resolver(policies: [CredentialVerifier.X509IssuerTrust.evPolicyOID]),
            requiredPolicyOID: CredentialVerifier.X509IssuerTrust.evPolicyOID)
        #expect(report.isValid, "\(report.failures)")
    }

    // MARK: Status lists

    static let listURL = "https://issuer.example/status/1"

    /// A signed revocation or suspension list with bit 42 set, served by a fake HTTP client.
    struct StatusSetup {
        let issuer: VerifierParty
        let http: FakeHTTPClient

        init(purpose: StatusPurpose, forgeList: Bool = false, listIssuer: VerifierParty? = nil) throws {
            issuer = try VerifierParty(.es256)
            var list = try StatusList()
            try list.set(42)
            let signer = listIssuer ?? issuer
            let unsigned = StatusListCredential.build(
                id: VerifierTrustTests.listURL, issuer: signer.did, purpose: purpose, list: list,
                validFrom: VerifierFixtures.now - VerifierTrustTests.day, validUntil: VerifierFixtures.now + VerifierTrustTests.day)
            var jwt = try EnvelopedCredential.sign(credential: VerifiableCredential(json: unsigned), key: signer.key, kid: signer.kid)
            if forgeList {
                jwt = try VerifierFixtures.tamper(jwt) { $0["validUntil"] = "2099-01-01T00:00:00Z" }
            }
            http = FakeHTTPClient(responses: [VerifierTrustTests.listURL: HTTPResponse(status: 200, body: Array(jwt.utf8))])
        }

        func credential(index: Int, purpose: StatusPurpose) throws -> String {
            let status: JSONObject = [
                "id": .string(VerifierTrustTests.listURL + "#\(index)"), "type": "BitstringStatusListEntry",
                "statusPurpose": .string(purpose.rawValue), "statusListIndex": .string(String(index)),
                "statusListCredential": .string(VerifierTrustTests.listURL),
            ]
            return try EnvelopedCredential.sign(
                credential: VerifierFixtures.credential(issuer: issuer.did, status: status), key: issuer.key, kid: issuer.kid)
        }

        func verify(_ jwt: String) async -> VerificationReport {
            var policy = VerifierFixtures.policy(trusting: [issuer.did])
            policy.statusChecker = StatusListChecker(source: VerifyingStatusListSource(http: http, policy: policy))
            return await CredentialVerifier(policy: policy).verify(jwt)
        }
    }

    @Test func clearEntryPasses() async throws {
        let setup = try StatusSetup(purpose: .revocation)
        let report = await setup.verify(try setup.credential(index: 41, purpose: .revocation))
        #expect(report.isValid, "\(report.failures)")
        #expect(report.check(.status)?.outcome == .passed)
    }

    @Test func revoked() async throws {
        let setup = try StatusSetup(purpose: .revocation)
        let report = await setup.verify(try setup.credential(index: 42, purpose: .revocation))
        VerifierFixtures.expectFailure(report, .status, .revoked)
        #expect(report.check(.status)?.error?.message.contains("revoked") == true)
    }

    @Test func suspended() async throws {
        let setup = try StatusSetup(purpose: .suspension)
        let report = await setup.verify(try setup.credential(index: 42, purpose: .suspension))
        VerifierFixtures.expectFailure(report, .status, .revoked)
        #expect(report.check(.status)?.error?.message.contains("suspended") == true)
    }

    @Test func forgedStatusList() async throws {
        let setup = try StatusSetup(purpose: .revocation, forgeList: true)
        let report = await setup.verify(try setup.credential(index: 41, purpose: .revocation))
        VerifierFixtures.expectFailure(report, .status, .signatureInvalid)
    }

    @Test func statusListFromAnUntrustedIssuer() async throws {
        let setup = try StatusSetup(purpose: .revocation, listIssuer: try VerifierParty(.es256))
        let report = await setup.verify(try setup.credential(index: 41, purpose: .revocation))
        VerifierFixtures.expectFailure(report, .status, .untrustedIssuer)
    }

    @Test func unreachableStatusList() async throws {
        let setup = try StatusSetup(purpose: .revocation)
        var policy = VerifierFixtures.policy(trusting: [setup.issuer.did])
        policy.statusChecker = StatusListChecker(
            source: VerifyingStatusListSource(http: FakeHTTPClient(responses: [:]), policy: policy))
        let report = await CredentialVerifier(policy: policy).verify(try setup.credential(index: 1, purpose: .revocation))
        VerifierFixtures.expectFailure(report, .status, .resolutionFailed)
    }

    @Test func statusSkippedWithoutChecker() async throws {
        let setup = try StatusSetup(purpose: .revocation)
        let report = await CredentialVerifier(policy: VerifierFixtures.policy(trusting: [setup.issuer.did])).verify(
            try setup.credential(index: 42, purpose: .revocation))
        #expect(report.isValid)
        #expect(report.check(.status)?.outcome == .skipped("no status list checker is configured"))
    }
}
