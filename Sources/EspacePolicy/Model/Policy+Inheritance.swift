extension Policy {
    /// The deepest inheritance chain `resolvingInheritance` follows.
    public static let maximumInheritanceDepth = 32

    /// This policy with everything it inherits (IM §2.9): the rules of every policy named in
    /// `inheritFrom`, transitively, with the parents' `status` values nulled; their profiles;
    /// and their conflict strategy when this policy states none. Strategies that differ
    /// resolve to `invalid` (a conflict between the merged rules then voids the policy).
    /// A missing parent, a cycle, or a chain deeper than `maximumInheritanceDepth` is an error.
    public func resolvingInheritance(_ lookup: (String) -> Policy?) throws(PolicyError) -> Policy {
        try resolving(lookup, path: [uid])
    }

    private func resolving(_ lookup: (String) -> Policy?, path: [String]) throws(PolicyError) -> Policy {
        guard path.count <= Self.maximumInheritanceDepth else {
            throw PolicyError("the inheritance chain \(path.joined(separator: " → ")) is deeper than \(Self.maximumInheritanceDepth)")
        }
        var merged = self
        merged.inheritFrom = []
        for parentUID in inheritFrom {
            guard !path.contains(parentUID) else {
                throw PolicyError("inheritance is circular: \((path + [parentUID]).joined(separator: " → "))")
            }
            guard let parent = lookup(parentUID) else {
                throw PolicyError("<\(uid)> inherits from <\(parentUID)>, which is not available")
            }
            let resolved = try parent.resolving(lookup, path: path + [parentUID])
            merged.permissions += resolved.permissions.map(\.withoutStatus)
            merged.prohibitions += resolved.prohibitions.map(\.withoutStatus)
            merged.obligations += resolved.obligations.map(\.withoutStatus)
            for profile in resolved.profiles where !merged.profiles.contains(profile) { merged.profiles.append(profile) }
            switch (merged.conflict, resolved.conflict) {
            case (nil, let inherited): merged.conflict = inherited
            case (let own?, let inherited?) where own != inherited: merged.conflict = .invalid
            default: break
            }
        }
        return merged
    }
}

extension Rule {
    /// The rule with every constraint's `status` removed (inherited rules do not carry it).
    var withoutStatus: Rule {
        var rule = self
        rule.constraints = constraints.map(\.withoutStatus)
        rule.action = action.map { Action($0.iri, refinements: $0.refinements.map(\.withoutStatus)) }
        rule.duties = duties.map(\.withoutStatus)
        rule.remedies = remedies.map(\.withoutStatus)
        rule.consequences = consequences.map(\.withoutStatus)
        return rule
    }
}

extension Constraint {
    var withoutStatus: Constraint {
        switch self {
        case .atomic(var atomic):
            atomic.status = nil
            return .atomic(atomic)
        case .logical(var logical):
            logical.constraints = logical.constraints.map(\.withoutStatus)
            return .logical(logical)
        }
    }
}
