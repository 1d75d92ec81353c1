/// Well-known IRIs of the RDF and XSD vocabularies.
public enum Vocabulary {
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let rdfType = rdf + "type"
    public static let rdfFirst = rdf + "first"
    public static let rdfRest = rdf + "rest"
    public static let rdfNil = rdf + "nil"
    public static let rdfValue = rdf + "value"
    public static let rdfLanguage = rdf + "language"
    public static let rdfDirection = rdf + "direction"
    public static let rdfJSON = rdf + "JSON"
    public static let rdfLangString = rdf + "langString"
    public static let rdfDirLangString = rdf + "dirLangString"
    public static let xsdString = xsd + "string"
    public static let xsdBoolean = xsd + "boolean"
    public static let xsdInteger = xsd + "integer"
    public static let xsdDouble = xsd + "double"
}

/// An RDF literal: a lexical form with a datatype IRI, and a language tag (and base
/// direction) for language-tagged strings.
public struct Literal: Hashable, Sendable {
    public var lexicalForm: String
    /// The datatype IRI (`rdf:langString` for language-tagged strings).
    public var datatype: String
    /// The language tag of a language-tagged string.
    public var language: String?
    /// The base direction (`ltr` or `rtl`) of an RDF 1.2 directional language-tagged string.
    public var direction: String?

    /// A simple literal (`xsd:string`).
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = Vocabulary.xsdString
    }

    /// A typed literal.
    public init(_ lexicalForm: String, datatype: String) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype
    }

    /// A language-tagged string, optionally with a base direction.
    public init(_ lexicalForm: String, language: String, direction: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.direction = direction
        self.datatype = direction == nil ? Vocabulary.rdfLangString : Vocabulary.rdfDirLangString
    }
}

/// An RDF term: an IRI, a blank node or a literal.
public enum Term: Hashable, Sendable {
    case iri(String)
    /// A blank node, by its label (without the `_:` prefix).
    case blank(String)
    case literal(Literal)

    public var isIRI: Bool {
        if case .iri = self { return true }
        return false
    }

    public var isBlank: Bool {
        if case .blank = self { return true }
        return false
    }

    public var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }

    /// The IRI, when this term is one.
    public var iriValue: String? {
        if case .iri(let v) = self { return v }
        return nil
    }

    /// The blank node label, when this term is a blank node.
    public var blankLabel: String? {
        if case .blank(let v) = self { return v }
        return nil
    }

    /// The literal, when this term is one.
    public var literalValue: Literal? {
        if case .literal(let v) = self { return v }
        return nil
    }
}

/// A statement in an RDF dataset: subject, predicate and object, in the default graph
/// (`graph == nil`) or a named graph.
public struct Quad: Hashable, Sendable {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: Term?

    public init(subject: Term, predicate: Term, object: Term, graph: Term? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// An RDF dataset: a set of quads, kept in insertion order for stable output.
public struct Dataset: Sendable, Equatable {
    public private(set) var quads: [Quad] = []
    /// The quads as a set, for duplicate checks; nil until first needed when the dataset
    /// was built from quads already known to be distinct.
    private var seen: Set<Quad>? = []

    public init() {}

    public init(_ quads: some Sequence<Quad>) {
        for quad in quads { insert(quad) }
    }

    /// A dataset of quads the caller guarantees to be pairwise distinct (producers that
    /// cannot emit duplicates skip hashing every quad). The set index is built lazily.
    package init(distinctQuads: [Quad]) {
        self.quads = distinctQuads
        self.seen = nil
    }

    /// Adds `quad` unless the dataset already holds it.
    @discardableResult
    public mutating func insert(_ quad: Quad) -> Bool {
        if seen == nil { seen = Set(quads) }
        guard seen?.insert(quad).inserted == true else { return false }
        quads.append(quad)
        return true
    }

    public var count: Int { quads.count }
    public var isEmpty: Bool { quads.isEmpty }

    public func contains(_ quad: Quad) -> Bool {
        if let seen { return seen.contains(quad) }
        return quads.contains(quad)
    }

    public static func == (lhs: Dataset, rhs: Dataset) -> Bool {
        guard lhs.quads.count == rhs.quads.count else { return false }
        return (lhs.seen ?? Set(lhs.quads)) == (rhs.seen ?? Set(rhs.quads))
    }
}
