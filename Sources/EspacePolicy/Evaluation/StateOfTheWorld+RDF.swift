import EspaceRDF

extension StateOfTheWorld {
    static let report = "https://w3id.org/force/compliance-report#"
    static let currentTimeNode = "http://example.com/request/currentTime"
    static let dctIssued = "http://purl.org/dc/terms/issued"
    static let sotwType = "http://example.org/Sotw"

    static let skosBroader = "http://www.w3.org/2004/02/skos/core#broader"
    static let rdfsSubClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

    /// Reads a state of the world in the SolidLab test suite's form: the `ex:Sotw` node,
    /// `temp:currentTime dct:issued` (the current time), `odrl:partOf` (collection
    /// membership), `rdf:type`, `skos:broader` and `rdfs:subClassOf` (a taxonomy, for `isA`), and earlier `report:DutyReport`s whose
    /// `report:deonticState` gives each duty's state (`report:rule`).
    ///
    /// A collection described with `odrl:source` in `dataset` or in `related` (usually the
    /// policy's own data) is the same collection as its source: members of the node are
    /// members of the source too, as the policy reader names a collection by its source.
    public init(solidLab dataset: Dataset, related: Dataset = Dataset()) throws(PolicyError) {
        self.init()
        var budget = 1_000_000
        for quad in dataset.quads + related.quads where quad.graph == nil {
            budget -= 1
            guard budget >= 0 else { throw PolicyError("the state of the world has more than 1,000,000 statements") }
            guard case .iri(let predicate) = quad.predicate else { continue }
            let subject = quad.subject.iriValue ?? quad.subject.blankLabel.map { "_:" + $0 }
            guard let subject else { continue }
            switch predicate {
            case ODRL.iri("partOf"):
                guard let whole = quad.object.iriValue else {
                    throw PolicyError("\(subject) odrl:partOf must name an IRI")
                }
                memberships[subject, default: []].insert(whole)
            case ODRL.iri("source"):
                guard let source = quad.object.iriValue else { continue }
                memberships[subject, default: []].insert(source)
            case Vocabulary.rdfType:
                guard let type = quad.object.iriValue else { continue }
                types[subject, default: []].insert(type)
                if type == Self.sotwType, uid == nil { uid = subject }
            case Self.skosBroader, Self.rdfsSubClassOf:
                // A taxonomy: a purpose (say) is also each of its broader concepts, for isA.
                guard let broader = quad.object.iriValue else { continue }
                types[subject, default: []].insert(broader)
            case Self.dctIssued where subject == Self.currentTimeNode:
                guard case .literal(let literal) = quad.object else {
                    throw PolicyError("temp:currentTime dct:issued must be an xsd:dateTime literal")
                }
                currentTime = .literal(literal.lexicalForm, datatype: literal.datatype)
            default:
                continue
            }
        }
        let graph = GraphIndex(dataset)
        for subject in graph.subjects where graph.types(subject).contains(Self.report + "DutyReport") {
            guard let rule = try graph.object(subject, Self.report + "rule", what: "report:rule")?.iriValue else {
                continue
            }
            guard
                let stateIRI = try graph.object(subject, Self.report + "deonticState", what: "report:deonticState")?
                    .iriValue,
                stateIRI.hasPrefix(Self.report),
                let state = DeonticState(rawValue: String(stateIRI.dropFirst(Self.report.count)))
            else {
                throw PolicyError("the duty report \(GraphIndex.name(subject)) has no known report:deonticState")
            }
            dutyStates[rule] = state
        }
    }
}
