import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation
import Testing

/// The real Gaia-X Loire participant presentation (2026) through the verifier. The issuers'
/// did:web documents are not available offline, so every signature check must say so, while
/// the form, data model (Loire profile), validity and trust checks run on the decoded content.
@Suite("CredentialVerifier: Gaia-X Loire artifacts")
struct VerifierLoireTests {
    static let issuers: Set<String> = ["did:web:gaia-x.eu", "did:web:notary.gxdch.gaiax.ovh:v2"]

    func verify(_ options: CredentialValidator.Options) async throws -> VerificationReport {
        var policy = VerifierFixtures.policy(trusting: Self.issuers, at: Date(timeIntervalSince1970: 1_775_000_000))
        policy.validatorOptions = options
        return await CredentialVerifier(policy: policy).verify(try LoireEvidenceTests.jwt("participant-vp-2026.signed.jwt"))
    }

    @Test func participantPresentationWithTheLoireProfile() async throws {
        let report = try await verify(.gaiaXLoire(now: nil))
        #expect(report.form == .presentationJWT)
        #expect(report.issuer == "did:web:gaia-x.eu")
        #expect(report.check(.format)?.outcome == .passed)
        #expect(report.check(.dataModel)?.outcome == .passed)
        #expect(report.check(.validityPeriod)?.outcome == .passed)
        VerifierFixtures.expectFailure(report, .signature, .unsupported)
        #expect(report.credentials.map(\.form) == [.credentialJWT, .credentialJWT, .credentialJWT])
        for nested in report.credentials {
            #expect(nested.check(.dataModel)?.outcome == .passed)
            #expect(nested.check(.issuerTrust)?.outcome == .passed)
            VerifierFixtures.expectFailure(nested, .signature, .unsupported)
            #expect(nested.check(.status)?.isFailure == false)
        }
    }

    @Test func strictDataModelRejectsTheNotaryEvidence() async throws {
        let report = try await verify(CredentialValidator.Options())
        let vatID = try #require(report.credentials.first { $0.credential?.types.contains("gx:VatID") == true })
        VerifierFixtures.expectFailure(vatID, .dataModel, .malformed)
        #expect(vatID.check(.dataModel)?.error?.message == "credential.evidence.type is missing")
    }
}
