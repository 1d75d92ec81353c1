/// Evaluates SHACL property paths over the indexed data graph.
struct PathEvaluator {
    let run: ValidationRun

    /// The nodes reached from `nodes` by `path` (followed backwards when `inverse`), each once.
    func evaluate(_ path: SHACLPath, from nodes: [Int32], inverse: Bool) -> [Int32] {
        switch path {
        case .predicate(let iri):
            let p = run.predicateID(iri)
            guard p >= 0 else { return [] }
            var out = OrderedIDs()
            for n in nodes {
                out.add(inverse ? run.graph.subjects(p, n) : run.graph.objects(n, p))
            }
            return out.ids
        case .inverse(let inner):
            return evaluate(inner, from: nodes, inverse: !inverse)
        case .sequence(let parts):
            var current = nodes
            for part in inverse ? parts.reversed() : parts {
                current = evaluate(part, from: current, inverse: inverse)
                if current.isEmpty { break }
            }
            return current
        case .alternative(let parts):
            var out = OrderedIDs()
            for part in parts { out.add(evaluate(part, from: nodes, inverse: inverse)) }
            return out.ids
        case .zeroOrMore(let inner):
            return closure(inner, from: nodes, inverse: inverse, includeStart: true)
        case .oneOrMore(let inner):
            return closure(inner, from: nodes, inverse: inverse, includeStart: false)
        case .zeroOrOne(let inner):
            var out = OrderedIDs()
            out.add(nodes)
            out.add(evaluate(inner, from: nodes, inverse: inverse))
            return out.ids
        }
    }

    /// The nodes reached by one or more steps of `step` (plus `nodes` when `includeStart`).
    private func closure(_ step: SHACLPath, from nodes: [Int32], inverse: Bool, includeStart: Bool) -> [Int32] {
        var out = OrderedIDs()
        if includeStart { out.add(nodes) }
        var visited = Set<Int32>()
        var frontier = nodes
        while !frontier.isEmpty {
            let next = evaluate(step, from: frontier, inverse: inverse)
            frontier = []
            for n in next where visited.insert(n).inserted {
                out.add([n])
                frontier.append(n)
            }
        }
        return out.ids
    }
}

/// Ids kept in first-seen order without repeats.
struct OrderedIDs {
    private(set) var ids: [Int32] = []
    private var seen: Set<Int32> = []

    mutating func add(_ more: some Sequence<Int32>) {
        for id in more where seen.insert(id).inserted { ids.append(id) }
    }
}
