import EspaceRDF

/// A data graph indexed for validation: terms interned to integer ids, triples indexed by
/// subject (then predicate) and by object (then predicate), and the subjects and objects
/// of each predicate. All graphs of the dataset are validated as one graph (their union).
struct DataGraph {
    private(set) var terms: [Term] = []
    private var ids: [Term: Int32] = [:]
    /// subject → (predicate, object).
    private let forward: Adjacency
    /// object → (predicate, subject).
    private let backward: Adjacency
    /// predicate → its distinct subjects / objects.
    private let subjectsByPredicate: Adjacency
    private let objectsByPredicate: Adjacency

    let rdfType: Int32 = 0
    let subClassOf: Int32 = 1

    /// Indexes `dataset`. With `literalsUnindexed` (the shapes graph, which is never asked
    /// for the id of a literal, the subjects of a literal or the objects of a predicate),
    /// literal objects get an id each without being looked up, and are not indexed backwards.
    init(_ dataset: Dataset, literalsUnindexed: Bool = false) {
        var terms: [Term] = [.iri(Vocabulary.rdfType), .iri(SHACL.rdfsSubClassOf)]
        var ids: [Term: Int32] = [terms[0]: 0, terms[1]: 1]
        let quads = dataset.quads
        ids.reserveCapacity(quads.count)
        terms.reserveCapacity(quads.count)
        func intern(_ term: Term) -> Int32 {
            if let id = ids[term] { return id }
            let id = Int32(terms.count)
            terms.append(term)
            ids[term] = id
            return id
        }
        var subjects: [Int32] = []
        var predicates: [Int32] = []
        var objects: [Int32] = []
        var unindexed: [Bool] = []
        subjects.reserveCapacity(quads.count)
        predicates.reserveCapacity(quads.count)
        objects.reserveCapacity(quads.count)
        // A dataset holds each quad once, so only named graphs can repeat a triple.
        let mayRepeat = quads.contains { $0.graph != nil }
        var seen: Set<TripleKey> = []
        var last: (subject: Term, s: Int32, predicate: Term, p: Int32)? = nil
        for quad in quads {
            // Turtle and N-Quads group statements by subject: reuse the previous ids.
            let s = last?.subject == quad.subject ? (last?.s ?? 0) : intern(quad.subject)
            let p = last?.predicate == quad.predicate ? (last?.p ?? 0) : intern(quad.predicate)
            last = (quad.subject, s, quad.predicate, p)
            let skipLookup = literalsUnindexed && !mayRepeat && quad.object.isLiteral
            let o: Int32
            if skipLookup {
                o = Int32(terms.count)
                terms.append(quad.object)
            } else {
                o = intern(quad.object)
            }
            if mayRepeat {
                guard seen.insert(TripleKey(s: s, p: p, o: o)).inserted else { continue }
            }
            subjects.append(s)
            predicates.append(p)
            objects.append(o)
            if literalsUnindexed { unindexed.append(skipLookup) }
        }
        let count = terms.count
        forward = Adjacency(nodeCount: count, from: subjects, key: predicates, to: objects)
        backward = Adjacency(
            nodeCount: count, from: objects, key: predicates, to: subjects,
            include: { literalsUnindexed ? !unindexed[$0] : true })
        func byPredicate(_ index: Adjacency) -> Adjacency {
            var predicateIDs: [Int32] = []
            var nodes: [Int32] = []
            for node in index.nodesWithEntries {
                for p in index.keys(node) {
                    predicateIDs.append(p)
                    nodes.append(node)
                }
            }
            return Adjacency(
                nodeCount: count, from: predicateIDs, key: [Int32](repeating: 0, count: nodes.count), to: nodes)
        }
        subjectsByPredicate = byPredicate(forward)
        objectsByPredicate = literalsUnindexed ? Adjacency(nodeCount: 0, from: [], key: [], to: []) : byPredicate(backward)
        self.terms = terms
        self.ids = ids
    }

    /// The id of `term`, adding it when new (a node named by a shape but absent from the data).
    mutating func intern(_ term: Term) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }

    func id(_ term: Term) -> Int32? { ids[term] }

    /// Two ids packed in one key.
    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    func term(_ id: Int32) -> Term { terms[Int(id)] }

    func objects(_ subject: Int32, _ predicate: Int32) -> ArraySlice<Int32> {
        forward.values(subject, predicate)
    }

    func subjects(_ predicate: Int32, _ object: Int32) -> ArraySlice<Int32> {
        backward.values(object, predicate)
    }

    /// The distinct predicates of `subject`.
    func predicates(of subject: Int32) -> [Int32] { forward.keys(subject) }

    func subjects(of predicate: Int32) -> ArraySlice<Int32> { subjectsByPredicate.values(predicate) }

    func objects(of predicate: Int32) -> ArraySlice<Int32> { objectsByPredicate.values(predicate) }
}

/// A triple of interned ids, for duplicate checks.
private struct TripleKey: Hashable {
    let s: Int32
    let p: Int32
    let o: Int32
}
