/// Says what a policy means in plain English, one sentence per atomic rule, deterministically
/// (the same policy always gives the same text), for `espace policy explain` and for users
/// wondering why a negotiation was refused.
///
/// ```
/// Offer http://example.org/offer-1 from http://example.org/provider:
/// - Anyone may read http://example.org/data if the purpose is one of http://example.org/research, http://example.org/teaching and the date is before 2030-01-01; must pay 5.00 EUR first.
/// - Nobody may distribute http://example.org/data.
/// ```
///
/// ODRL terms are written as words (`concurrentUse` → "concurrent use"), other IRIs in full.
/// Terms the evaluator does not know are marked "(unknown: fails closed)".
public struct PolicyExplainer: Sendable {
    /// Extra IRIs not to mark as unknown.
    public var registry: VocabularyRegistry

    public init(registry: VocabularyRegistry = .odrl) {
        self.registry = registry
    }

    /// The explanation of one policy, lines separated by "\n", ending without a newline.
    public func explain(_ policy: Policy) -> String {
        var lines = [header(policy)]
        if !policy.inheritFrom.isEmpty {
            lines.append("- Inherits every rule of \(policy.inheritFrom.joined(separator: ", ")).")
        }
        if !policy.profiles.isEmpty {
            lines.append("- Follows the profile \(policy.profiles.joined(separator: ", ")).")
        }
        switch policy.conflict {
        case .perm?: lines.append("- Where a permission and a prohibition conflict, the permission wins.")
        case .prohibit?: lines.append("- Where a permission and a prohibition conflict, the prohibition wins.")
        case .invalid?, nil: break
        }
        for rule in policy.permissions { lines.append("- " + permission(rule) + ".") }
        for rule in policy.prohibitions { lines.append("- " + prohibition(rule) + ".") }
        for rule in policy.obligations { lines.append("- " + obligation(rule) + ".") }
        if policy.rules.isEmpty { lines.append("- No rules of its own.") }
        return lines.joined(separator: "\n")
    }

    /// Several policies, separated by a blank line.
    public func explain(_ policies: [Policy]) -> String {
        policies.map(explain).joined(separator: "\n\n")
    }

    func header(_ policy: Policy) -> String {
        var text = "\(policy.kind.rawValue) \(policy.uid)"
        let rules = policy.rules
        if let assigner = rules.first?.assigner, rules.allSatisfy({ $0.assigner == assigner }) {
            text += " from \(party(assigner))"
        }
        if let assignee = rules.first?.assignee, rules.allSatisfy({ $0.assignee == assignee }) {
            text += " to \(party(assignee))"
        }
        return text + ":"
    }

    func permission(_ rule: Rule) -> String {
        var text = "\(rule.assignee.map(subject) ?? "Anyone") may \(action(rule))\(conditions(rule.constraints))"
        let duties = rule.duties.map(duty)
        if !duties.isEmpty { text += "; must \(duties.joined(separator: " and ")) first" }
        return text
    }

    func prohibition(_ rule: Rule) -> String {
        let subject = rule.assignee.map { "\(self.subject($0)) may not" } ?? "Nobody may"
        var text = "\(subject) \(action(rule))\(conditions(rule.constraints))"
        let remedies = rule.remedies.map(duty)
        if !remedies.isEmpty { text += "; whoever does must \(remedies.joined(separator: " and "))" }
        return text
    }

    func obligation(_ rule: Rule) -> String {
        "\(rule.assignee.map(subject) ?? "The assignee") must \(duty(rule))"
    }

    /// A duty as a verb phrase: "pay 5.00 EUR", "delete http://x if …; otherwise must …".
    func duty(_ rule: Rule) -> String {
        var text: String
        if let payment = payment(rule) {
            text = payment
        } else {
            text = action(rule) + conditions(rule.constraints)
        }
        let consequences = rule.consequences.map(duty)
        if !consequences.isEmpty { text += "; otherwise must \(consequences.joined(separator: " and "))" }
        return text
    }

    /// `compensate` with one `payAmount eq` constraint reads "pay 5.00 EUR".
    func payment(_ rule: Rule) -> String? {
        guard rule.action?.iri == ODRL.iri("compensate"), rule.action?.refinements.isEmpty == true,
            rule.constraints.count == 1, case .atomic(let amount)? = rule.constraints.first,
            amount.leftOperand == ODRL.iri("payAmount"), amount.operator == .eq, amount.rightOperand.count == 1
        else { return nil }
        var text = "pay " + values(amount)
        if let target = rule.target { text += " for \(asset(target))" }
        return text
    }

    /// "read http://x", with refinements and the target.
    func action(_ rule: Rule) -> String {
        var text: String
        if let action = rule.action {
            text = term(action.iri, known: registry.knowsAction(action.iri))
            if !action.refinements.isEmpty { text += " (where \(conjunction(action.refinements)))" }
        } else {
            text = rule.target == nil ? "do anything" : "do anything with"
        }
        if let target = rule.target { text += " " + asset(target) }
        return text
    }

    func asset(_ asset: Asset) -> String {
        member(asset.iri, asset.isCollection, asset.refinements)
    }

