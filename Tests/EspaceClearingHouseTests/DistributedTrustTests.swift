import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceStore
import Foundation
import Testing

/// Two clearing houses serve one data space: each certifies a participant; a verifier
/// trusting both accepts either label; one trusting only the first refuses the second's.
@Suite("Distributed trust: two clearing houses")
struct DistributedTrustTests {
    @Test("labels from any listed clearing house are accepted, others refused")
    func twoClearingHouses() async throws {
        let first = try await ComplianceFixture.make()
        let second = try await ComplianceFixture.make()
        let firstLabel = try await first.house.compliance.assess(
            try await first.conformingPresentation(), level: .standardCompliance, vcid: "https://ch1.example/c/1", now: ComplianceFixture.now)
        let secondVP = try await second.conformingPresentation()
        let secondLabel = try await second.house.compliance.assess(secondVP, level: .standardCompliance, vcid: "https://ch2.example/c/1", now: ComplianceFixture.now)
        #expect(first.house.did != second.house.did)

        let both = ComplianceVerifier(trustedClearingHouses: [first.house.did, second.house.did], resolver: DIDResolvers.offline)
        let credentials = try EnvelopedPresentation.decode(secondVP).credentials.map { $0.token.compact }
        let accepted = await both.verify(label: secondLabel.jwt, credentials: credentials, now: ComplianceFixture.now + 60)
        #expect(accepted.isAccepted, "\(accepted.failures)")
        #expect(accepted.level == "SC")
        #expect(accepted.issuer == second.house.did)
        #expect(await both.verify(label: firstLabel.jwt, now: ComplianceFixture.now + 60).isAccepted)

        let onlyFirst = ComplianceVerifier(trustedClearingHouses: [first.house.did], resolver: DIDResolvers.offline)
        let refused = await onlyFirst.verify(label: secondLabel.jwt, now: ComplianceFixture.now + 60)
        #expect(!refused.isAccepted)
        #expect(refused.failures.contains { $0.hasPrefix("issuerTrust") })

        // A credential the label does not cover (changed after certification) is refused.
        let altered = try second.sign(second.legalPerson(registrationNumber: "https://participant.example/other#cs"))
        let mismatch = await both.verify(label: secondLabel.jwt, credentials: [altered], now: ComplianceFixture.now + 60)
        #expect(mismatch.failures.contains { $0.contains("not among the label's compliant credentials") })
        // After its validity, the label is refused.
        #expect(!(await both.verify(label: secondLabel.jwt, now: ComplianceFixture.now + 100 * 86_400)).isAccepted)
    }
}
