/// What is asked: a party wants to perform an action on a target, in a context.
public struct EvaluationRequest: Sendable, Equatable {
    /// The request's identifier (the `odrl:Request` policy's uid when read from RDF).
    public var uid: String?
    /// The identifier of the request's rule (its permission), for reports.
    public var ruleUID: String?
    /// The requested action's IRI.
    public var action: String
    /// The requesting party's IRI (nil if anonymous).
    public var party: String?
    /// The target asset's IRI (nil if none is named).
    public var target: String?
    /// Context values by left-operand IRI (e.g. `odrl:purpose` → the stated purpose).
    public var context: [String: [PolicyValue]]

    public init(
        uid: String? = nil, ruleUID: String? = nil, action: String, party: String?, target: String?,
        context: [String: [PolicyValue]] = [:]
    ) {
        self.uid = uid
        self.ruleUID = ruleUID
        self.action = action
        self.party = party
        self.target = target
        self.context = context
    }

    /// The request stated as an `odrl:Request` policy (SolidLab form): its first permission's
    /// action, assignee and target; its `eq` constraints (and the members of `and`
    /// constraints) give context values.
    public init(request policy: Policy) throws(PolicyError) {
        guard let rule = policy.permissions.first else {
            throw PolicyError("the request <\(policy.uid)> has no permission stating what is requested")
        }
        guard let action = rule.action?.iri else {
            throw PolicyError("the request <\(policy.uid)> names no action")
        }
        self.init(
            uid: policy.uid, ruleUID: rule.uid, action: action, party: rule.assignee?.iri, target: rule.target?.iri)
        var pending = rule.constraints
        var budget = 10_000
        while let next = pending.popLast(), budget > 0 {
            budget -= 1
            switch next {
            case .atomic(let c) where c.operator == .eq:
                context[c.leftOperand, default: []] += c.rightOperand
            case .logical(let l) where l.operand == .and:
                pending += l.constraints
            default:
                continue
            }
        }
    }
}
