import EspacePolicy
import EspaceRDF
import Testing

@Suite("Policy evaluation: rules, logical constraints, duties, conflicts")
struct EvaluationEvaluatorTests {
    static let read = Action(ODRL.iri("read"))
    static let use = Action(ODRL.iri("use"))

    static func time(_ op: Operator, _ value: String, uid: String) -> Constraint {
        .atomic(
            AtomicConstraint(
                uid: uid, leftOperand: ODRL.iri("dateTime"), operator: op, rightOperand: [Eval.lit(value, "dateTime")]))
    }

    static let in2024 = time(.gt, "2024-01-01T00:00:00Z", uid: "urn:after")
    static let before2024 = time(.lt, "2024-01-01T00:00:00Z", uid: "urn:before")

    func logical(_ operand: LogicalConstraint.Operand, _ members: [Constraint]) -> ConstraintReport {
        Eval.check(.logical(LogicalConstraint(uid: "urn:l", operand, members)))
    }

    @Test func logicalConstraints() {
        let yes = Self.in2024
        let no = Self.before2024
        #expect(logical(.and, [yes, yes]).satisfied)
        let and = logical(.and, [yes, no])
        #expect(!and.satisfied)
        #expect(and.reason == "1 of 2 members satisfied; and needs all")
        #expect(and.members.map(\.satisfied) == [true, false])
        #expect(and.flattened.compactMap(\.uid) == ["urn:l", "urn:after", "urn:before"])
        #expect(logical(.or, [no, yes]).satisfied)
        #expect(!logical(.or, [no, no]).satisfied)
        #expect(logical(.xone, [no, yes]).satisfied)
        let xone = logical(.xone, [yes, yes])
        #expect(!xone.satisfied)
        #expect(xone.reason.contains("exactly one"))
        #expect(logical(.andSequence, [yes, yes]).satisfied)
        #expect(!logical(.andSequence, [yes, no]).satisfied)
        let empty = logical(.or, [])
        #expect(!empty.satisfied)
        #expect(empty.reason.contains("no members"))
        // Nested: or(and(yes, no), yes).
        let nested = logical(.or, [.logical(LogicalConstraint(uid: "urn:inner", .and, [yes, no])), yes])
        #expect(nested.satisfied)
        #expect(nested.members[0].satisfied == false)
    }

