import Foundation
import Testing

/// `espace policy validate` and `espace policy explain`, run as a user would run them.
@Suite("espace policy")
struct PolicyCommandTests {
    static let dsp = "protocols/dataspace-protocol/artifacts/src/main/resources"

    private func shared(_ path: String) -> String { CLIRunner.sharedRoot.appendingPathComponent(path).path }

    static let goodTurtle = """
        @prefix odrl: <http://www.w3.org/ns/odrl/2/>. @prefix ex: <http://example.org/>. @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
        ex:offer a odrl:Offer; odrl:assigner ex:provider; odrl:target ex:data;
          odrl:permission [ odrl:action odrl:read;
            odrl:constraint [ odrl:leftOperand odrl:dateTime; odrl:operator odrl:lt; odrl:rightOperand "2030-01-01"^^xsd:date ] ];
          odrl:prohibition [ odrl:action odrl:distribute ].

        """

    @Test func validateAGoodTurtlePolicy() throws {
        let file = try CLIRunner.temporaryFile(Array(Self.goodTurtle.utf8), name: "offer.ttl")
        let result = try CLIRunner.run(["policy", "validate", file])
        #expect(result.status == 0)
        #expect(result.stdout == "1 policy valid: 0 error(s), 0 warning(s)\n")
    }

    @Test func validateReportsFailClosedRulesAndExits1() throws {
        let result = try CLIRunner.run([
            "policy", "validate", shared("\(Self.dsp)/negotiation/example/contract-agreement-message-full.json"),
        ])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last == "1 policy invalid: 12 error(s), 1 warning(s)")
        #expect(
            lines.contains(
                "error: permission[1].constraint[0].and[0].leftOperand: unknown left operand <http://www.w3.org/ns/odrl/2/partner>: the rule would fail closed"
            ))
    }

    @Test func validateAsJSON() throws {
        let result = try CLIRunner.run([
            "policy", "validate", "--json",
            shared("\(Self.dsp)/negotiation/example/contract-request-message_initial.json"),
        ])
        #expect(result.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        #expect(report["valid"] as? Bool == false)
        #expect(report["policies"] as? [String] == ["urn:uuid:2828282:3dd1add8-4d2d-569e-d634-8394a8836a89"])
        let issues = try #require(report["issues"] as? [[String: String]])
        #expect(
            issues == [
                [
                    "severity": "error", "policy": "urn:uuid:2828282:3dd1add8-4d2d-569e-d634-8394a8836a89",
                    "path": "assigner",
                    "message": "an Offer must have exactly one assigner; found none",
                ]
            ])
    }

    @Test func formatFromTheOptionForStandardInput() throws {
        let result = try CLIRunner.run(
            ["policy", "validate", "--format", "turtle", "-"], input: Array(Self.goodTurtle.utf8))
        #expect(result.status == 0)
        let wrong = try CLIRunner.run(["policy", "validate", "-"], input: Array(Self.goodTurtle.utf8))
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasPrefix("error: <stdin>: the document is not valid JSON"))
    }

    @Test func unreadableInputIsAnError() throws {
        let result = try CLIRunner.run(["policy", "explain", "/nonexistent/policy.json"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot read /nonexistent/policy.json\n")
    }

    @Test func explainTurtleAndJSON() throws {
        let file = try CLIRunner.temporaryFile(Array(Self.goodTurtle.utf8), name: "offer.ttl")
        let result = try CLIRunner.run(["policy", "explain", file])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                Offer http://example.org/offer from http://example.org/provider:
                - Anyone may read http://example.org/data if the date is before 2030-01-01.
                - Nobody may distribute http://example.org/data.

                """)
        let agreement = try CLIRunner.run([
            "policy", "explain", shared("\(Self.dsp)/negotiation/example/contract-agreement-message.json"),
        ])
        #expect(agreement.status == 0)
        #expect(
            agreement.stdout == """
                Agreement urn:uuid:e8dc8655-44c2-46ef-b701-4cffdc2faa44 from http://example.com/Provider to http://example.com/Consumer:
                - http://example.com/Consumer may use urn:uuid:3dd1add4-4d2d-569e-d634-8394a8836d23 if the date is on or before 2023-12-31T06:00Z.

                """)
    }
}

extension PolicyCommandTests {
    /// SolidLab's policy-1 ("everybody can do everything") has a rule without an action:
    /// validate reports it where it is; explain says what it allows.
    @Test func aRuleWithoutAnActionIsReportedNotRefused() throws {
        let file = shared("conformance/odrl/solidlab-odrl-test-suite/data/policies/policy-1.ttl")
        let validate = try CLIRunner.run(["policy", "validate", file])
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains(
                "error: permission[0].action: the permission has no action; every rule must have exactly one\n"))
        let explain = try CLIRunner.run(["policy", "explain", file])
        #expect(explain.status == 0)
        #expect(explain.stdout == "Set urn:uuid:4cbd8f38-348b-4b09-8e1a-04b47c97ad78:\n- Anyone may do anything.\n")
    }
}
