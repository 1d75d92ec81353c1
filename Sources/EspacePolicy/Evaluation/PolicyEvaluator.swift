/// Evaluates an ODRL policy for one request in a state of the world (pure; closed world).
///
/// Each permission, prohibition and obligation gets a `RuleReport`. A rule is *active* when
/// its premises hold (the requested action is the rule's or included in it, transitively;
/// the target and the party equal the rule's or are members of its collection; action
/// refinements hold) and all its constraints are satisfied; a permission is also inactive
/// when one of its active duties is violated (SolidLab semantics: a not-set duty does not
/// block). The decision: permit if an active permission and no active prohibition; deny if
/// an active prohibition and no active permission; both: by the conflict strategy (`perm`
/// permits, `prohibit` and the default `invalid` deny); none: deny (closed world).
public struct PolicyEvaluator: Sendable {
    public init() {}

    /// The compliance report of `policy` for `request` in `state`.
    public func evaluate(policy: Policy, request: EvaluationRequest, state: StateOfTheWorld) -> ComplianceReport {
        let rules = policy.rules.map { evaluate(rule: $0, request: request, state: state) }
        let strategy = policy.conflict ?? .invalid
        let permits = rules.filter { $0.kind == .permission && $0.active }
        let prohibits = rules.filter { $0.kind == .prohibition && $0.active }
        let names: ([RuleReport]) -> String = {
            $0.map { $0.ruleUID.map { "<\($0)>" } ?? "(blank rule)" }.joined(separator: ", ")
        }
        let decision: ComplianceReport.Decision
        var reasons: [String] = []
        switch (permits.isEmpty, prohibits.isEmpty) {
        case (false, true):
            decision = .permit
            reasons.append("permitted by \(names(permits))")
        case (true, false):
            decision = .deny
            reasons.append("prohibited by \(names(prohibits))")
        case (false, false):
            reasons.append("conflict: permitted by \(names(permits)) and prohibited by \(names(prohibits))")
            switch strategy {
            case .perm:
                decision = .permit
                reasons.append("the conflict strategy perm lets permissions override prohibitions")
            case .prohibit:
                decision = .deny
                reasons.append("the conflict strategy prohibit lets prohibitions override permissions")
            case .invalid:
                decision = .deny
                reasons.append("the conflict strategy invalid makes the policy void")
            }
        case (true, true):
            decision = .deny
            reasons.append("no permission applies (closed world)")
        }
        return ComplianceReport(
            policyUID: policy.uid, requestUID: request.uid, stateUID: state.uid, conflictStrategy: strategy,
            rules: rules,
            decision: decision, reasons: reasons)
    }

    /// The report of one rule.
    public func evaluate(rule: Rule, request: EvaluationRequest, state: StateOfTheWorld) -> RuleReport {
        let constraints = ConstraintEvaluator(
            request: request, state: state, ruleUID: rule.uid, ruleAction: rule.action?.iri, ruleKind: rule.kind)
        var premises: [PremiseReport] = []
        var refinementReports: [ConstraintReport] = []
        if let action = rule.action {
            let included = ActionHierarchy.isIncluded(request.action, in: action.iri, additions: state.actionHierarchy)
            let refinements = action.refinements.map { constraints.evaluate($0) }
            refinementReports += refinements
            let refined = refinements.allSatisfy(\.satisfied)
            let reason =
                !included
                ? "<\(request.action)> is not <\(action.iri)> nor included in it"
                : refined
                    ? "<\(request.action)> is <\(action.iri)> or included in it"
                    : "an action refinement is not satisfied"
            premises.append(PremiseReport(kind: .action, satisfied: included && refined, reason: reason))
        }
        if let target = rule.target {
            premises.append(
                match(.target, request.target, target.iri, target.refinements, constraints, state, &refinementReports))
        }
        if let assignee = rule.assignee {
            premises.append(
                match(.party, request.party, assignee.iri, assignee.refinements, constraints, state, &refinementReports)
            )
        }
        let constraintReports = rule.constraints.map { constraints.evaluate($0) }
        let duties: [DutyReport]
        switch rule.kind {
        case .permission: duties = rule.duties.map { duty($0, request, state, inheritingFrom: rule) }
        case .duty: duties = [duty(rule, request, state, inheritingFrom: nil)]
        case .prohibition: duties = []
        }
        let remedies = rule.kind == .prohibition ? rule.remedies.map { duty($0, request, state, inheritingFrom: rule) } : []
        var reasons: [String] = []
        for premise in premises where !premise.satisfied { reasons.append(premise.reason) }
        for report in constraintReports where !report.satisfied {
            reasons.append("constraint \(report.uid.map { "<\($0)>" } ?? "(blank)") not satisfied: \(report.reason)")
        }
        for duty in duties where duty.active && duty.state == .violated {
            reasons.append("duty \(duty.uid.map { "<\($0)>" } ?? "(blank)") is violated")
        }
        let matches = premises.allSatisfy(\.satisfied)
        let active = reasons.isEmpty
        if active { reasons.append("all premises and constraints hold") }
        return RuleReport(
            ruleUID: rule.uid, kind: rule.kind, requestRuleUID: request.ruleUID, attempted: true,
            matchesRequest: matches,
            active: active, premises: premises, constraints: constraintReports + refinementReports, duties: duties,
            remedies: remedies, reasons: reasons)
    }

