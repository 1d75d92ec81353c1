import EspaceRDF

/// The statements of an RDF graph by subject, for reading nodes and lists.
struct GraphIndex {
    private var bySubject: [Term: [(predicate: String, object: Term)]] = [:]
    /// Subjects in the order they first appear.
    private(set) var subjects: [Term] = []

    /// Indexes the default graph of `dataset` (named graphs are ignored).
    init(_ dataset: Dataset) {
        for quad in dataset.quads where quad.graph == nil {
            guard case .iri(let predicate) = quad.predicate else { continue }
            if bySubject[quad.subject] == nil { subjects.append(quad.subject) }
            bySubject[quad.subject, default: []].append((predicate, quad.object))
        }
    }

    /// The objects of `subject`'s `predicate` statements, in order.
    func objects(_ subject: Term, _ predicate: String) -> [Term] {
        bySubject[subject]?.filter { $0.predicate == predicate }.map(\.object) ?? []
    }

    /// The only object of `predicate`, nil if none; throws if there are several.
    func object(_ subject: Term, _ predicate: String, what: String) throws(PolicyError) -> Term? {
        let all = objects(subject, predicate)
        guard all.count <= 1 else {
            throw PolicyError("\(Self.name(subject)) has \(all.count) values for \(what); one is allowed")
        }
        return all.first
    }

    func types(_ subject: Term) -> [String] {
        objects(subject, Vocabulary.rdfType).compactMap(\.iriValue)
    }

    func has(_ subject: Term) -> Bool { bySubject[subject] != nil }

    /// The members of the RDF list starting at `head` (at most `limit`), or nil if `head`
    /// is not a well-formed list.
    func list(_ head: Term, limit: Int) throws(PolicyError) -> [Term]? {
        var items: [Term] = []
        var node = head
        var seen: Set<Term> = []
        while node != .iri(Vocabulary.rdfNil) {
            guard seen.insert(node).inserted else { throw PolicyError("the RDF list at \(Self.name(head)) is circular") }
            let first = objects(node, Vocabulary.rdfFirst)
            let rest = objects(node, Vocabulary.rdfRest)
            guard first.count == 1, rest.count == 1 else { return items.isEmpty ? nil : items }
            items.append(first[0])
            guard items.count <= limit else { throw PolicyError("an RDF list has more than \(limit) members") }
            node = rest[0]
        }
        return items
    }

    /// The values of `predicate`: each object, with RDF lists flattened.
    func values(_ subject: Term, _ predicate: String, limit: Int) throws(PolicyError) -> [Term] {
        var out: [Term] = []
        for object in objects(subject, predicate) {
            if object == .iri(Vocabulary.rdfNil) { continue }
            if object.isBlank, let items = try list(object, limit: limit) {
                out += items
            } else {
                out.append(object)
            }
        }
        guard out.count <= limit else { throw PolicyError("\(Self.name(subject)) has more than \(limit) values") }
        return out
    }

    static func name(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(iri)>"
        case .blank(let label): return "_:\(label)"
        case .literal(let literal): return "\"\(literal.lexicalForm)\""
        }
    }
}
