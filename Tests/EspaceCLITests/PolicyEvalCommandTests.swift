import EspaceJSON
import Testing

/// `espace policy eval` on the SolidLab suite's files.
@Suite("espace policy eval")
struct PolicyEvalCommandTests {
    static let data = CLIRunner.sharedRoot.appendingPathComponent("conformance/odrl/solidlab-odrl-test-suite/data").path

    @Test func aPermittedRequestExitsZeroAndExplainsWhy() throws {
        let result = try CLIRunner.run([
            "policy", "eval", "--policy", Self.data + "/policies/policy-5.ttl", "--request", Self.data + "/requests/request-1.ttl",
            "--state", Self.data + "/sotw/temporal.ttl",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✔ permission"))
        #expect(result.stdout.contains("Decision: PERMIT"))
    }

    @Test func aDeniedRequestExitsOneWithTheReasonInJSON() throws {
        let result = try CLIRunner.run([
            "policy", "eval", "--policy", Self.data + "/policies/policy-5.ttl", "--request", Self.data + "/requests/request-2.ttl",
            "--format", "json",
        ])
        #expect(result.status == 1)
        let report = try JSONParser().parse(result.stdoutBytes)
        #expect(report["decision"] == "deny")
        let premises = report["rules"]?.asArray.first?["premises"]?.asArray ?? []
        #expect(premises.contains { $0["kind"] == "PartyReport" && $0["satisfied"] == false })
    }

    @Test func unreadableInputIsAnError() throws {
        let result = try CLIRunner.run(["policy", "eval", "--policy", "/nonexistent.ttl", "--request", Self.data + "/requests/request-1.ttl"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: "))
    }
}

/// `espace policy compare`.
@Suite("espace policy compare")
struct PolicyCompareCommandTests {
    @Test func aPolicyMatchesItselfAndNotAnother() throws {
        let data = PolicyEvalCommandTests.data
        let same = try CLIRunner.run(["policy", "compare", "--agreement", data + "/policies/policy-5.ttl", "--offer", data + "/policies/policy-5.ttl"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("matches the offer"))
        let other = try CLIRunner.run([
            "policy", "compare", "--agreement", data + "/policies/policy-5.ttl", "--offer", data + "/policies/policy-1.ttl", "--json",
        ])
        #expect(other.status == 1)
        let result = try JSONParser().parse(other.stdoutBytes)
        #expect(result["matches"] == false)
        #expect((result["differences"]?.asArray.count ?? 0) > 0)
    }
}

/// `espace policy enforce` on the documented examples (examples/policy/).
@Suite("espace policy enforce")
struct PolicyEnforceCommandTests {
    static let examples = CLIRunner.packageRoot.appendingPathComponent("examples/policy").path

    func enforce(_ scope: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(
            [
                "policy", "enforce", "--policy", Self.examples + "/agreement.json", "--scope", scope, "--target", "urn:dataset:weather",
                "--participant", Self.examples + "/participant.json", "--usage", Self.examples + "/usage.json",
                "--now", "2026-11-29T12:00:00Z",
            ] + extra)
    }

    @Test func catalogueDefersThePurposeAndTheCount() throws {
        let result = try enforce("catalogue", ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONParser().parse(result.stdoutBytes)
        #expect(report["scope"] == "catalogue")
        let constraints = report["rules"]?.asArray.first?["constraints"]?.asArray ?? []
        #expect(constraints.filter { $0["deferred"] == true }.count == 2)
    }

    @Test func negotiationNeedsThePurpose() throws {
        #expect(try enforce("negotiation").status == 1)
        let stated = try enforce("negotiation", ["--state", "purpose=https://w3id.org/dpv#ResearchAndDevelopment"])
        #expect(stated.status == 0, "\(stated.stdout)")
    }

    @Test func usageCountsTheHistory() throws {
        let result = try enforce("usage", ["--state", "purpose=https://w3id.org/dpv#ResearchAndDevelopment"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✘ count [\"3\""))
    }

    @Test func badRegistryIsAnError() throws {
        let bad = try CLIRunner.temporaryFile(Array(#"{"leftOperands": [{"id": "urn:x"}]}"#.utf8))
        let result = try enforce("usage", ["--registry", bad])
        #expect(result.status == 1)
        #expect(result.stderr.contains("leftOperands[0].source"))
    }
}

/// `--parent`: inheritance is resolved, and a missing parent is an error, not a partial policy.
@Suite("espace policy inheritance")
struct PolicyInheritanceCommandTests {
    @Test func aMissingParentIsAnErrorAndAGivenOneIsMerged() throws {
        let examples = PolicyEnforceCommandTests.examples
        let base = [
            "policy", "enforce", "--policy", examples + "/offer-inheriting.json", "--scope", "catalogue", "--target",
            "urn:dataset:weather", "--participant", examples + "/participant.json", "--now", "2026-11-29T12:00:00Z",
        ]
        let missing = try CLIRunner.run(base)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("inherits from <urn:uuid:agreement-weather-1>, which is not available"))
        let merged = try CLIRunner.run(base + ["--parent", examples + "/agreement.json"])
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(merged.stdout.contains("Decision: PERMIT"))
    }
}

/// `espace policy validate` knows the enforcement registry.
@Suite("espace policy validate with a registry")
struct PolicyValidateRegistryTests {
    @Test func registryOperandsAreKnownAndOperandsWithoutValueAreWarnedAbout() throws {
        let examples = PolicyEnforceCommandTests.examples
        let policy = try CLIRunner.temporaryFile(
            Array(
                """
                {"@context": "https://w3id.org/dspace/2025/1/context.jsonld", "@type": "Offer", "@id": "urn:o", "assigner": "did:web:p",
                 "permission": [{"action": "use", "target": "urn:d", "constraint": [
                   {"leftOperand": "https://dataspace.espace.example/policy#tier", "operator": "eq", "rightOperand": "gold"},
                   {"leftOperand": "absolutePosition", "operator": "eq", "rightOperand": "top"}]}]}
                """.utf8), name: "offer.json")
        let without = try CLIRunner.run(["policy", "validate", policy])
        #expect(without.status == 1)
        #expect(without.stdout.contains("unknown left operand <https://dataspace.espace.example/policy#tier>"))
        let with = try CLIRunner.run(["policy", "validate", policy, "--registry", examples + "/registry.json", "--json"])
        #expect(with.status == 0, "\(with.stdout)\(with.stderr)")
        let report = try JSONParser().parse(with.stdoutBytes)
        let issues = report["issues"]?.asArray ?? []
        #expect(issues.count == 1)
        #expect(issues.first?["severity"] == "warning")
        #expect(issues.first?["message"]?.stringValue?.contains("absolutePosition") == true)
    }
}

/// `--facts`: a taxonomy for isA and asset collections, from Turtle.
@Suite("espace policy enforce with facts")
struct PolicyFactsCommandTests {
    @Test func aNarrowerPurposeIsAResearchPurposeOnlyWithTheTaxonomy() throws {
        let examples = PolicyEnforceCommandTests.examples
        let base = [
            "policy", "enforce", "--policy", examples + "/offer-research.json", "--scope", "negotiation", "--target",
            "urn:dataset:weather", "--state", "purpose=https://w3id.org/dpv#AcademicResearch",
        ]
        #expect(try CLIRunner.run(base).status == 1)
        let result = try CLIRunner.run(base + ["--facts", examples + "/facts.ttl"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let marketing = try CLIRunner.run(
            base.dropLast() + ["purpose=https://w3id.org/dpv#Marketing", "--facts", examples + "/facts.ttl"])
        #expect(marketing.status == 1)
    }
}