    func match(
        _ kind: PremiseReport.Kind, _ requested: String?, _ ruleIRI: String, _ refinements: [Constraint],
        _ constraints: ConstraintEvaluator, _ state: StateOfTheWorld, _ reports: inout [ConstraintReport]
    ) -> PremiseReport {
        let what = kind == .target ? "target" : "party"
        guard let requested else {
            return PremiseReport(
                kind: kind, satisfied: false, reason: "the request names no \(what); the rule needs <\(ruleIRI)>")
        }
        // A collection's refinements select its members: evaluated on the requested member.
        let member = constraints.refining(requested)
        let refined = refinements.map { member.evaluate($0) }
        reports += refined
        if !refined.allSatisfy(\.satisfied) {
            return PremiseReport(
                kind: kind, satisfied: false, reason: "a refinement of the \(what) <\(ruleIRI)> is not satisfied")
        }
        if requested == ruleIRI {
            return PremiseReport(kind: kind, satisfied: true, reason: "the \(what) is <\(ruleIRI)>")
        }
        if state.isMember(requested, of: ruleIRI) {
            return PremiseReport(kind: kind, satisfied: true, reason: "<\(requested)> is a member of <\(ruleIRI)>")
        }
        return PremiseReport(
            kind: kind, satisfied: false, reason: "<\(requested)> is not <\(ruleIRI)> nor a member of it")
    }

    /// A duty's report: active when its constraints hold; its state from the SotW's records
    /// (by uid), else fulfilled when a matching action was performed by now, else not set.
    func duty(_ duty: Rule, _ request: EvaluationRequest, _ state: StateOfTheWorld, inheritingFrom parent: Rule?)
        -> DutyReport
    {
        var report = dutyState(duty, request, state, parent)
        if report.state == .violated {
            report.consequences = duty.consequences.map { dutyState($0, request, state, duty) }
            report.reason += duty.consequences.isEmpty ? "" : "; its \(duty.consequences.count) consequence(s) are now due"
        }
        return report
    }

    /// A duty's state. A duty naming no parties inherits those of the rule referring to it (IM §2.6).
    func dutyState(_ duty: Rule, _ request: EvaluationRequest, _ state: StateOfTheWorld, _ parent: Rule?) -> DutyReport {
        var duty = duty
        if duty.assignee == nil, duty.assigner == nil, let parent {
            duty.assignee = parent.assignee
            duty.assigner = parent.assigner
        }
        let evaluator = ConstraintEvaluator(
            request: request, state: state, ruleUID: duty.uid, ruleAction: duty.action?.iri, ruleKind: .duty)
        let reports = duty.constraints.map { evaluator.evaluate($0) }
        let active = reports.allSatisfy(\.satisfied)
        if let uid = duty.uid, let known = state.dutyStates[uid] {
            return DutyReport(
                uid: uid, action: duty.action?.iri, active: active, state: known, constraints: reports,
                reason: "the state of the world records the duty as \(known.rawValue)")
        }
        let performed = state.performedActions.first { record in
            guard let action = duty.action?.iri,
                ActionHierarchy.isIncluded(record.action, in: action, additions: state.actionHierarchy)
            else { return false }
            if let party = duty.assignee?.iri, record.party != party { return false }
            if let target = duty.target?.iri, record.target != target { return false }
            if let time = record.time, let now = state.currentTime {
                guard case .success(let order) = PolicyValueComparison.order(time, now), order != .greater else {
                    return false
                }
            }
            return true
        }
        if performed != nil {
            return DutyReport(
                uid: duty.uid, action: duty.action?.iri, active: active, state: .fulfilled, constraints: reports,
                reason: "a matching action was performed")
        }
        return DutyReport(
            uid: duty.uid, action: duty.action?.iri, active: active, state: .nonSet, constraints: reports,
            reason: "no record of the duty being performed or violated")
    }
}