    @Test func premisesUseTheActionHierarchyAndCollections() {
        var state = Eval.now
        state.memberships["urn:alice"] = ["urn:team"]
        state.memberships["urn:x"] = ["urn:folder"]
        let rule = Rule(
            .permission, uid: "urn:p", action: Self.use, target: Asset("urn:folder", isCollection: true),
            assignee: Party("urn:team", isCollection: true))
        let report = PolicyEvaluator().evaluate(rule: rule, request: Eval.request(), state: state)
        #expect(report.active, "\(report.reasons)")
        #expect(report.matchesRequest)
        #expect(report.premises.map(\.kind) == [.action, .target, .party])
        // sell is included in transfer, not in use.
        let sell = PolicyEvaluator().evaluate(rule: rule, request: Eval.request(action: ODRL.iri("sell")), state: state)
        #expect(!sell.active)
        #expect(sell.premises[0].reason.contains("not <http://www.w3.org/ns/odrl/2/use> nor included in it"))
        // Deprecated write is modify, included in use.
        #expect(
            PolicyEvaluator().evaluate(rule: rule, request: Eval.request(action: ODRL.iri("write")), state: state)
                .active)
        // Bob is in no collection.
        let bob = PolicyEvaluator().evaluate(rule: rule, request: Eval.request(party: "urn:bob"), state: state)
        #expect(!bob.active)
        #expect(bob.premises[2].reason == "<urn:bob> is not <urn:team> nor a member of it")
        // A profile's action made part of read by the state of the world.
        state.actionHierarchy["urn:skim"] = [ODRL.iri("read")]
        #expect(PolicyEvaluator().evaluate(rule: rule, request: Eval.request(action: "urn:skim"), state: state).active)
        // A rule without action, target or party matches anything and has no premise reports.
        let any = PolicyEvaluator().evaluate(
            rule: Rule(.permission, uid: "urn:any", action: nil), request: Eval.request(), state: state)
        #expect(any.active && any.premises.isEmpty)
    }

    @Test func refinementsNarrowTheAction() {
        let refined = Action(
            ODRL.iri("use"),
            refinements: [
                .atomic(
                    AtomicConstraint(
                        uid: "urn:r", leftOperand: Eval.purpose, operator: .eq, rightOperand: [.iri("urn:research")]))
            ])
        let rule = Rule(.permission, uid: "urn:p", action: refined)
        let ok = PolicyEvaluator().evaluate(
            rule: rule, request: Eval.request(context: [Eval.purpose: [.iri("urn:research")]]), state: Eval.now)
        #expect(ok.active)
        let wrong = PolicyEvaluator().evaluate(
            rule: rule, request: Eval.request(context: [Eval.purpose: [.iri("urn:ads")]]), state: Eval.now)
        #expect(!wrong.active)
        #expect(wrong.premises[0].reason == "an action refinement is not satisfied")
    }

    static let duty = Rule(.duty, uid: "urn:duty", action: Action(ODRL.iri("compensate")))
    static let policyWithDuty = Policy(
        uid: "urn:policy",
        permissions: [Rule(.permission, uid: "urn:p", action: read, target: Asset("urn:x"), duties: [duty])])

    @Test(arguments: [(DeonticState.nonSet, true), (.fulfilled, true), (.violated, false)])
    func dutiesFromTheStateOfTheWorld(_ deontic: DeonticState, _ permitted: Bool) {
        var state = Eval.now
        state.dutyStates["urn:duty"] = deontic
        let report = PolicyEvaluator().evaluate(policy: Self.policyWithDuty, request: Eval.request(), state: state)
        #expect(report.rules[0].duties.map(\.state) == [deontic])
        #expect(report.rules[0].active == permitted)
        #expect(report.decision == (permitted ? .permit : .deny))
        if !permitted { #expect(report.rules[0].reasons == ["duty <urn:duty> is violated"]) }
    }

    @Test func dutyFulfilledByAPerformedAction() {
        var state = Eval.now
        #expect(
            PolicyEvaluator().evaluate(policy: Self.policyWithDuty, request: Eval.request(), state: state).rules[0]
                .duties[0].state == .nonSet)
        state.performedActions = [
            PerformedAction(action: ODRL.iri("compensate"), time: Eval.lit("2024-02-12T10:00:00Z", "dateTime"))
        ]
        #expect(
            PolicyEvaluator().evaluate(policy: Self.policyWithDuty, request: Eval.request(), state: state).rules[0]
                .duties[0].state == .fulfilled)
        // Performed after now: does not count.
        state.performedActions = [
            PerformedAction(action: ODRL.iri("compensate"), time: Eval.lit("2024-02-13T10:00:00Z", "dateTime"))
        ]
        #expect(
            PolicyEvaluator().evaluate(policy: Self.policyWithDuty, request: Eval.request(), state: state).rules[0]
                .duties[0].state == .nonSet)
    }

    @Test func inactiveDutyDoesNotBlock() {
        let duty = Rule(.duty, uid: "urn:duty", action: Action(ODRL.iri("compensate")), constraints: [Self.before2024])
        let policy = Policy(
            uid: "urn:policy", permissions: [Rule(.permission, uid: "urn:p", action: Self.read, duties: [duty])])
        var state = Eval.now
        state.dutyStates["urn:duty"] = .violated
        let report = PolicyEvaluator().evaluate(policy: policy, request: Eval.request(), state: state)
        #expect(report.rules[0].duties[0].active == false)
        #expect(report.decision == .permit)
    }

    static func conflicting(_ strategy: Policy.ConflictStrategy?) -> Policy {
        Policy(
            uid: "urn:policy", conflict: strategy, permissions: [Rule(.permission, uid: "urn:p", action: use)],
            prohibitions: [Rule(.prohibition, uid: "urn:q", action: read)])
    }

    @Test func conflictStrategies() {
        let perm = PolicyEvaluator().evaluate(policy: Self.conflicting(.perm), request: Eval.request(), state: Eval.now)
        #expect(perm.decision == .permit)
        #expect(perm.reasons.first == "conflict: permitted by <urn:p> and prohibited by <urn:q>")
        #expect(
            PolicyEvaluator().evaluate(policy: Self.conflicting(.prohibit), request: Eval.request(), state: Eval.now)
                .decision == .deny)
        let invalid = PolicyEvaluator().evaluate(
            policy: Self.conflicting(nil), request: Eval.request(), state: Eval.now)
        #expect(invalid.conflictStrategy == .invalid)
        #expect(invalid.decision == .deny)
        #expect(invalid.reasons.last == "the conflict strategy invalid makes the policy void")
        // No conflict when the prohibition does not apply (it prohibits reading only).
        let modify = PolicyEvaluator().evaluate(
            policy: Self.conflicting(nil), request: Eval.request(action: ODRL.iri("modify")), state: Eval.now)
        #expect(modify.decision == .permit)
    }

    @Test func closedWorldDeniesWhenNothingApplies() {
        let policy = Policy(
            uid: "urn:policy",
            permissions: [Rule(.permission, uid: "urn:p", action: Self.read, constraints: [Self.before2024])])
        let report = PolicyEvaluator().evaluate(policy: policy, request: Eval.request(), state: Eval.now)
        #expect(report.decision == .deny)
        #expect(report.reasons == ["no permission applies (closed world)"])
        #expect(report.rules[0].attempted && report.rules[0].matchesRequest && !report.rules[0].active)
        #expect(report.rules[0].reasons[0].hasPrefix("constraint <urn:before> not satisfied"))
    }
}
