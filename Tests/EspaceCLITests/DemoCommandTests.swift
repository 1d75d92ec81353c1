import Testing

/// `espace demo`, the README's main job: it must run to the end with every step as expected.
@Suite("espace demo")
struct DemoCommandTests {
    @Test func theDemoDataSpaceBehavesAsExpected() throws {
        let result = try CLIRunner.run(["demo"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("✔ 200: did:web:127.0.0.1"))
        for reason in ["replayed", "signatureInvalid", "untrustedIssuer"] {
            #expect(result.stdout.contains("✔ 401 \(reason)"), "\(reason)")
        }
        #expect(result.stdout.hasSuffix("Every step behaved as expected.\n"))
    }
}
