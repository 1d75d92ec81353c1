import EspacePolicy

/// ODRL evaluation: a typical data space agreement (one permission to use a dataset for a
/// purpose, inside a date window, at most 100 times) and a 1 000-rule policy (a permission per
/// dataset, each with its own window and count limit, the request matching the last one).
/// There is no peer: no ODRL evaluator installs from this machine's registries (the SolidLab
/// reference evaluator is a Node package), so the issue's goal (< 2 µs) is the yardstick.
enum PolicyBenchmarks {
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
    static let purposeIRI = "https://w3id.org/dpv#ResearchAndDevelopment"

    static func all(_ inputs: BenchmarkInputs) throws -> [Benchmark] {
        let agreement = typicalAgreement()
        let request = EvaluationRequest(
            action: ODRL.iri("use"), party: "did:web:consumer.example", target: "urn:dataset:weather",
            context: [ODRL.iri("purpose"): [.iri(purposeIRI)]])
        let state = StateOfTheWorld(
            currentTime: StateOfTheWorld.time("2026-11-29T12:00:00Z"), usageCounts: ["urn:rule:use": 42])
        let large = largePolicy(rules: 1_000)
        let largeRequest = EvaluationRequest(
            action: ODRL.iri("use"), party: "did:web:consumer.example", target: "urn:dataset:999",
            context: [ODRL.iri("purpose"): [.iri(purposeIRI)]])
        let compiled = CompiledPolicy(agreement)
        let compiledLarge = CompiledPolicy(large)
        // The worst case for the index: 1 000 rules on one dataset, one per consumer; the
        // request comes from the last consumer, so every rule is examined.
        let shared = CompiledPolicy(sharedTargetPolicy(rules: 1_000))
        let sharedRequest = EvaluationRequest(
            action: ODRL.iri("use"), party: "did:web:consumer-999.example", target: "urn:dataset:weather",
            context: [ODRL.iri("purpose"): [.iri(purposeIRI)]])
        return [
            Benchmark(
                "policy.decide.agreement",
                check: { checkPermit("policy.decide.agreement", compiled, request, state) },
                run: { compiled.decide(request, in: state) == .permit ? 1 : 0 }),
            Benchmark(
                "policy.decide.rules-1000",
                check: { checkPermit("policy.decide.rules-1000", compiledLarge, largeRequest, state) },
                run: { compiledLarge.decide(largeRequest, in: state) == .permit ? 1 : 0 }),
            Benchmark(
                "policy.decide.rules-1000-one-target",
                check: { checkPermit("policy.decide.rules-1000-one-target", shared, sharedRequest, state) },
                run: { shared.decide(sharedRequest, in: state) == .permit ? 1 : 0 }),
            Benchmark("policy.compile.rules-1000") { CompiledPolicy(large).policy.rules.count },
            // The full compliance report, with every reason written out (the explanation path).
            Benchmark("policy.explain.agreement") { compiled.explain(request, in: state).rules.count },
            Benchmark("policy.explain.rules-1000") { compiledLarge.explain(largeRequest, in: state).rules.count },
        ]
    }

    /// Fails the run unless the decision is permit and the full report agrees (the benchmark
    /// must time a real evaluation that reaches the permission).
    static func checkPermit(_ name: String, _ policy: CompiledPolicy, _ request: EvaluationRequest, _ state: StateOfTheWorld) {
        let report = policy.explain(request, in: state)
        guard policy.decide(request, in: state) == .permit, report.decision == .permit else {
            EspaceBenchmarks.fail("check \(name): expected permit, got \(report.reasons.joined(separator: "; "))")
        }
        CredentialBenchmarks.report(name, "permit, and the full report agrees (\(report.rules.count) rules)")
    }

    static func typicalAgreement() -> Policy {
        Policy(
            uid: "urn:agreement:1", kind: .agreement,
            permissions: [permission(uid: "urn:rule:use", target: "urn:dataset:weather", limit: 100)])
    }

    static func largePolicy(rules: Int) -> Policy {
        Policy(
            uid: "urn:policy:large", kind: .set,
            permissions: (0..<rules).map { permission(uid: "urn:rule:\($0)", target: "urn:dataset:\($0)", limit: 100 + $0) })
    }

    static func sharedTargetPolicy(rules: Int) -> Policy {
        Policy(
            uid: "urn:policy:shared", kind: .set,
            permissions: (0..<rules).map {
                permission(uid: "urn:rule:use", target: "urn:dataset:weather", limit: 100, assignee: "did:web:consumer-\($0).example")
            })
    }

    static func permission(uid: String, target: String, limit: Int, assignee: String = "did:web:consumer.example") -> Rule {
        func constraint(_ left: String, _ op: Operator, _ right: PolicyValue) -> Constraint {
            .atomic(AtomicConstraint(leftOperand: ODRL.iri(left), operator: op, rightOperand: [right]))
        }
        return Rule(
            .permission, uid: uid, action: Action(ODRL.iri("use")), target: Asset(target),
            assigner: Party("did:web:provider.example"), assignee: Party(assignee),
            constraints: [
                constraint("purpose", .eq, .iri(purposeIRI)),
                constraint("dateTime", .gteq, .literal("2026-01-01T00:00:00Z", datatype: xsd + "dateTime")),
                constraint("dateTime", .lt, .literal("2027-01-01T00:00:00Z", datatype: xsd + "dateTime")),
                constraint("count", .lteq, .literal(String(limit), datatype: xsd + "integer")),
            ])
    }
}
