import EspacePolicy
import EspaceTestSupport
import Testing

/// `CompiledPolicy.decide` must answer what the full evaluator's report decides, on every
/// input: generated policies mixing every operator, datatype, logical operand, conflict
/// strategy, collection and duty, against generated requests and states.
@Suite("Compiled policy decisions")
struct CompiledPolicyTests {
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    @Test("decide equals the evaluator's decision on 4000 generated cases")
    func agreesWithTheEvaluator() {
        var random = SplitMix64(seed: "compiled-policy")
        var permits = 0
        for _ in 0..<4_000 {
            let policy = Self.policy(&random)
            let request = Self.request(&random)
            let state = Self.state(&random)
            let full = PolicyEvaluator().evaluate(policy: policy, request: request, state: state).decision
            let fast = CompiledPolicy(policy).decide(request, in: state)
            #expect(fast == full, "\(policy)\n\(request)\n\(state)")
            if full == .permit { permits += 1 }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        #expect(permits > 200)
        #expect(permits < 3_600)
    }

    @Test("a typical agreement permits inside its window and denies outside it")
    func typicalAgreement() {
        let rule = Rule(
            .permission, uid: "urn:rule", action: Action(ODRL.iri("use")), target: Asset("urn:data"),
            constraints: [
                .atomic(AtomicConstraint(leftOperand: ODRL.iri("dateTime"), operator: .lt, rightOperand: [.literal("2027-01-01T00:00:00Z", datatype: Self.xsd + "dateTime")])),
                .atomic(AtomicConstraint(leftOperand: ODRL.iri("count"), operator: .lt, rightOperand: [.literal("3", datatype: Self.xsd + "integer")])),
            ])
        let compiled = CompiledPolicy(Policy(uid: "urn:p", kind: .agreement, permissions: [rule]))
        let request = EvaluationRequest(action: ODRL.iri("read"), party: "urn:a", target: "urn:data")
        #expect(compiled.decide(request, in: StateOfTheWorld(currentTime: StateOfTheWorld.time("2026-06-01T00:00:00Z"))) == .permit)
        #expect(compiled.decide(request, in: StateOfTheWorld(currentTime: StateOfTheWorld.time("2027-06-01T00:00:00Z"))) == .deny)
        #expect(compiled.decide(request, in: StateOfTheWorld(currentTime: StateOfTheWorld.time("2026-06-01T00:00:00Z"), usageCounts: ["urn:rule": 3])) == .deny)
        #expect(compiled.decide(request, in: StateOfTheWorld()) == .deny)
        #expect(compiled.explain(request, in: StateOfTheWorld()).decision == .deny)
    }

    // MARK: generators

    static let leftOperands = ["purpose", "dateTime", "count", "spatial", "payAmount", "elapsedTime", "unknownOperand"].map(ODRL.iri)
    static let values: [PolicyValue] = [
        .iri("urn:purpose:research"), .iri("urn:purpose:marketing"), .iri("urn:area:EU"), .iri("urn:area:DE"),
        .literal("2026-06-01T00:00:00Z", datatype: xsd + "dateTime"), .literal("2027-01-01T00:00:00", datatype: xsd + "dateTime"),
        .literal("2026-06-01", datatype: xsd + "date"), .literal("5", datatype: xsd + "integer"),
        .literal("5.0", datatype: xsd + "decimal"), .literal("2.5e0", datatype: xsd + "double"),
        .literal("P1D", datatype: xsd + "duration"), .literal("P1M", datatype: xsd + "duration"),
        .literal("research", datatype: xsd + "string"), .literal("research", datatype: "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", language: "en"), .literal("true", datatype: xsd + "boolean"),
        .literal("x", datatype: "urn:unknown-type"), .literal("not-a-number", datatype: xsd + "integer"),
    ]
    static let operators: [Operator] = [
        .eq, .neq, .lt, .lteq, .gt, .gteq, .isA, .hasPart, .isPartOf, .isAllOf, .isAnyOf, .isNoneOf, .unknown("urn:op"),
    ]
    static let actions = ["use", "read", "distribute", "print", "urn:custom-action"].map { $0.hasPrefix("urn") ? $0 : ODRL.iri($0) }
    static let targets = ["urn:data:1", "urn:data:2", "urn:collection"]
    static let parties = ["urn:party:a", "urn:party:b", "urn:group"]

    static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T { items[Int(random.next() % UInt64(items.count))] }
    static func chance(_ percent: UInt64, _ random: inout SplitMix64) -> Bool { random.next() % 100 < percent }

    static func constraint(_ random: inout SplitMix64, depth: Int = 0) -> Constraint {
        if depth < 2, chance(20, &random) {
            let members = (0..<Int(random.next() % 3)).map { _ in constraint(&random, depth: depth + 1) }
            return .logical(LogicalConstraint(pick(LogicalConstraint.Operand.allCases, &random), members))
        }
        let count = chance(80, &random) ? 1 : Int(random.next() % 3)
        return .atomic(
            AtomicConstraint(
                leftOperand: pick(leftOperands, &random), operator: pick(operators, &random),
                rightOperand: (0..<count).map { _ in pick(values, &random) },
                rightOperandReference: chance(3, &random) ? ["urn:ref"] : [],
                dataType: chance(5, &random) ? pick([xsd + "integer", xsd + "dateTime", "urn:type"], &random) : nil))
    }

    static func rule(_ kind: Rule.Kind, _ random: inout SplitMix64) -> Rule {
        Rule(
            kind, uid: "urn:rule:\(random.next() % 4)", action: chance(90, &random) ? Action(pick(actions, &random)) : nil,
            target: chance(80, &random) ? Asset(pick(targets, &random)) : nil,
            assignee: chance(50, &random) ? Party(pick(parties, &random)) : nil,
            constraints: (0..<Int(random.next() % 3)).map { _ in constraint(&random) },
            duties: kind == .permission && chance(10, &random)
                ? [Rule(.duty, uid: "urn:duty:\(random.next() % 2)", action: Action(pick(actions, &random)))] : [])
    }

    static func policy(_ random: inout SplitMix64) -> Policy {
        Policy(
            uid: "urn:policy", kind: .set,
            conflict: chance(50, &random) ? pick([.perm, .prohibit, .invalid], &random) : nil,
            permissions: (0..<1 + Int(random.next() % 3)).map { _ in rule(.permission, &random) },
            prohibitions: (0..<Int(random.next() % 2)).map { _ in rule(.prohibition, &random) },
            obligations: chance(10, &random) ? [rule(.duty, &random)] : [])
    }

    static func request(_ random: inout SplitMix64) -> EvaluationRequest {
        var context: [String: [PolicyValue]] = [:]
        for operand in leftOperands where chance(40, &random) { context[operand] = [pick(values, &random)] }
        return EvaluationRequest(
            action: pick(actions, &random), party: chance(90, &random) ? pick(parties, &random) : nil,
            target: chance(90, &random) ? pick(targets, &random) : nil, context: context)
    }

    static func state(_ random: inout SplitMix64) -> StateOfTheWorld {
        StateOfTheWorld(
            currentTime: chance(80, &random) ? pick(values, &random) : nil,
            memberships: chance(50, &random) ? ["urn:data:1": ["urn:collection"], "urn:party:a": ["urn:group"], "urn:area:DE": ["urn:area:EU"]] : [:],
            types: chance(30, &random) ? ["urn:purpose:research": ["urn:purpose:any"]] : [:],
            usageCounts: chance(50, &random) ? ["urn:rule:\(random.next() % 4)": Int(random.next() % 8)] : [:],
            dutyStates: chance(30, &random) ? ["urn:duty:0": pick([.fulfilled, .violated, .nonSet], &random)] : [:],
            values: chance(30, &random) ? [ODRL.iri("spatial"): [pick(values, &random)]] : [:])
    }
}
