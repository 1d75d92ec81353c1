import EspaceRDF

/// A data graph indexed for validation: terms interned to integer ids, triples indexed by
/// (subject, predicate) and by (object, predicate), and the predicates of each subject.
/// All graphs of the dataset are validated as one graph (their union).
struct DataGraph {
    private(set) var terms: [Term] = []
    private var ids: [Term: Int32] = [:]
    private var forward: [UInt64: [Int32]] = [:]
    private var backward: [UInt64: [Int32]] = [:]
    /// Per subject: its distinct predicates, in order of first appearance.
    private var predicatesOf: [Int32: [Int32]] = [:]
    /// Per predicate: its subjects and objects (with repeats removed).
    private var subjectsOf: [Int32: [Int32]] = [:]
    private var objectsOf: [Int32: [Int32]] = [:]

    let rdfType: Int32
    let subClassOf: Int32

    /// Indexes `dataset`. With `literalsUnindexed` (the shapes graph, which is never asked
    /// for the id of a literal or for the subjects of a literal), literal objects get an id
    /// each without being looked up or indexed backwards, and per-subject predicates and
    /// per-predicate objects are not kept.
    init(_ dataset: Dataset, literalsUnindexed: Bool = false) {
        rdfType = 0
        subClassOf = 1
        terms = [.iri(Vocabulary.rdfType), .iri(SHACL.rdfsSubClassOf)]
        ids = [terms[0]: 0, terms[1]: 1]
        let quads = dataset.quads
        ids.reserveCapacity(quads.count)
        terms.reserveCapacity(quads.count)
        forward.reserveCapacity(quads.count)
        backward.reserveCapacity(quads.count)
        // A dataset holds each quad once, so only named graphs can repeat a triple.
        let mayRepeat = quads.contains { $0.graph != nil }
        var seen: Set<TripleKey> = []
        var seenSubjectOf: Set<UInt64> = []
        var seenObjectOf: Set<UInt64> = []
        var last: (subject: Term, s: Int32, predicate: Term, p: Int32)? = nil
        for quad in quads {
            // Turtle and N-Quads group statements by subject: reuse the previous ids.
            let s = last?.subject == quad.subject ? (last?.s ?? 0) : intern(quad.subject)
            let p = last?.predicate == quad.predicate ? (last?.p ?? 0) : intern(quad.predicate)
            last = (quad.subject, s, quad.predicate, p)
            let sp = Self.key(s, p)
            if literalsUnindexed, !mayRepeat, quad.object.isLiteral {
                forward[sp, default: []].append(Int32(terms.count))
                terms.append(quad.object)
                if seenSubjectOf.insert(sp).inserted { subjectsOf[p, default: []].append(s) }
                continue
            }
            let o = intern(quad.object)
            if mayRepeat {
                guard seen.insert(TripleKey(s: s, p: p, o: o)).inserted else { continue }
            }
            let op = Self.key(o, p)
            if !literalsUnindexed, forward[sp] == nil { predicatesOf[s, default: []].append(p) }
            forward[sp, default: []].append(o)
            backward[op, default: []].append(s)
            if seenSubjectOf.insert(sp).inserted { subjectsOf[p, default: []].append(s) }
            if !literalsUnindexed, seenObjectOf.insert(op).inserted { objectsOf[p, default: []].append(o) }
        }
    }

    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    /// The id of `term`, adding it when new.
    mutating func intern(_ term: Term) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }

    func id(_ term: Term) -> Int32? { ids[term] }

    func term(_ id: Int32) -> Term { terms[Int(id)] }

    func objects(_ subject: Int32, _ predicate: Int32) -> [Int32] {
        forward[Self.key(subject, predicate)] ?? []
    }

    func subjects(_ predicate: Int32, _ object: Int32) -> [Int32] {
        backward[Self.key(object, predicate)] ?? []
    }

    func predicates(of subject: Int32) -> [Int32] { predicatesOf[subject] ?? [] }

    func subjects(of predicate: Int32) -> [Int32] { subjectsOf[predicate] ?? [] }

    func objects(of predicate: Int32) -> [Int32] { objectsOf[predicate] ?? [] }
}

/// A triple of interned ids, for duplicate checks.
private struct TripleKey: Hashable {
    let s: Int32
    let p: Int32
    let o: Int32
}
