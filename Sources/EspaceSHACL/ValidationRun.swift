import EspaceRDF

/// A result as the engine records it (ids of the data graph, shape indices).
struct RawResult {
    var focus: Int32
    var path: SHACLPath?
    var shape: Int
    var component: String
    var value: Int32?
    var detail: String
}

/// Where results go: all of them, or only whether there is one (conformance checks).
struct ResultSink {
    var results: [RawResult] = []
    let stopEarly: Bool

    /// True when a conformance check already knows the answer.
    var done: Bool { stopEarly && !results.isEmpty }
}

/// One validation of a data graph against compiled shapes: the indexed graph and the
/// caches (conformance memo, class closures, predicate ids) that live for this run.
final class ValidationRun {
    let shapes: [Shape]
    var graph: DataGraph
    /// How deeply conformance checks (sh:node, sh:not, …) may nest.
    let maxDepth: Int
    private(set) var depthExceeded = false
    private var depth = 0
    private var memo: [UInt64: Bool] = [:]
    private var inProgress: Set<UInt64> = []
    private var predicateIDs: [String: Int32] = [:]
    private var superclassCache: [Int32: Set<Int32>] = [:]

    init(shapes: [Shape], graph: DataGraph, maxDepth: Int) {
        self.shapes = shapes
        self.graph = graph
        self.maxDepth = maxDepth
    }

    /// Validates every targeted shape on its focus nodes.
    func run(targeted: [Int]) -> [RawResult] {
        var sink = ResultSink(stopEarly: false)
        for s in targeted where !shapes[s].deactivated {
            for focus in focusNodes(shapes[s]) { validate(s, focus: focus, into: &sink) }
        }
        return sink.results
    }

    /// The id of the predicate IRI in the data graph, or -1 when the graph never uses it.
    func predicateID(_ iri: String) -> Int32 {
        if let id = predicateIDs[iri] { return id }
        let id = graph.id(.iri(iri)) ?? -1
        predicateIDs[iri] = id
        return id
    }

    func focusNodes(_ shape: Shape) -> [Int32] {
        var out: [Int32] = []
        var seen: Set<Int32> = []
        func add(_ nodes: some Sequence<Int32>) {
            for n in nodes where seen.insert(n).inserted { out.append(n) }
        }
        for target in shape.targets {
            switch target {
            case .node(let term): add([graph.intern(term)])
            case .instancesOf(let cls): add(instances(of: cls))
            case .subjectsOf(let p):
                let id = predicateID(p)
                if id >= 0 { add(graph.subjects(of: id)) }
            case .objectsOf(let p):
                let id = predicateID(p)
                if id >= 0 { add(graph.objects(of: id)) }
            }
        }
        return out
    }

    /// The SHACL instances of `cls`: nodes typed with it or with one of its subclasses.
    func instances(of cls: Term) -> [Int32] {
        guard let c = graph.id(cls) else { return [] }
        var classes: [Int32] = [c]
        var seen: Set<Int32> = [c]
        var i = 0
        while i < classes.count {
            for sub in graph.subjects(graph.subClassOf, classes[i]) where seen.insert(sub).inserted { classes.append(sub) }
            i += 1
        }
        var out: [Int32] = []
        var members: Set<Int32> = []
        for c in classes {
            for node in graph.subjects(graph.rdfType, c) where members.insert(node).inserted { out.append(node) }
        }
        return out
    }

    /// Whether `node` is a SHACL instance of `cls` (rdf:type/rdfs:subClassOf*).
    func isInstance(_ node: Int32, of cls: Term) -> Bool {
        guard let c = graph.id(cls) else { return false }
        for type in graph.objects(node, graph.rdfType) {
            if type == c || superclasses(type).contains(c) { return true }
        }
        return false
    }

    private func superclasses(_ type: Int32) -> Set<Int32> {
        if let cached = superclassCache[type] { return cached }
        var seen: Set<Int32> = [type]
        var queue = [type]
        while let t = queue.popLast() {
            for sup in graph.objects(t, graph.subClassOf) where seen.insert(sup).inserted { queue.append(sup) }
        }
        superclassCache[type] = seen
        return seen
    }

    /// Whether `node` conforms to shape `s` (no result of any severity). Recursive
    /// references to a check already in progress count as conforming; nesting deeper than
    /// `maxDepth` fails the check and is reported by the validator.
    func conforms(_ s: Int, _ node: Int32) -> Bool {
        if shapes[s].deactivated { return true }
        let key = DataGraph.key(Int32(s), node)
        if let known = memo[key] { return known }
        if inProgress.contains(key) { return true }
        guard depth < maxDepth else {
            depthExceeded = true
            return false
        }
        inProgress.insert(key)
        depth += 1
        var sink = ResultSink(stopEarly: true)
        validate(s, focus: node, into: &sink)
        depth -= 1
        inProgress.remove(key)
        let result = sink.results.isEmpty
        memo[key] = result
        return result
    }

    /// Validates `focus` against shape `s`, adding results to `sink`.
    func validate(_ s: Int, focus: Int32, into sink: inout ResultSink) {
        let shape = shapes[s]
        if shape.deactivated { return }
        let values: ArraySlice<Int32>
        if let path = shape.path { values = evaluate(path, from: focus) } else { values = [focus] }
        for constraint in shape.constraints {
            check(constraint, shape: s, focus: focus, values: values, into: &sink)
            if sink.done { return }
        }
    }

    /// The value nodes reached from `focus` by `path`, each once, in order.
    func evaluate(_ path: SHACLPath, from focus: Int32) -> ArraySlice<Int32> {
        if case .predicate(let iri) = path {
            let p = predicateID(iri)
            return p >= 0 ? graph.objects(focus, p) : []
        }
        return PathEvaluator(run: self).evaluate(path, from: [focus], inverse: false)[...]
    }
}
