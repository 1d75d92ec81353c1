import Foundation
import Testing

/// `espace demo`, the README's main job: it must run to the end with every step as expected,
/// in under 10 seconds.
@Suite("espace demo")
struct DemoCommandTests {
    @Test func theDemoDataSpaceBehavesAsExpected() throws {
        let started = Date()
        let result = try CLIRunner.run(["demo"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        // Part 1: two clearing houses certify two participants; each accepts the other's
        // label; an onboarding is refused with the failed check named.
        #expect(result.stdout.components(separatedBy: "issued a gx:LabelCredential (SC)").count == 4)  // two participants, one offering
        #expect(result.stdout.contains("signed the gx:ServiceOffering"))
        #expect(result.stdout.components(separatedBy: "accepts").count - 1 == 2)
        #expect(result.stdout.contains("✔ refused, the failed check named: certificate-chain"))
        #expect(result.stdout.contains("✔ Acme now refuses Beta's label: status: the credential is revoked"))
        // Part 2: DCP between a provider and a consumer, and the refusals.
        #expect(result.stdout.contains("✔ 200: did:web:127.0.0.1"))
        for reason in ["replayed", "signatureInvalid", "untrustedIssuer"] {
            #expect(result.stdout.contains("✔ 401 \(reason)"), "\(reason)")
        }
        #expect(result.stdout.contains("Every step behaved as expected"))
        #expect(!result.stdout.contains("✘ unexpected"))
    }
}
