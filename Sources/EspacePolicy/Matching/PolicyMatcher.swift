/// Checks that an agreement (or a counter-offer) says the same as the offer it came from,
/// by meaning rather than by text (issue 4 item 5; EDC's "Policy in the contract agreement
/// is not equal to the one in the contract offer").
///
/// Both policies are compared in atomic form, rule by rule, as multisets: the order of
/// rules, constraints and set-valued right operands does not matter, nor do identifiers
/// (`uid`s, blank nodes), nor the lexical form of typed values (`"2030-01-01T01:00:00+01:00"`
/// equals `"2030-01-01T00:00:00Z"`, `5.0` equals `5.00`). `andSequence` keeps its order.
/// The agreement may name an assignee the offer leaves open (the consumer it was agreed
/// with), and must keep the offer's assigner.
public struct PolicyMatcher: Sendable {
    public init() {}

    /// One difference between the two policies.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The differences between `agreement` and `offer`; empty when they mean the same.
    public func differences(agreement: Policy, offer: Policy) -> [Difference] {
        var out: [Difference] = []
        for (name, mine, theirs) in [
            ("permission", agreement.permissions, offer.permissions), ("prohibition", agreement.prohibitions, offer.prohibitions),
            ("obligation", agreement.obligations, offer.obligations),
        ] {
            var unmatched = theirs
            for (i, rule) in mine.enumerated() {
                if let j = unmatched.firstIndex(where: { same(rule, offered: $0) }) {
                    unmatched.remove(at: j)
                } else {
                    out.append(Difference(message: "\(name) \(i) (\(Self.describe(rule))) is not in the offer"))
                }
            }
            for rule in unmatched {
                out.append(Difference(message: "the offer's \(name) (\(Self.describe(rule))) is missing from the agreement"))
            }
        }
        if (agreement.conflict ?? .invalid) != (offer.conflict ?? .invalid) {
            out.append(Difference(message: "the conflict strategy differs"))
        }
        return out
    }

    /// Whether `agreement` means the same as `offer`.
    public func matches(agreement: Policy, offer: Policy) -> Bool {
        differences(agreement: agreement, offer: offer).isEmpty
    }

    func same(_ rule: Rule, offered: Rule) -> Bool {
        guard rule.kind == offered.kind, rule.action?.iri == offered.action?.iri,
            sameConstraints(rule.action?.refinements ?? [], offered.action?.refinements ?? []),
            rule.target?.iri == offered.target?.iri, rule.target?.isCollection == offered.target?.isCollection,
            sameConstraints(rule.target?.refinements ?? [], offered.target?.refinements ?? []),
            sameConstraints(rule.constraints, offered.constraints)
        else { return false }
        // The assigner is kept; an assignee left open by the offer may be named.
        guard offered.assigner == nil || rule.assigner?.iri == offered.assigner?.iri else { return false }
        if let assignee = offered.assignee, rule.assignee?.iri != assignee.iri { return false }
        return sameRules(rule.duties, offered.duties) && sameRules(rule.remedies, offered.remedies)
            && sameRules(rule.consequences, offered.consequences)
    }

    func sameRules(_ a: [Rule], _ b: [Rule]) -> Bool {
        guard a.count == b.count else { return false }
        var unmatched = b
        for rule in a {
            guard let j = unmatched.firstIndex(where: { same(rule, offered: $0) }) else { return false }
            unmatched.remove(at: j)
        }
        return true
    }

    func sameConstraints(_ a: [Constraint], _ b: [Constraint], ordered: Bool = false) -> Bool {
        guard a.count == b.count else { return false }
        if ordered { return zip(a, b).allSatisfy { same($0, $1) } }
        var unmatched = b
        for constraint in a {
            guard let j = unmatched.firstIndex(where: { same(constraint, $0) }) else { return false }
            unmatched.remove(at: j)
        }
        return true
    }

    func same(_ a: Constraint, _ b: Constraint) -> Bool {
        switch (a, b) {
        case (.logical(let x), .logical(let y)):
            return x.operand == y.operand && sameConstraints(x.constraints, y.constraints, ordered: x.operand == .andSequence)
        case (.atomic(let x), .atomic(let y)):
            return x.leftOperand == y.leftOperand && x.operator == y.operator && x.unit == y.unit && x.dataType == y.dataType
                && x.rightOperandReference.sorted() == y.rightOperandReference.sorted() && sameValues(x.rightOperand, y.rightOperand)
        default:
            return false
        }
    }

    func sameValues(_ a: [PolicyValue], _ b: [PolicyValue]) -> Bool {
        guard a.count == b.count else { return false }
        var unmatched = b
        for value in a {
            guard let j = unmatched.firstIndex(where: { Self.equivalent(value, $0) }) else { return false }
            unmatched.remove(at: j)
        }
        return true
    }

    static func equivalent(_ a: PolicyValue, _ b: PolicyValue) -> Bool {
        if a == b { return true }
        if case .success(true) = PolicyValueComparison.equals(a, b) { return true }
        return false
    }

    static func describe(_ rule: Rule) -> String {
        let action = rule.action.map { ODRL.term($0.iri) ?? $0.iri } ?? "any action"
        let target = rule.target.map { " on <\($0.iri)>" } ?? ""
        let constraints = rule.constraints.isEmpty ? "" : ", \(rule.constraints.count) constraint(s)"
        return action + target + constraints
    }
}
