import EspaceRDF

/// A compiled shape: its node in the shapes graph, its path (property shapes), its targets,
/// severity and messages, and its constraints with their parameters already read and checked.
struct Shape: Sendable {
    var term: Term
    var path: SHACLPath?
    var targets: [Target] = []
    var deactivated = false
    var severity: Term = .iri(SHACL.violation)
    var messages: [Term] = []
    var constraints: [Constraint] = []

    init(term: Term) {
        self.term = term
    }
}

/// How a shape selects its focus nodes.
enum Target: Sendable, Hashable {
    case node(Term)
    case instancesOf(Term)
    case subjectsOf(String)
    case objectsOf(String)
}

/// The kinds of `sh:nodeKind`.
enum NodeKind: String, Sendable, CaseIterable {
    case blankNode = "BlankNode"
    case iri = "IRI"
    case literal = "Literal"
    case blankNodeOrIRI = "BlankNodeOrIRI"
    case blankNodeOrLiteral = "BlankNodeOrLiteral"
    case iriOrLiteral = "IRIOrLiteral"

    func matches(_ term: Term) -> Bool {
        switch term {
        case .iri: return self == .iri || self == .blankNodeOrIRI || self == .iriOrLiteral
        case .blank: return self == .blankNode || self == .blankNodeOrIRI || self == .blankNodeOrLiteral
        case .literal: return self == .literal || self == .blankNodeOrLiteral || self == .iriOrLiteral
        }
    }
}

/// Which value-range bound a range constraint checks.
enum RangeKind: String, Sendable {
    case minExclusive = "MinExclusive"
    case minInclusive = "MinInclusive"
    case maxExclusive = "MaxExclusive"
    case maxInclusive = "MaxInclusive"

    /// Whether `order` (the value compared with the bound) satisfies the bound.
    func accepts(_ order: XSDValue.Order) -> Bool {
        switch self {
        case .minExclusive: return order == .greater
        case .minInclusive: return order != .less
        case .maxExclusive: return order == .less
        case .maxInclusive: return order != .greater
        }
    }
}

/// Which property-pair comparison a pair constraint checks.
enum PairKind: String, Sendable {
    case equals = "Equals"
    case disjoint = "Disjoint"
    case lessThan = "LessThan"
    case lessThanOrEquals = "LessThanOrEquals"
}

/// A compiled `sh:pattern` regular expression (immutable once built).
final class CompiledPattern: @unchecked Sendable {
    let source: String
    let regex: Regex<AnyRegexOutput>

    init(source: String, regex: Regex<AnyRegexOutput>) {
        self.source = source
        self.regex = regex
    }

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}

/// One constraint of a shape; shape references are indices into `SHACLShapes.shapes`.
enum Constraint: Sendable {
    case `class`(Term)
    case datatype(String)
    case nodeKind(NodeKind)
    case minCount(Int)
    case maxCount(Int)
    case range(RangeKind, Literal, XSDValue?)
    case minLength(Int)
    case maxLength(Int)
    case pattern(CompiledPattern)
    case languageIn([String])
    case uniqueLang
    case pair(PairKind, String)
    case not(Int)
    case and([Int])
    case or([Int])
    case xone([Int])
    case node(Int)
    case property(Int)
    case qualified(shape: Int, min: Int?, max: Int?, siblings: [Int])
    case closed(allowed: Set<String>)
    case hasValue(Term)
    /// `sh:in`: the members in order, and as a set for lookups.
    case `in`([Term], Set<Term>)

    /// The IRI of the constraint component (`sh:…ConstraintComponent`).
    func component(min qualifiedMin: Bool = true) -> String {
        let name: String
        switch self {
        case .class: name = "Class"
        case .datatype: name = "Datatype"
        case .nodeKind: name = "NodeKind"
        case .minCount: name = "MinCount"
        case .maxCount: name = "MaxCount"
        case .range(let kind, _, _): name = kind.rawValue
        case .minLength: name = "MinLength"
        case .maxLength: name = "MaxLength"
        case .pattern: name = "Pattern"
        case .languageIn: name = "LanguageIn"
        case .uniqueLang: name = "UniqueLang"
        case .pair(let kind, _): name = kind.rawValue
        case .not: name = "Not"
        case .and: name = "And"
        case .or: name = "Or"
        case .xone: name = "Xone"
        case .node: name = "Node"
        case .property: name = "Property"
        case .qualified: name = qualifiedMin ? "QualifiedMinCount" : "QualifiedMaxCount"
        case .closed: name = "Closed"
        case .hasValue: name = "HasValue"
        case .in: name = "In"
        }
        return SHACL.ns + name + "ConstraintComponent"
    }
}
