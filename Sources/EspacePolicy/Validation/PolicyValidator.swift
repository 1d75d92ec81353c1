import EspaceRDF

/// Checks policies against the ODRL 2.2 Information Model and against what the evaluator can
/// run, before they are offered or agreed: every problem with its place in the atomic policy.
///
/// Errors: a missing or blank `uid`; no rule; an Offer without exactly one assigner, an
/// Agreement without exactly one assigner and one assignee; a rule without an action, a
/// permission or prohibition without a target; a consequence with a consequence, a remedy
/// whose duty has a consequence; circular `inheritFrom`; actions, left operands and operators
/// neither in ODRL 2.2 nor in the registry (the rule would fail closed); ordering operators
/// with an IRI or several right operands; `isA`/`hasPart`/`isPartOf` on numbers, times or with
/// a literal class; right operands of the wrong type for time and numeric left operands.
/// Warnings: plain strings where a typed literal is expected, a `dataType` its values do not
/// have, a logical constraint with one member, a payment without a unit.
public struct PolicyValidator: Sendable {
    /// Extra actions, left operands and operators accepted as known.
    public var registry: VocabularyRegistry
    /// Deepest constraint nesting examined.
    public var maxDepth = 64

    public init(registry: VocabularyRegistry = .odrl) {
        self.registry = registry
    }

    /// The issues of one policy (its own `inheritFrom` cycle included), errors first, then in policy order.
    public func validate(_ policy: Policy) -> [PolicyIssue] {
        validate([policy])
    }

    /// The issues of several policies, including `inheritFrom` cycles among them.
    public func validate(_ policies: [Policy]) -> [PolicyIssue] {
        var issues: [PolicyIssue] = []
        for policy in policies {
            var check = Check(policy: policy.uid, registry: registry, maxDepth: maxDepth)
            check.policy(policy)
            issues += check.issues
        }
        issues += Self.inheritanceCycles(policies)
        return issues.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(
            \.element)
    }

    /// Whether `issues` holds an error.
    public static func hasErrors(_ issues: [PolicyIssue]) -> Bool {
        issues.contains { $0.severity == .error }
    }

    /// One issue per policy on an `inheritFrom` cycle among `policies`.
    static func inheritanceCycles(_ policies: [Policy]) -> [PolicyIssue] {
        let parents = Dictionary(policies.map { ($0.uid, $0.inheritFrom) }, uniquingKeysWith: { $0 + $1 })
        var issues: [PolicyIssue] = []
        for policy in policies {
            // Depth-first search for a path back to the policy.
            var stack: [(String, [String])] = policy.inheritFrom.map { ($0, [policy.uid, $0]) }
            var seen: Set<String> = []
            while let (uid, path) = stack.popLast() {
                if uid == policy.uid {
                    issues.append(
                        PolicyIssue(
                            .error, policy: policy.uid, path: "inheritFrom",
                            "inheritance is circular: \(path.joined(separator: " → "))"))
                    break
                }
                guard seen.insert(uid).inserted else { continue }
                for parent in parents[uid] ?? [] { stack.append((parent, path + [parent])) }
            }
        }
        return issues
    }
}

/// One policy's walk, collecting issues.
struct Check {
    let policy: String
    let registry: VocabularyRegistry
    let maxDepth: Int
    var issues: [PolicyIssue] = []

    init(policy: String, registry: VocabularyRegistry, maxDepth: Int) {
        self.policy = policy
        self.registry = registry
        self.maxDepth = maxDepth
    }

    mutating func error(_ path: String, _ message: String) {
        issues.append(PolicyIssue(.error, policy: policy, path: path, message))
    }

    mutating func warning(_ path: String, _ message: String) {
        issues.append(PolicyIssue(.warning, policy: policy, path: path, message))
    }

    mutating func policy(_ policy: Policy) {
        if policy.uid.isEmpty || policy.uid.hasPrefix("_:") {
            error("uid", "the policy has no uid: ODRL requires exactly one, an IRI")
        }
        if policy.rules.isEmpty {
            if policy.inheritFrom.isEmpty {
                error("", "the policy has no permission, prohibition or obligation")
            } else {
                warning("", "the policy has no rule of its own; it has only what it inherits")
            }
        }
        if policy.inheritFrom.contains(policy.uid) {
            error("inheritFrom", "the policy inherits from itself")
        }
        parties(policy)
        for (index, rule) in policy.permissions.enumerated() { self.rule(rule, "permission[\(index)]") }
        for (index, rule) in policy.prohibitions.enumerated() { self.rule(rule, "prohibition[\(index)]") }
        for (index, rule) in policy.obligations.enumerated() { self.rule(rule, "obligation[\(index)]") }
    }

