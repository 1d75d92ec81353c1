/// A premise of a rule: whether the request's target, party or action matches.
public struct PremiseReport: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case target = "TargetReport"
        case party = "PartyReport"
        case action = "ActionReport"
    }

    public var kind: Kind
    public var satisfied: Bool
    /// Why it is (not) satisfied.
    public var reason: String
}

/// How one constraint (or logical constraint) was evaluated.
public struct ConstraintReport: Sendable, Equatable {
    /// The constraint's uid (its IRI), nil for a blank node.
    public var uid: String?
    /// The left operand's IRI (atomic constraints).
    public var leftOperand: String?
    /// The left operand's value(s) that were used (empty if none was available).
    public var leftValues: [PolicyValue]
    public var `operator`: Operator?
    public var rightOperand: [PolicyValue]
    /// `and`, `or`, `xone` or `andSequence` for a logical constraint.
    public var logicalOperand: LogicalConstraint.Operand?
    /// The member constraints' reports (logical constraints).
    public var members: [ConstraintReport]
    public var satisfied: Bool
    public var reason: String
    /// Whether the constraint was deferred: its left operand is not known in this scope, so
    /// the scopes that know it enforce it (`satisfied` is then the scope's assumption:
    /// true for permissions and duties, false for prohibitions).
    public var deferred: Bool = false

    /// This report and every nested one, depth first.
    public var flattened: [ConstraintReport] { [self] + members.flatMap(\.flattened) }
}

/// A duty (a permission's condition) and its state.
public struct DutyReport: Sendable, Equatable {
    public var uid: String?
    public var action: String?
    /// Whether the duty's own constraints hold (an inactive duty does not bind).
    public var active: Bool
    public var state: DeonticState
    public var constraints: [ConstraintReport]
    public var reason: String
    /// The duty's consequences, due because it is violated (empty otherwise).
    public var consequences: [DutyReport] = []
}

/// How one rule fared against the request.
public struct RuleReport: Sendable, Equatable {
    public var ruleUID: String?
    public var kind: Rule.Kind
    /// The request's rule it was matched against.
    public var requestRuleUID: String?
    /// Whether the request was evaluated against this rule (always, for one request).
    public var attempted: Bool
    /// Whether the request's action, target and party all match the rule.
    public var matchesRequest: Bool
    /// Whether the rule applies: all premises and constraints satisfied, and (permissions)
    /// no duty violated.
    public var active: Bool
    public var premises: [PremiseReport]
    public var constraints: [ConstraintReport]
    /// A permission's duties (its pre-conditions); for an obligation, its own state.
    public var duties: [DutyReport]
    /// A prohibition's remedies: what returns an infringement to "not infringed".
    public var remedies: [DutyReport] = []
    /// Why the rule is (in)active.
    public var reasons: [String]
}

/// The result of evaluating a policy for a request.
public struct ComplianceReport: Sendable, Equatable {
    public enum Decision: String, Sendable {
        case permit, deny
    }

    public var policyUID: String
    public var requestUID: String?
    public var stateUID: String?
    public var conflictStrategy: Policy.ConflictStrategy
    public var rules: [RuleReport]
    public var decision: Decision
    /// Why: which rules permit or prohibit, or that nothing permits (closed world).
    public var reasons: [String]
}
