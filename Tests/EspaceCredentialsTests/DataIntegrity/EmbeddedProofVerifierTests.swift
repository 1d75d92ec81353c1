import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// The dispatcher over proof types, as the credential verifier uses it.
@Suite("Embedded proof verifier")
struct EmbeddedProofVerifierTests {
    @Test func dispatchesOnProofType() async throws {
        let verifier = EmbeddedProofVerifier()
        let di = try Fixture.json("conformance/vc/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json")
        let diChecks = try await verifier.verify(
            di, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
        #expect(diChecks.map(\.suite) == ["eddsa-rdfc-2022"])
        #expect(diChecks.map(\.proofType) == ["DataIntegrityProof"])

        let key = try PrivateKey.generate(.ps256)
        let vm = JsonWebSignature2020Tests.vm
        let jws = try JsonWebSignature2020().addProof(
            to: try JsonWebSignature2020Tests.tagusCredential(), key: key, verificationMethod: vm,
            created: "2024-01-05T09:13:59Z", variant: .gaiaX)
        let jwsChecks = try await verifier.verify(
            jws, resolver: ProofKeyResolver(keys: [vm: key.publicKey]),
            expectations: ProofExpectations(now: JsonWebSignature2020Tests.now))
        #expect(jwsChecks.map(\.suite) == ["JsonWebSignature2020/gaia-x"])
        #expect(jwsChecks.first?.verificationMethod == vm)
    }

    @Test func mixedProofSetReportsEachProof() async throws {
        var doc = try Fixture.json("conformance/vc/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json")
        let proof = try #require(doc["proof"])
        doc["proof"] = .array([proof, ["type": "RsaSignature2018", "proofPurpose": "assertionMethod"]])
        let checks = await EmbeddedProofVerifier().check(
            doc, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
        #expect(checks.map(\.isVerified) == [true, false])
        #expect(checks.last?.error?.reason == .unsupported)
        do {
            _ = try await EmbeddedProofVerifier().verify(
                doc, resolver: ProofKeyResolver(), expectations: ProofExpectations(now: Fixture.now))
            Issue.record("an unsupported proof passed")
        } catch {
            #expect(error.reason == .unsupported)
        }
    }
}
