/// A policy prepared for many decisions: right operands parsed once, rules indexed by
/// target, and a decision path that builds no report.
///
/// `decide` answers exactly what `PolicyEvaluator.evaluate(...).decision` answers (the tests
/// check this over the SolidLab suite and over generated policies); `explain` gives the full
/// compliance report when a caller needs to say why. Enforcement points decide on every
/// data access and explain only when they deny.
public struct CompiledPolicy: Sendable {
    /// The policy as given.
    public let policy: Policy
    let strategy: Policy.ConflictStrategy
    let rules: [CompiledRule]
    /// Rule indices by target IRI (the rule applies to that asset or, as a collection, to its members).
    let byTarget: [String: [Int]]
    /// Rules without a target (they apply to any target).
    let untargeted: [Int]
    /// The number of distinct left operands (the size of a decision's value cache).
    let slotCount: Int
    /// Every left operand the policy uses (what an enforcement point must supply).
    public let leftOperands: Set<String>

    public init(_ policy: Policy) {
        self.policy = policy
        strategy = policy.conflict ?? .invalid
        var slots: [String: Int] = [:]
        var rules: [CompiledRule] = []
        for rule in policy.rules { rules.append(CompiledRule(rule, slots: &slots)) }
        self.rules = rules
        slotCount = slots.count
        var byTarget: [String: [Int]] = [:]
        var untargeted: [Int] = []
        for (index, rule) in policy.rules.enumerated() {
            if let target = rule.target?.iri {
                byTarget[target, default: []].append(index)
            } else {
                untargeted.append(index)
            }
        }
        self.byTarget = byTarget
        self.untargeted = untargeted
        leftOperands = policy.leftOperands
    }

    /// Permit or deny `request` in `state`, with the evaluator's semantics (closed world,
    /// fail closed, the conflict strategy), without building a report.
    public func decide(_ request: EvaluationRequest, in state: StateOfTheWorld) -> ComplianceReport.Decision {
        var permitted = false
        var prohibited = false
        func consider(_ index: Int) {
            let rule = rules[index]
            switch rule.source.kind {
            case .permission where !permitted:
                permitted = rule.isActive(request, state, slots: slotCount)
            case .prohibition where !prohibited:
                prohibited = rule.isActive(request, state, slots: slotCount)
            default:
                return
            }
        }
        for index in untargeted { consider(index) }
        if let target = request.target {
            if state.memberships.isEmpty {
                for index in byTarget[target] ?? [] { consider(index) }
            } else {
                for asset in Self.selfAndCollections(of: target, state) {
                    for index in byTarget[asset] ?? [] { consider(index) }
                }
            }
        }
        switch (permitted, prohibited) {
        case (true, false): return .permit
        case (true, true): return strategy == .perm ? .permit : .deny
        default: return .deny
        }
    }

    /// The full compliance report (every rule, premise and constraint, with reasons).
    public func explain(_ request: EvaluationRequest, in state: StateOfTheWorld) -> ComplianceReport {
        PolicyEvaluator().evaluate(policy: policy, request: request, state: state)
    }

    /// `target` and every collection it is part of, transitively (bounded like `isMember`).
    static func selfAndCollections(of target: String, _ state: StateOfTheWorld) -> [String] {
        guard !state.memberships.isEmpty else { return [target] }
        var found: [String] = []
        var queue = [target]
        var seen: Set<String> = []
        while let next = queue.popLast() {
            guard seen.insert(next).inserted, seen.count <= 10_000 else { continue }
            found.append(next)
            queue += state.memberships[next] ?? []
        }
        return found
    }
}

/// One rule, with its constraints compiled.
final class CompiledRule: Sendable {
    let source: Rule
    let constraints: [CompiledConstraint]
    /// Refinements and duties are rare in agreements: such rules take the evaluator's path.
    let needsFullEvaluation: Bool

    init(_ rule: Rule, slots: inout [String: Int]) {
        source = rule
        var constraints: [CompiledConstraint] = []
        for constraint in rule.constraints { constraints.append(CompiledConstraint(constraint, depth: 0, slots: &slots)) }
        self.constraints = constraints
        needsFullEvaluation =
            !(rule.action?.refinements.isEmpty ?? true) || !(rule.target?.refinements.isEmpty ?? true)
            || !(rule.assignee?.refinements.isEmpty ?? true) || (rule.kind == .permission && !rule.duties.isEmpty)
    }

    /// An evaluator for this rule's constraints (the explaining path, for rare features).
    func evaluator(_ request: EvaluationRequest, _ state: StateOfTheWorld) -> ConstraintEvaluator {
        ConstraintEvaluator(
            request: request, state: state, ruleUID: source.uid, ruleAction: source.action?.iri, ruleKind: source.kind)
    }

    /// Whether the rule is active for the request (its target is already known to match).
    func isActive(_ request: EvaluationRequest, _ state: StateOfTheWorld, slots: Int) -> Bool {
        if needsFullEvaluation {
            return PolicyEvaluator().evaluate(rule: source, request: request, state: state).active
        }
        if let action = source.action?.iri, request.action != action,
            !ActionHierarchy.isIncluded(request.action, in: action, additions: state.actionHierarchy)
        {
            return false
        }
        if let assignee = source.assignee?.iri {
            guard let party = request.party, party == assignee || state.isMember(party, of: assignee) else {
                return false
            }
        }
        var cache = LeftValueCache(slots: slots)
        for constraint in constraints where !constraint.holds(request, state, self, &cache) { return false }
        return true
    }
}
