import EspacePolicy
import Testing

/// Collections refined by their members' attributes, units, statuses, remedies and
/// consequences, inheritance and the transfer monitor.
@Suite("ODRL semantics beyond constraints")
struct PolicySemanticsTests {
    static let country = LeftOperandRegistry.espace + "countryOfRegistration"

    static func permission(_ assignee: Party? = nil, _ constraints: [Constraint] = [], duties: [Rule] = []) -> Rule {
        Rule(.permission, uid: "urn:perm", action: Action(ODRL.iri("use")), target: Asset("urn:x"), assignee: assignee, constraints: constraints, duties: duties)
    }

    static func atomic(_ left: String, _ op: Operator, _ right: PolicyValue, unit: String? = nil, status: PolicyValue? = nil) -> Constraint {
        .atomic(AtomicConstraint(leftOperand: left, operator: op, rightOperand: [right], unit: unit, status: status))
    }

    static func decide(_ policy: Policy, _ request: EvaluationRequest, _ state: StateOfTheWorld) -> ComplianceReport.Decision {
        let report = PolicyEvaluator().evaluate(policy: policy, request: request, state: state)
        #expect(CompiledPolicy(policy).decide(request, in: state) == report.decision)
        return report.decision
    }

    @Test("a party collection's refinement is evaluated on the requesting member's attributes")
    func collectionRefinement() {
        let group = Party("urn:partners", isCollection: true, refinements: [Self.atomic(Self.country, .eq, Eval.str("BE"))])
        let policy = Policy(uid: "urn:p", permissions: [Self.permission(group)])
        var state = Eval.now
        state.memberships = ["urn:alice": ["urn:partners"], "urn:bob": ["urn:partners"]]
        state.attributes = ["urn:alice": [Self.country: [Eval.str("BE")]], "urn:bob": [Self.country: [Eval.str("FR")]]]
        #expect(Self.decide(policy, Eval.request(party: "urn:alice"), state) == .permit)
        #expect(Self.decide(policy, Eval.request(party: "urn:bob"), state) == .deny)
        #expect(Self.decide(policy, Eval.request(party: "urn:carol"), state) == .deny)
    }

    @Test("a constraint with a unit holds only for values known to be in that unit")
    func units() {
        let euro = "https://www.wikidata.org/wiki/Q4916"
        let pay = ODRL.iri("payAmount")
        let policy = Policy(uid: "urn:p", permissions: [Self.permission(nil, [Self.atomic(pay, .gteq, Eval.lit("10.00", "decimal"), unit: euro)])])
        let request = Eval.request(context: [pay: [Eval.lit("12.5", "decimal")]])
        var state = Eval.now
        #expect(Self.decide(policy, request, state) == .deny)
        let report = PolicyEvaluator().evaluate(policy: policy, request: request, state: state)
        #expect(report.rules[0].constraints[0].reason.contains("the unit of"))
        state.units[pay] = "https://www.wikidata.org/wiki/Q4917"
        #expect(Self.decide(policy, request, state) == .deny)
        state.units[pay] = euro
        #expect(Self.decide(policy, request, state) == .permit)
    }

    @Test("a constraint's status stands for the left operand when nothing else gives a value")
    func status() {
        let left = "urn:printed"
        let policy = Policy(uid: "urn:p", permissions: [Self.permission(nil, [Self.atomic(left, .lt, Eval.lit("10", "integer"), status: Eval.lit("5", "integer"))])])
        #expect(Self.decide(policy, Eval.request(), Eval.now) == .permit)
        let report = PolicyEvaluator().evaluate(policy: policy, request: Eval.request(), state: Eval.now)
        #expect(report.rules[0].constraints[0].reason.contains("status"))
        #expect(Self.decide(policy, Eval.request(context: [left: [Eval.lit("12", "integer")]]), Eval.now) == .deny)
    }