    /// A party starting a sentence ("Any member of …").
    func subject(_ party: Party) -> String {
        party.isCollection ? "A" + self.party(party).dropFirst() : self.party(party)
    }

    func party(_ party: Party) -> String {
        member(party.iri, party.isCollection, party.refinements)
    }

    func member(_ iri: String, _ isCollection: Bool, _ refinements: [Constraint]) -> String {
        var text = isCollection ? "any member of \(iri)" : iri
        if !refinements.isEmpty { text += " (where \(conjunction(refinements)))" }
        return text
    }

    func conditions(_ constraints: [Constraint]) -> String {
        constraints.isEmpty ? "" : " if " + conjunction(constraints)
    }

    func conjunction(_ constraints: [Constraint]) -> String {
        constraints.map { phrase($0, depth: 0) }.joined(separator: " and ")
    }

    func phrase(_ constraint: Constraint, depth: Int) -> String {
        switch constraint {
        case .atomic(let atomic):
            return phrase(atomic)
        case .logical(let logical):
            guard depth < 32 else { return "(constraints nested too deep)" }
            let parts = logical.constraints.map { phrase($0, depth: depth + 1) }
            switch logical.operand {
            case .and: return "(" + parts.joined(separator: " and ") + ")"
            case .or: return "(" + parts.joined(separator: " or ") + ")"
            case .xone: return "(exactly one of: " + parts.joined(separator: "; ") + ")"
            case .andSequence: return "(" + parts.joined(separator: ", then ") + ")"
            }
        }
    }

    func phrase(_ atomic: AtomicConstraint) -> String {
        let right = values(atomic)
        var unknownOperator = ""
        if case .unknown(let iri) = atomic.operator, !registry.knowsOperator(iri) {
            unknownOperator = " (unknown: fails closed)"
        }
        if atomic.leftOperand == ODRL.iri("dateTime") {
            switch atomic.operator {
            case .lt: return "the date is before \(right)"
            case .lteq: return "the date is on or before \(right)"
            case .gt: return "the date is after \(right)"
            case .gteq: return "the date is on or after \(right)"
            default: break
            }
        }
        let noun = ODRL.term(atomic.leftOperand).flatMap { Self.nouns[$0] }
        let subject = "the " + (noun ?? term(atomic.leftOperand, known: registry.knowsLeftOperand(atomic.leftOperand)))
        let verb: String
        switch atomic.operator {
        case .eq: verb = "is"
        case .neq: verb = "is not"
        case .lt: verb = "is less than"
        case .lteq: verb = "is at most"
        case .gt: verb = "is more than"
        case .gteq: verb = "is at least"
        case .isA: verb = "is a"
        case .hasPart: verb = "includes"
        case .isPartOf: verb = "is part of"
        case .isAllOf: verb = "is all of"
        case .isAnyOf: verb = "is one of"
        case .isNoneOf: verb = "is none of"
        case .unknown(let iri): verb = "<\(iri)>\(unknownOperator)"
        }
        return "\(subject) \(verb) \(right)"
    }

    /// The right operand(s), with the unit: "5.00 EUR", "a, b", "the value at <iri>".
    func values(_ atomic: AtomicConstraint) -> String {
        var parts = atomic.rightOperand.map(value)
        parts += atomic.rightOperandReference.map { "the value at \($0)" }
        var text = parts.joined(separator: ", ")
        if let unit = atomic.unit { text += " " + Self.unitName(unit) }
        return text
    }

    func value(_ value: PolicyValue) -> String {
        switch value {
        case .iri(let iri):
            if iri == ODRL.iri("policyUsage") { return "the time of use" }
            return ODRL.term(iri).map(Self.words) ?? iri
        case .literal(let text, _, let language):
            return language.map { "\"\(text)\"@\($0)" } ?? text
        }
    }

    /// An ODRL term as words, or the IRI, marked when unknown.
    func term(_ iri: String, known: Bool) -> String {
        let text = ODRL.term(iri).map(Self.words) ?? iri
        return known ? text : text + " (unknown: fails closed)"
    }

    /// Left operands whose ODRL name reads badly as a noun.
    static let nouns: [String: String] = [
        "spatial": "location", "count": "number of uses", "payAmount": "amount paid", "dateTime": "date",
        "spatialCoordinates": "coordinates", "virtualLocation": "network location", "systemDevice": "device",
    ]

    /// `concurrentUse` → "concurrent use".
    static func words(_ term: String) -> String {
        var out = ""
        for character in term {
            if character.isUppercase, !out.isEmpty { out += " " }
            out += character.lowercased()
        }
        return out
    }

    /// A currency or unit IRI shortened: `…/Euro` → "EUR", otherwise its last segment.
    static func unitName(_ iri: String) -> String {
        let tail = iri.split(whereSeparator: { $0 == "/" || $0 == "#" || $0 == ":" }).last.map(String.init) ?? iri
        let currencies = ["Euro": "EUR", "United_States_dollar": "USD", "Pound_sterling": "GBP", "Swiss_franc": "CHF"]
        return currencies[tail] ?? tail
    }
}
