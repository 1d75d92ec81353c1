import EspaceRDF

/// The shapes graph indexed by subject and by object, with RDF list reading.
struct ShapesGraphIndex {
    private var forward: [Term: [String: [Term]]] = [:]
    private var backward: [Term: [String: [Term]]] = [:]
    /// Subjects in order of first appearance (for deterministic shape order).
    private(set) var subjectOrder: [Term] = []

    /// The most list items read from one RDF list.
    static let maxListLength = 100_000

    init(_ graph: Dataset) {
        for quad in graph.quads {
            guard case .iri(let predicate) = quad.predicate else { continue }
            if forward[quad.subject] == nil { subjectOrder.append(quad.subject) }
            forward[quad.subject, default: [:]][predicate, default: []].append(quad.object)
            backward[quad.object, default: [:]][predicate, default: []].append(quad.subject)
        }
    }

    func objects(_ subject: Term, _ predicate: String) -> [Term] {
        forward[subject]?[predicate] ?? []
    }

    func subjects(_ predicate: String, _ object: Term) -> [Term] {
        backward[object]?[predicate] ?? []
    }

    func has(_ subject: Term, _ predicate: String) -> Bool {
        forward[subject]?[predicate]?.isEmpty == false
    }

    /// Whether `node` is a SHACL instance of `cls` in the shapes graph (rdf:type, then rdfs:subClassOf*).
    func isInstance(_ node: Term, of cls: String) -> Bool {
        var seen: Set<Term> = []
        var queue = objects(node, Vocabulary.rdfType)
        while let type = queue.popLast() {
            guard seen.insert(type).inserted else { continue }
            if type == .iri(cls) { return true }
            queue += objects(type, SHACL.rdfsSubClassOf)
        }
        return false
    }

    /// The items of the RDF list starting at `head`; nil when it is not a well-formed list
    /// (a node without exactly one rdf:first and rdf:rest, a cycle, or too long).
    func list(_ head: Term) -> [Term]? {
        var items: [Term] = []
        var node = head
        var seen: Set<Term> = []
        while node != .iri(Vocabulary.rdfNil) {
            guard !node.isLiteral, seen.insert(node).inserted, items.count < Self.maxListLength else { return nil }
            let first = objects(node, Vocabulary.rdfFirst)
            let rest = objects(node, Vocabulary.rdfRest)
            guard first.count == 1, rest.count == 1 else { return nil }
            items.append(first[0])
            node = rest[0]
        }
        return items
    }
}
