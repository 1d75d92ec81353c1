import EspaceRDF

/// Reads ODRL policies from an RDF graph (from Turtle, or from JSON-LD through toRdf), in
/// atomic form: policy-level actions, assets and parties are copied into the rules that
/// lack them, and a rule with several actions, targets or parties becomes one rule each
/// (IM §2.7.1).
public struct PolicyReader: Sendable {
    /// Bounds on what one policy may hold.
    public struct Limits: Sendable {
        public var maxRules = 10_000
        public var maxConstraintDepth = 32
        public var maxValues = 10_000

        public init() {}
    }

    public var limits: Limits
    /// Refuse rules without an action, as the Information Model requires (§2.5). Lenient
    /// reading keeps them with no action (matching any), as the SolidLab suite expects.
    public var strict: Bool

    public init(limits: Limits = Limits(), strict: Bool = true) {
        self.limits = limits
        self.strict = strict
    }

    static let kinds: [String: Policy.Kind] = Dictionary(
        uniqueKeysWithValues: Policy.Kind.allCases.map { (ODRL.iri($0.rawValue), $0) })

    /// Every policy in `dataset` (nodes typed as an ODRL policy, or holding rules), in order.
    public func policies(in dataset: Dataset) throws(PolicyError) -> [Policy] {
        let graph = GraphIndex(dataset)
        var out: [Policy] = []
        var budget = limits.maxRules
        for subject in graph.subjects where isPolicy(subject, graph) {
            out.append(try policy(subject, graph, budget: &budget))
        }
        return out
    }

    /// The policy identified by `uid` in `dataset`.
    public func policy(_ uid: String, in dataset: Dataset) throws(PolicyError) -> Policy {
        let graph = GraphIndex(dataset)
        let subject = Term.iri(uid)
        guard graph.has(subject) else { throw PolicyError("the data holds no policy <\(uid)>") }
        var budget = limits.maxRules
        return try policy(subject, graph, budget: &budget)
    }

    func isPolicy(_ subject: Term, _ graph: GraphIndex) -> Bool {
        if graph.types(subject).contains(where: { Self.kinds[$0] != nil || $0 == ODRL.iri("Policy") }) { return true }
        return ["permission", "prohibition", "obligation"].contains { !graph.objects(subject, ODRL.iri($0)).isEmpty }
            && !graph.types(subject).contains(ODRL.iri("Permission"))
    }

