import EspaceRDF

/// The shapes graph, interned and indexed like a data graph, with the lookups the shape
/// compiler needs (objects, subjects, SHACL instances, RDF lists).
struct ShapesGraphIndex {
    private let graph: DataGraph

    /// The most list items read from one RDF list.
    static let maxListLength = 100_000

    init(_ dataset: Dataset) {
        graph = DataGraph(dataset, literalsUnindexed: true)
    }

    private func predicate(_ iri: String) -> Int32? { graph.id(.iri(iri)) }

    func objects(_ subject: Term, _ predicate: String) -> [Term] {
        guard let s = graph.id(subject), let p = self.predicate(predicate) else { return [] }
        return graph.objects(s, p).map { graph.term($0) }
    }

    func subjects(_ predicate: String, _ object: Term) -> [Term] {
        guard let o = graph.id(object), let p = self.predicate(predicate) else { return [] }
        return graph.subjects(p, o).map { graph.term($0) }
    }

    func has(_ subject: Term, _ predicate: String) -> Bool {
        guard let s = graph.id(subject), let p = self.predicate(predicate) else { return false }
        return !graph.objects(s, p).isEmpty
    }

    /// The classes `cls` and its subclasses (rdfs:subClassOf*, in the shapes graph).
    private func subclasses(_ cls: String) -> [Int32] {
        guard let c = graph.id(.iri(cls)) else { return [] }
        var classes = [c]
        var seen: Set<Int32> = [c]
        var i = 0
        while i < classes.count {
            for sub in graph.subjects(graph.subClassOf, classes[i]) where seen.insert(sub).inserted {
                classes.append(sub)
            }
            i += 1
        }
        return classes
    }

    /// The nodes that are SHACL instances of one of `classes`, or subjects of one of
    /// `predicates`, in a stable order (order of first appearance in the graph).
    func nodes(instancesOf classes: [String], subjectsOf predicates: [String]) -> [Term] {
        var ids: Set<Int32> = []
        for cls in classes {
            for c in subclasses(cls) { ids.formUnion(graph.subjects(graph.rdfType, c)) }
        }
        for p in predicates {
            if let id = predicate(p) { ids.formUnion(graph.subjects(of: id)) }
        }
        return ids.sorted().map { graph.term($0) }
    }

    /// Whether `node` is a SHACL instance of `cls` in the shapes graph (rdf:type, then rdfs:subClassOf*).
    func isInstance(_ node: Term, of cls: String) -> Bool {
        guard let n = graph.id(node), let c = graph.id(.iri(cls)) else { return false }
        var seen: Set<Int32> = []
        var queue = graph.objects(n, graph.rdfType)
        while let type = queue.popLast() {
            guard seen.insert(type).inserted else { continue }
            if type == c { return true }
            queue += graph.objects(type, graph.subClassOf)
        }
        return false
    }

    /// The items of the RDF list starting at `head`; nil when it is not a well-formed list
    /// (a node without exactly one rdf:first and rdf:rest, a cycle, or too long).
    func list(_ head: Term) -> [Term]? {
        if head == .iri(Vocabulary.rdfNil) { return [] }
        guard let start = graph.id(head), let first = predicate(Vocabulary.rdfFirst),
            let rest = predicate(Vocabulary.rdfRest)
        else { return nil }
        let end = graph.id(.iri(Vocabulary.rdfNil))
        var items: [Term] = []
        var node = start
        var seen: Set<Int32> = []
        while node != end {
            guard !graph.term(node).isLiteral, seen.insert(node).inserted, items.count < Self.maxListLength else {
                return nil
            }
            let firsts = graph.objects(node, first)
            let rests = graph.objects(node, rest)
            guard firsts.count == 1, rests.count == 1 else { return nil }
            guard let item = firsts.first, let next = rests.first else { return nil }
            items.append(graph.term(item))
            node = next
        }
        return items
    }
}
