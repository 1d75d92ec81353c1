import Foundation
import Testing

/// `espace conformance odrl DIR`, run as a user would.
@Suite("espace conformance odrl")
struct ODRLConformanceCommandTests {
    @Test func printsEveryCaseAndTheCounts() throws {
        let suite = CLIRunner.sharedRoot.appendingPathComponent("conformance/odrl/solidlab-odrl-test-suite").path
        let result = try CLIRunner.run(["conformance", "odrl", suite])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("urn:uuid:") }.count == 68)
        #expect(
            lines.contains(
                "urn:uuid:5b372c04-ceb8-48bd-b4b8-cb6380683374  rule-activation=pass constraint-satisfaction=pass  Read request from Alice to resource X returns into yes, if duty is not violated (Alice Request Read X - duty violated)."
            ))
        #expect(result.stdout.contains("odrl-solidlab rule-activation: 68 passed, 0 failed, 0 skipped\n"))
        #expect(result.stdout.hasSuffix("136 passed, 0 failed, 0 skipped\n"))
    }

    @Test func missingFolderFails() throws {
        let result = try CLIRunner.run(["conformance", "odrl", "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read /nonexistent/index.ttl"))
    }

    @Test func hasHelp() throws {
        let result = try CLIRunner.run(["conformance", "odrl", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
    }
}