    /// Offer: one assigner; Agreement: one assigner and one assignee (IM §2.1).
    mutating func parties(_ policy: Policy) {
        guard policy.kind == .offer || policy.kind == .agreement, !policy.rules.isEmpty else { return }
        let rules = policy.rules
        let assigners = Self.distinct(rules.compactMap(\.assigner?.iri))
        let assignees = Self.distinct(rules.compactMap(\.assignee?.iri))
        let name = policy.kind.rawValue
        if rules.contains(where: { $0.assigner == nil }) || assigners.count != 1 {
            error(
                "assigner",
                "an \(name) must have exactly one assigner; found \(Self.count(assigners, rules.contains { $0.assigner == nil }))"
            )
        }
        if policy.kind == .agreement, rules.contains(where: { $0.assignee == nil }) || assignees.count != 1 {
            error(
                "assignee",
                "an Agreement must have exactly one assignee; found \(Self.count(assignees, rules.contains { $0.assignee == nil }))"
            )
        }
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    static func count(_ values: [String], _ someMissing: Bool) -> String {
        let named = values.isEmpty ? "none" : values.joined(separator: ", ")
        return someMissing && !values.isEmpty ? "\(named), and rules with none" : named
    }

    mutating func rule(_ rule: Rule, _ path: String, nestedIn parent: String? = nil) {
        let kind = rule.kind.rawValue
        if let action = rule.action {
            if !registry.knowsAction(action.iri) {
                error("\(path).action", "unknown action <\(action.iri)>: the rule would fail closed")
            }
            constraints(action.refinements, "\(path).action.refinement", depth: 0)
        } else {
            error("\(path).action", "the \(kind) has no action; every rule must have exactly one")
        }
        if rule.target == nil, rule.kind != .duty {
            error("\(path).target", "the \(kind) has no target; a \(kind) must have exactly one")
        }
        for (party, name) in [(rule.assigner, "assigner"), (rule.assignee, "assignee")] {
            if let party { constraints(party.refinements, "\(path).\(name).refinement", depth: 0) }
        }
        if let target = rule.target { constraints(target.refinements, "\(path).target.refinement", depth: 0) }
        constraints(rule.constraints, "\(path).constraint", depth: 0)
        if !rule.duties.isEmpty, rule.kind != .permission {
            error("\(path).duty", "only a permission has duties (pre-conditions); this is a \(kind)")
        }
        if !rule.remedies.isEmpty, rule.kind != .prohibition {
            error("\(path).remedy", "only a prohibition has remedies; this is a \(kind)")
        }
        if !rule.consequences.isEmpty, rule.kind != .duty {
            error("\(path).consequence", "only a duty has consequences; this is a \(kind)")
        }
        if parent == "consequence", !rule.consequences.isEmpty {
            error("\(path).consequence", "a consequence must not itself have a consequence")
        }
        if parent == "remedy", !rule.consequences.isEmpty {
            error("\(path).consequence", "a remedy must not point to a duty that has a consequence")
        }
        guard path.split(separator: ".").count < 8 else { return }
        for (index, duty) in rule.duties.enumerated() { self.rule(duty, "\(path).duty[\(index)]", nestedIn: "duty") }
        for (index, duty) in rule.remedies.enumerated() {
            self.rule(duty, "\(path).remedy[\(index)]", nestedIn: "remedy")
        }
        for (index, duty) in rule.consequences.enumerated() {
            self.rule(duty, "\(path).consequence[\(index)]", nestedIn: "consequence")
        }
    }

    mutating func constraints(_ constraints: [Constraint], _ path: String, depth: Int) {
        for (index, constraint) in constraints.enumerated() {
            self.constraint(constraint, "\(path)[\(index)]", depth: depth)
        }
    }

    mutating func constraint(_ constraint: Constraint, _ path: String, depth: Int) {
        guard depth < maxDepth else {
            error(path, "logical constraints nest deeper than \(maxDepth) levels")
            return
        }
        switch constraint {
        case .logical(let logical):
            let name = logical.operand.rawValue
            if logical.constraints.isEmpty {
                error(path, "the logical constraint `\(name)` has no constraints")
            } else if logical.constraints.count == 1 {
                warning(path, "the logical constraint `\(name)` has one constraint; it is that constraint alone")
            }
            constraints(logical.constraints, "\(path).\(name)", depth: depth + 1)
        case .atomic(let atomic):
            ConstraintCheck(atomic: atomic, path: path).run(&self)
        }
    }
}