    @Test("a violated duty makes its consequences due; a prohibition lists its remedies")
    func consequencesAndRemedies() throws {
        let consequence = Rule(.duty, uid: "urn:fine", action: Action(ODRL.iri("compensate")))
        let duty = Rule(.duty, uid: "urn:attribute", action: Action(ODRL.iri("attribute")), consequences: [consequence])
        let remedy = Rule(.duty, uid: "urn:delete", action: Action(ODRL.iri("delete")))
        let prohibition = Rule(.prohibition, uid: "urn:no-share", action: Action(ODRL.iri("distribute")), target: Asset("urn:x"), remedies: [remedy])
        let policy = Policy(uid: "urn:p", permissions: [Self.permission(nil, duties: [duty])], prohibitions: [prohibition])
        var state = Eval.now
        state.dutyStates = ["urn:attribute": .violated]
        let report = PolicyEvaluator().evaluate(policy: policy, request: Eval.request(), state: state)
        let dutyReport = try #require(report.rules.first?.duties.first)
        #expect(dutyReport.state == .violated)
        #expect(dutyReport.consequences.map(\.uid) == ["urn:fine"])
        #expect(report.decision == .deny)
        state.dutyStates = [:]
        let fine = PolicyEvaluator().evaluate(policy: policy, request: Eval.request(), state: state)
        #expect(fine.rules.first?.duties.first?.consequences.isEmpty == true)
        let distribute = PolicyEvaluator().evaluate(policy: policy, request: Eval.request(action: ODRL.iri("distribute")), state: state)
        let prohibitionReport = try #require(distribute.rules.first { $0.kind == .prohibition })
        #expect(prohibitionReport.active)
        #expect(prohibitionReport.remedies.map(\.uid) == ["urn:delete"])
    }

    @Test("a policy inherits its parents' rules, profiles and strategy; statuses are dropped")
    func inheritance() throws {
        let parent = Policy(
            uid: "urn:parent", profiles: ["urn:profile"], conflict: .prohibit,
            permissions: [Self.permission(nil, [Self.atomic("urn:left", .lt, Eval.lit("3", "integer"), status: Eval.lit("1", "integer"))])])
        let grand = Policy(uid: "urn:grand", prohibitions: [Rule(.prohibition, action: Action(ODRL.iri("print")), target: Asset("urn:x"))])
        var parentWithGrand = parent
        parentWithGrand.inheritFrom = ["urn:grand"]
        let child = Policy(uid: "urn:child", inheritFrom: ["urn:parent"], permissions: [Self.permission()])
        let known = ["urn:parent": parentWithGrand, "urn:grand": grand]
        let merged = try child.resolvingInheritance { known[$0] }
        #expect(merged.permissions.count == 2)
        #expect(merged.prohibitions.count == 1)
        #expect(merged.profiles == ["urn:profile"])
        #expect(merged.conflict == .prohibit)
        #expect(merged.inheritFrom.isEmpty)
        guard case .atomic(let inherited) = merged.permissions[1].constraints[0] else {
            Issue.record("expected the inherited atomic constraint")
            return
        }
        #expect(inherited.status == nil)
        var differing = child
        differing.conflict = .perm
        #expect(try differing.resolvingInheritance { known[$0] }.conflict == .invalid)
    }

    @Test("missing parents, cycles and over-deep chains are errors")
    func inheritanceErrors() {
        let a = Policy(uid: "urn:a", inheritFrom: ["urn:b"], permissions: [Self.permission()])
        let b = Policy(uid: "urn:b", inheritFrom: ["urn:a"], permissions: [Self.permission()])
        #expect { try a.resolvingInheritance { _ in nil } } throws: { ($0 as? PolicyError)?.message.contains("not available") == true }
        #expect { try a.resolvingInheritance { ["urn:b": b][$0] } } throws: { ($0 as? PolicyError)?.message.contains("circular") == true }
        var chain: [String: Policy] = [:]
        for i in 0..<40 { chain["urn:\(i)"] = Policy(uid: "urn:\(i)", inheritFrom: ["urn:\(i + 1)"], permissions: [Self.permission()]) }
        chain["urn:40"] = Policy(uid: "urn:40", permissions: [Self.permission()])
        #expect { try chain["urn:0"]!.resolvingInheritance { chain[$0] } } throws: { ($0 as? PolicyError)?.message.contains("deeper") == true }
    }

    @Test("the monitor terminates transfers whose agreement no longer permits, and says why")
    func monitor() throws {
        let agreement = CompiledPolicy(
            Policy(uid: "urn:a", kind: .agreement, permissions: [Self.permission(nil, [Self.atomic(ODRL.iri("dateTime"), .lt, Eval.lit("2026-12-01T00:00:00Z", "dateTime"))])]))
        func transfer(_ id: String, _ now: Double) -> TransferMonitor.RunningTransfer {
            .init(id: id, agreement: agreement, context: EnforcementContext(scope: .transfer, action: ODRL.iri("use"), target: "urn:x", now: now))
        }
        let verdicts = TransferMonitor().check([transfer("t1", 1_795_953_600), transfer("t2", 1_796_990_400)])
        #expect(verdicts.map(\.terminate) == [false, true])
        #expect(verdicts[1].report?.decision == .deny)
        #expect(verdicts[1].report?.rules.first?.constraints.first?.satisfied == false)
    }
}