    func policy(_ subject: Term, _ graph: GraphIndex, budget: inout Int) throws(PolicyError) -> Policy {
        let name = GraphIndex.name(subject)
        let types = graph.types(subject)
        let kinds = types.compactMap { Self.kinds[$0] }
        guard Set(kinds).count <= 1 else {
            throw PolicyError("\(name) is typed as several policy kinds (\(kinds.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
        var policy = Policy(uid: subject.iriValue ?? name, kind: kinds.first ?? .set)
        policy.profiles = graph.objects(subject, ODRL.iri("profile")).compactMap(\.iriValue)
        policy.inheritFrom = graph.objects(subject, ODRL.iri("inheritFrom")).compactMap(\.iriValue)
        if let conflict = try graph.object(subject, ODRL.iri("conflict"), what: "conflict") {
            guard let term = conflict.iriValue.flatMap(ODRL.term), let strategy = Policy.ConflictStrategy(rawValue: term) else {
                throw PolicyError("\(name) has an unknown conflict strategy \(GraphIndex.name(conflict))")
            }
            policy.conflict = strategy
        }
        let defaults = try RuleDefaults(subject, graph, reader: self)
        policy.permissions = try rules(subject, "permission", .permission, graph, defaults, depth: 0, budget: &budget)
        policy.prohibitions = try rules(subject, "prohibition", .prohibition, graph, defaults, depth: 0, budget: &budget)
        policy.obligations = try rules(subject, "obligation", .duty, graph, defaults, depth: 0, budget: &budget)
        guard !policy.rules.isEmpty || !policy.inheritFrom.isEmpty else {
            throw PolicyError("\(name) has no permission, prohibition or obligation")
        }
        return policy
    }

    /// Actions, assets and parties stated at policy (or enclosing rule) level.
    struct RuleDefaults {
        var actions: [Action] = []
        var targets: [Asset] = []
        var assigners: [Party] = []
        var assignees: [Party] = []

        init() {}

        init(_ subject: Term, _ graph: GraphIndex, reader: PolicyReader) throws(PolicyError) {
            actions = try reader.actions(subject, graph)
            targets = try reader.assets(subject, graph)
            assigners = try reader.parties(subject, "assigner", graph)
            assignees = try reader.parties(subject, "assignee", graph)
        }
    }

    func rules(
        _ subject: Term, _ property: String, _ kind: Rule.Kind, _ graph: GraphIndex, _ defaults: RuleDefaults, depth: Int,
        budget: inout Int
    ) throws(PolicyError) -> [Rule] {
        var out: [Rule] = []
        for node in try graph.values(subject, ODRL.iri(property), limit: limits.maxValues) {
            out += try rule(node, kind, graph, defaults, depth: depth, budget: &budget)
        }
        return out
    }

    /// One rule node, atomised.
    func rule(_ node: Term, _ kind: Rule.Kind, _ graph: GraphIndex, _ defaults: RuleDefaults, depth: Int, budget: inout Int)
        throws(PolicyError) -> [Rule]
    {
        let name = GraphIndex.name(node)
        guard depth <= 8 else { throw PolicyError("duties nest deeper than 8 levels at \(name)") }
        var own = try RuleDefaults(node, graph, reader: self)
        if own.actions.isEmpty { own.actions = defaults.actions }
        if own.targets.isEmpty { own.targets = defaults.targets }
        if own.assigners.isEmpty { own.assigners = defaults.assigners }
        if own.assignees.isEmpty { own.assignees = defaults.assignees }
        if own.actions.isEmpty, strict { throw PolicyError("the \(kind.rawValue) \(name) has no action") }
        let actions: [Action?] = own.actions.isEmpty ? [nil] : own.actions
        let constraints = try self.constraints(node, "constraint", graph, depth: 0)
        let uid = node.iriValue
        let inner = RuleDefaults()
        let duties = kind == .permission ? try rules(node, "duty", .duty, graph, inner, depth: depth + 1, budget: &budget) : []
        let remedies = kind == .prohibition ? try rules(node, "remedy", .duty, graph, inner, depth: depth + 1, budget: &budget) : []
        let consequences = kind == .duty ? try rules(node, "consequence", .duty, graph, inner, depth: depth + 1, budget: &budget) : []
        var out: [Rule] = []
        let targets: [Asset?] = own.targets.isEmpty ? [nil] : own.targets
        let assigners: [Party?] = own.assigners.isEmpty ? [nil] : own.assigners
        let assignees: [Party?] = own.assignees.isEmpty ? [nil] : own.assignees
        for action in actions {
            for target in targets {
                for assigner in assigners {
                    for assignee in assignees {
                        budget -= 1
                        guard budget >= 0 else { throw PolicyError("the policy has more than \(limits.maxRules) atomic rules") }
                        out.append(
                            Rule(
                                kind, uid: uid, action: action, target: target, assigner: assigner, assignee: assignee,
                                constraints: constraints, duties: duties, remedies: remedies, consequences: consequences))
                    }
                }
            }
        }
        return out
    }

    func actions(_ subject: Term, _ graph: GraphIndex) throws(PolicyError) -> [Action] {
        var out: [Action] = []
        for value in try graph.values(subject, ODRL.iri("action"), limit: limits.maxValues) {
            switch value {
            case .iri(let iri): out.append(Action(iri))
            case .blank:
                guard let iri = try graph.object(value, Vocabulary.rdfValue, what: "rdf:value")?.iriValue else {
                    throw PolicyError("the refined action \(GraphIndex.name(value)) has no rdf:value naming the action")
                }
                out.append(Action(iri, refinements: try constraints(value, "refinement", graph, depth: 0)))
            case .literal(let literal):
                throw PolicyError("an action must be an IRI, found the literal \"\(literal.lexicalForm)\"")
            }
        }
        return out
    }

    func assets(_ subject: Term, _ graph: GraphIndex) throws(PolicyError) -> [Asset] {
        var out: [Asset] = []
        for value in try graph.values(subject, ODRL.iri("target"), limit: limits.maxValues) {
            let (iri, isCollection, refinements) = try collectionMember(value, "AssetCollection", graph)
            out.append(Asset(iri, isCollection: isCollection, refinements: refinements))
        }
        return out
    }

    func parties(_ subject: Term, _ property: String, _ graph: GraphIndex) throws(PolicyError) -> [Party] {
        var out: [Party] = []
        for value in try graph.values(subject, ODRL.iri(property), limit: limits.maxValues) {
            let (iri, isCollection, refinements) = try collectionMember(value, "PartyCollection", graph)
            out.append(Party(iri, isCollection: isCollection, refinements: refinements))
        }
        return out
    }

    /// An asset or party: an IRI, or a node with `uid`/`source` (and refinements for a collection).
    func collectionMember(_ value: Term, _ collectionType: String, _ graph: GraphIndex) throws(PolicyError)
        -> (String, Bool, [Constraint])
    {
        if case .literal(let literal) = value {
            throw PolicyError("an asset or party must be an IRI, found the literal \"\(literal.lexicalForm)\"")
        }
        let isCollection = graph.types(value).contains(ODRL.iri(collectionType))
        let refinements = try constraints(value, "refinement", graph, depth: 0)
        let source = try graph.object(value, ODRL.iri("source"), what: "source")?.iriValue
        let uid = try graph.object(value, ODRL.iri("uid"), what: "uid")?.iriValue
        guard let iri = source ?? uid ?? value.iriValue else {
            throw PolicyError("\(GraphIndex.name(value)) names no asset or party (no IRI, uid or source)")
        }
        return (iri, isCollection || source != nil, refinements)
    }

    func constraints(_ subject: Term, _ property: String, _ graph: GraphIndex, depth: Int) throws(PolicyError) -> [Constraint] {
        var out: [Constraint] = []
        for node in try graph.values(subject, ODRL.iri(property), limit: limits.maxValues) {
            out.append(try constraint(node, graph, depth: depth))
        }
        return out
    }

    func constraint(_ node: Term, _ graph: GraphIndex, depth: Int) throws(PolicyError) -> Constraint {
        let name = GraphIndex.name(node)
        guard depth < limits.maxConstraintDepth else {
            throw PolicyError("logical constraints nest deeper than \(limits.maxConstraintDepth) levels at \(name)")
        }
        for operand in LogicalConstraint.Operand.allCases {
            let members = try graph.values(node, ODRL.iri(operand.rawValue), limit: limits.maxValues)
            guard !members.isEmpty || !graph.objects(node, ODRL.iri(operand.rawValue)).isEmpty else { continue }
            var constraints: [Constraint] = []
            for member in members { constraints.append(try constraint(member, graph, depth: depth + 1)) }
            return .logical(LogicalConstraint(uid: node.iriValue, operand, constraints))
        }
        guard let left = try graph.object(node, ODRL.iri("leftOperand"), what: "leftOperand")?.iriValue else {
            throw PolicyError("the constraint \(name) has no leftOperand IRI")
        }
        guard let op = try graph.object(node, ODRL.iri("operator"), what: "operator")?.iriValue else {
            throw PolicyError("the constraint \(name) has no operator IRI")
        }
        let right = try graph.values(node, ODRL.iri("rightOperand"), limit: limits.maxValues).map(Self.value)
        let references = try graph.values(node, ODRL.iri("rightOperandReference"), limit: limits.maxValues).compactMap(\.iriValue)
        guard !right.isEmpty || !references.isEmpty else {
            throw PolicyError("the constraint \(name) has no rightOperand or rightOperandReference")
        }
        return .atomic(
            AtomicConstraint(
                uid: node.iriValue, leftOperand: left, operator: Operator(iri: op), rightOperand: right,
                rightOperandReference: references,
                dataType: try graph.object(node, ODRL.iri("dataType"), what: "dataType")?.iriValue,
                unit: try graph.object(node, ODRL.iri("unit"), what: "unit")?.iriValue,
                status: try graph.object(node, ODRL.iri("status"), what: "status").map(Self.value)))
    }

    static func value(_ term: Term) -> PolicyValue {
        switch term {
        case .iri(let iri): return .iri(iri)
        case .blank(let label): return .iri("_:" + label)
        case .literal(let literal): return .literal(literal.lexicalForm, datatype: literal.datatype, language: literal.language)
        }
    }
}
