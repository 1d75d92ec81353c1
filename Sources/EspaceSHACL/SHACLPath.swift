import EspaceRDF

/// A SHACL property path (SHACL §2.3.1), with predicates as IRIs.
public indirect enum SHACLPath: Hashable, Sendable, CustomStringConvertible {
    case predicate(String)
    case inverse(SHACLPath)
    case sequence([SHACLPath])
    case alternative([SHACLPath])
    case zeroOrMore(SHACLPath)
    case oneOrMore(SHACLPath)
    case zeroOrOne(SHACLPath)

    /// The path in SPARQL 1.1 property path syntax, e.g. `<p>/^<q>*`.
    public var description: String { sparql(nested: false) }

    private func sparql(nested: Bool) -> String {
        switch self {
        case .predicate(let iri): return "<\(iri)>"
        case .inverse(let p): return "^" + p.sparql(nested: true)
        case .zeroOrMore(let p): return p.sparql(nested: true) + "*"
        case .oneOrMore(let p): return p.sparql(nested: true) + "+"
        case .zeroOrOne(let p): return p.sparql(nested: true) + "?"
        case .sequence(let ps):
            let text = ps.map { $0.sparql(nested: true) }.joined(separator: "/")
            return nested ? "(\(text))" : text
        case .alternative(let ps):
            let text = ps.map { $0.sparql(nested: true) }.joined(separator: "|")
            return nested ? "(\(text))" : text
        }
    }

    /// The path as RDF triples (SHACL §2.3.1 syntax): the node standing for the path and
    /// the triples describing it. Blank nodes are labelled `prefix` plus a counter.
    public func rdf(blankPrefix prefix: String, counter: inout Int) -> (Term, [Quad]) {
        func fresh() -> Term {
            counter += 1
            return .blank("\(prefix)\(counter)")
        }
        func wrap(_ predicate: String, _ inner: SHACLPath) -> (Term, [Quad]) {
            let node = fresh()
            let (object, quads) = inner.rdf(blankPrefix: prefix, counter: &counter)
            return (node, [Quad(subject: node, predicate: .iri(predicate), object: object)] + quads)
        }
        func list(_ items: [SHACLPath]) -> (Term, [Quad]) {
            var quads: [Quad] = []
            var heads: [Term] = []
            var objects: [Term] = []
            for item in items {
                heads.append(fresh())
                let (object, more) = item.rdf(blankPrefix: prefix, counter: &counter)
                objects.append(object)
                quads += more
            }
            for (i, head) in heads.enumerated() {
                quads.append(Quad(subject: head, predicate: .iri(Vocabulary.rdfFirst), object: objects[i]))
                let rest: Term = i + 1 < heads.count ? heads[i + 1] : .iri(Vocabulary.rdfNil)
                quads.append(Quad(subject: head, predicate: .iri(Vocabulary.rdfRest), object: rest))
            }
            return (heads.first ?? .iri(Vocabulary.rdfNil), quads)
        }
        switch self {
        case .predicate(let iri): return (.iri(iri), [])
        case .inverse(let p): return wrap(SHACL.inversePath, p)
        case .zeroOrMore(let p): return wrap(SHACL.zeroOrMorePath, p)
        case .oneOrMore(let p): return wrap(SHACL.oneOrMorePath, p)
        case .zeroOrOne(let p): return wrap(SHACL.zeroOrOnePath, p)
        case .sequence(let ps): return list(ps)
        case .alternative(let ps):
            let node = fresh()
            let (head, quads) = list(ps)
            return (node, [Quad(subject: node, predicate: .iri(SHACL.alternativePath), object: head)] + quads)
        }
    }
}

extension SHACLPath {
    /// Reads the SHACL property path at `node` in `graph` (an IRI, or a blank node in SHACL
    /// path syntax). Throws when it is not a well-formed path.
    public init(node: Term, in graph: Dataset) throws(SHACLShapesError) {
        let compiler = ShapeCompiler(index: ShapesGraphIndex(graph))
        self = try compiler.readPath(node, shape: node, depth: 0)
    }
}
