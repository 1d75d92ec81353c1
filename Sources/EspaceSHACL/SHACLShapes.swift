import EspaceRDF

/// A shapes graph compiled once for validation: every shape with its targets and its
/// constraints read and checked, so one value validates any number of data graphs.
public struct SHACLShapes: Sendable {
    /// All compiled shapes; constraints refer to each other by index.
    var shapes: [Shape]
    /// The shapes that have targets (explicit or implicit class targets), in graph order.
    var targeted: [Int]

    /// Compiles the shapes of `graph` (SHACL Core). Throws on an ill-formed shape: a
    /// parameter of the wrong kind (e.g. `sh:minCount "x"`), a malformed path or list, a
    /// regular expression that does not compile.
    public init(_ graph: Dataset) throws(SHACLShapesError) {
        var compiler = ShapeCompiler(index: ShapesGraphIndex(graph))
        try compiler.compileAll()
        shapes = compiler.shapes
        targeted = compiler.targeted
    }

    /// The number of shapes compiled (named and nested).
    public var count: Int { shapes.count }

    /// The number of shapes with targets (where validation starts).
    public var targetedCount: Int { targeted.count }
}

/// Reads shapes from an indexed shapes graph.
struct ShapeCompiler {
    let index: ShapesGraphIndex
    var shapes: [Shape] = []
    var targeted: [Int] = []
    private var indexOf: [Term: Int] = [:]

    /// How deeply shapes may reference shapes while compiling.
    static let maxDepth = 128

    init(index: ShapesGraphIndex) {
        self.index = index
    }

    mutating func compileAll() throws(SHACLShapesError) {
        let targetPredicates = [SHACL.targetNode, SHACL.targetClass, SHACL.targetSubjectsOf, SHACL.targetObjectsOf]
        let candidates = index.nodes(
            instancesOf: [SHACL.nodeShape, SHACL.propertyShape], subjectsOf: targetPredicates)
        for subject in candidates where !subject.isLiteral {
            let i = try compile(subject, depth: 0)
            if !shapes[i].targets.isEmpty { targeted.append(i) }
        }
    }

    /// Compiles the shape at `term` (once) and returns its index.
    mutating func compile(_ term: Term, depth: Int) throws(SHACLShapesError) -> Int {
        if let i = indexOf[term] { return i }
        guard !term.isLiteral else { throw SHACLShapesError(shape: term, message: "a literal cannot be a shape") }
        guard depth < Self.maxDepth else {
            throw SHACLShapesError(shape: term, message: "shapes nested more than \(Self.maxDepth) deep")
        }
        let i = shapes.count
        indexOf[term] = i
        shapes.append(Shape(term: term))
        var shape = Shape(term: term)
        let paths = index.objects(term, SHACL.path)
        if paths.count > 1 { throw SHACLShapesError(shape: term, message: "more than one sh:path") }
        if let path = paths.first { shape.path = try readPath(path, shape: term, depth: 0) }
        shape.targets = try targets(term)
        if let flag = try boolean(term, SHACL.deactivated) { shape.deactivated = flag }
        if let severity = index.objects(term, SHACL.severity).first {
            guard severity.isIRI else { throw SHACLShapesError(shape: term, message: "sh:severity must be an IRI") }
            shape.severity = severity
        }
        shape.messages = index.objects(term, SHACL.message)
        shape.constraints = try constraints(term, isProperty: shape.path != nil, depth: depth)
        shapes[i] = shape
        return i
    }

    private func targets(_ term: Term) throws(SHACLShapesError) -> [Target] {
        var targets: [Target] = index.objects(term, SHACL.targetNode).map { .node($0) }
        for cls in index.objects(term, SHACL.targetClass) {
            guard !cls.isLiteral else { throw SHACLShapesError(shape: term, message: "sh:targetClass must be an IRI") }
            targets.append(.instancesOf(cls))
        }
        if index.isInstance(term, of: SHACL.rdfsClass) && !targets.contains(.instancesOf(term)) {
            targets.append(.instancesOf(term))
        }
        for p in index.objects(term, SHACL.targetSubjectsOf) {
            guard case .iri(let iri) = p else { throw error(term, "sh:targetSubjectsOf", "an IRI", p) }
            targets.append(.subjectsOf(iri))
        }
        for p in index.objects(term, SHACL.targetObjectsOf) {
            guard case .iri(let iri) = p else { throw error(term, "sh:targetObjectsOf", "an IRI", p) }
            targets.append(.objectsOf(iri))
        }
        return targets
    }

    /// Reads a SHACL property path (SHACL §2.3.1).
    func readPath(_ node: Term, shape: Term, depth: Int) throws(SHACLShapesError) -> SHACLPath {
        guard depth < 64 else { throw SHACLShapesError(shape: shape, message: "sh:path nested more than 64 deep") }
        switch node {
        case .iri(let iri): return .predicate(iri)
        case .literal: throw error(shape, "sh:path", "an IRI or a blank node", node)
        case .blank: break
        }
        if index.has(node, Vocabulary.rdfFirst) {
            guard let items = index.list(node), items.count >= 2 else {
                throw SHACLShapesError(shape: shape, message: "a sequence path must be a list of at least two paths")
            }
            var parts: [SHACLPath] = []
            for item in items { parts.append(try readPath(item, shape: shape, depth: depth + 1)) }
            return .sequence(parts)
        }
        let unary: [(String, (SHACLPath) -> SHACLPath)] = [
            (SHACL.inversePath, { .inverse($0) }), (SHACL.zeroOrMorePath, { .zeroOrMore($0) }),
            (SHACL.oneOrMorePath, { .oneOrMore($0) }), (SHACL.zeroOrOnePath, { .zeroOrOne($0) }),
        ]
        for (predicate, make) in unary {
            let values = index.objects(node, predicate)
            guard let inner = values.first else { continue }
            guard values.count == 1 else { throw SHACLShapesError(shape: shape, message: "more than one \(predicate)") }
            return make(try readPath(inner, shape: shape, depth: depth + 1))
        }
        if let head = index.objects(node, SHACL.alternativePath).first {
            guard let items = index.list(head), items.count >= 2 else {
                throw SHACLShapesError(shape: shape, message: "sh:alternativePath must be a list of at least two paths")
            }
            var parts: [SHACLPath] = []
            for item in items { parts.append(try readPath(item, shape: shape, depth: depth + 1)) }
            return .alternative(parts)
        }
        throw SHACLShapesError(shape: shape, message: "the blank node of sh:path is not a SHACL property path")
    }

    func boolean(_ term: Term, _ predicate: String) throws(SHACLShapesError) -> Bool? {
        guard let value = index.objects(term, predicate).first else { return nil }
        guard case .literal(let literal) = value, literal.datatype == Vocabulary.xsdBoolean,
            XSDValue(literal) != nil
        else { throw error(term, short(predicate), "an xsd:boolean", value) }
        // SHACL activates these parameters with the value true only ("1" is a distinct literal).
        return literal.lexicalForm == "true"
    }

    func error(_ shape: Term, _ parameter: String, _ expected: String, _ got: Term) -> SHACLShapesError {
        SHACLShapesError(shape: shape, message: "\(parameter) must be \(expected), got \(NQuadsSerializer.string(got))")
    }

    func short(_ iri: String) -> String {
        iri.hasPrefix(SHACL.ns) ? "sh:" + iri.dropFirst(SHACL.ns.count) : "<\(iri)>"
    }
}
