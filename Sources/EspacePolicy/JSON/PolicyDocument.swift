import EspaceJSON
import EspaceJSONLD
import EspaceRDF

/// Reads ODRL policies from the forms they travel in: compact JSON as the Dataspace Protocol
/// carries it, full JSON-LD with the W3C ODRL context, and Turtle. JSON goes through the
/// JSON-LD core (`JSONLD.toRDF`, bundled contexts only, never the network) and then
/// `PolicyReader`, so every form gives the same `Policy`.
///
/// Two repairs make real documents read as their authors meant:
/// - **Bare terms no context defines** (DSP writes `"leftOperand": "dateTime"`, and its ODRL
///   profile context defines no `dateTime` nor `@vocab`; see the DSP README, quirk 5) would
///   become IRIs relative to the document base and be lost. When the document's own context
///   sets no `@vocab`, `{"@vocab": "http://www.w3.org/ns/odrl/2/"}` is appended to it, so they
///   read as ODRL terms; a term that is not ODRL's (`"partner"`) then names an unknown left
///   operand, which `PolicyValidator` reports and the evaluator fails closed on.
/// - **The ODRL 2.2 context's slips** (`http://www.w3.org/ns/odrl.jsonld`, bundled unchanged):
///   its typo `"neq": "odrl:neg"` is undone (`odrl:neg` as an operator reads as `odrl:neq`; `neg`
///   is no ODRL term, so nothing else can be meant); `dataType`, which it maps to
///   `odrl:datatype`, reads as `odrl:dataType`; and `unit` and `dataType`, which it does not
///   type `@id`, read as IRIs when their string is an absolute IRI (`xsd:` expanded).
///
/// A document using a property or class in the ODRL namespace that ODRL 2.2 does not define
/// (`"constriant"`, which `@vocab` makes `odrl:constriant`) is refused rather than read
/// without it: an ignored constraint or prohibition would grant more than was written.
public enum PolicyDocument {
    /// The Dataspace Protocol 2025-1 context.
    public static let dspContextURL = "https://w3id.org/dspace/2025/1/context.jsonld"
    /// DSP's ODRL profile context (imported by the DSP context inside negotiation messages and datasets).
    public static let dspODRLProfileURL = "https://w3id.org/dspace/2025/1/odrl-profile.jsonld"
    /// The W3C ODRL 2.2 context.
    public static let odrlContextURL = "http://www.w3.org/ns/odrl.jsonld"
    /// Largest JSON or Turtle input read, in bytes.
    public static let maxBytes = 8 << 20

    /// Every policy in a JSON or JSON-LD document (a policy, a DSP message or catalog holding
    /// policies, or any JSON-LD graph), in document order. A document using the DSP context
    /// also gets DSP's ODRL profile at its root, so a standalone policy in the DSP form reads.
    public static func policies(fromJSON bytes: some Collection<UInt8>, reader: PolicyReader = PolicyReader())
        throws(PolicyError) -> [Policy]
    {
        try policies(fromJSON: try parseJSON(bytes), reader: reader)
    }

    /// Every policy in a parsed JSON-LD document.
    public static func policies(fromJSON document: JSONValue, reader: PolicyReader = PolicyReader()) throws(PolicyError)
        -> [Policy]
    {
        guard case .object(var root) = document else {
            throw PolicyError("a policy document must be a JSON object, found \(document.typeName)")
        }
        guard let context = root["@context"] else {
            throw PolicyError(
                "the JSON document has no @context: it cannot be read as ODRL (add \(dspContextURL) or \(odrlContextURL))"
            )
        }
        root["@context"] = readingContext(context.asArray)
        let dataset = try toRDF(.object(root))
        try checkODRLTerms(dataset)
        let policies = try reader.policies(in: dataset)
        guard !policies.isEmpty else { throw PolicyError("the JSON document holds no ODRL policy") }
        return policies.map { targetingDataset($0, dataset) }
    }

    /// The policy `policy` embedded in a message whose `@context` (`context`) is at the
    /// message root, as in DSP's `offer` and `agreement` members (`context` may be one context
    /// or an array; the policy's own `@context`, if any, applies after it).
    public static func policy(fromJSONLD policy: JSONValue, context: JSONValue, reader: PolicyReader = PolicyReader())
        throws(PolicyError) -> Policy
    {
        guard case .object(var node) = policy else {
            throw PolicyError("an embedded policy must be a JSON object, found \(policy.typeName)")
        }
        node["@context"] = readingContext(context.asArray + (node["@context"]?.asArray ?? []))
        let dataset = try toRDF(.object(node))
        try checkODRLTerms(dataset)
        let policies = try reader.policies(in: dataset)
        guard policies.count == 1, let only = policies.first else {
            throw PolicyError("the embedded JSON-LD holds \(policies.count) policies; one was expected")
        }
        return only
    }

    /// Every policy in a Turtle document.
    public static func policies(fromTurtle bytes: some Collection<UInt8>, reader: PolicyReader = PolicyReader())
        throws(PolicyError) -> [Policy]
    {
        guard bytes.count <= maxBytes else { throw PolicyError("the Turtle document is larger than \(maxBytes) bytes") }
        let dataset: Dataset
        do {
            dataset = try TurtleParser().parse(bytes)
        } catch {
            throw PolicyError("the Turtle document is not valid: \(error)")
        }
        let repaired = repairingContextQuirks(dataset)
        try checkODRLTerms(repaired)
        let policies = try reader.policies(in: repaired)
        guard !policies.isEmpty else { throw PolicyError("the Turtle document holds no ODRL policy") }
        return policies
    }

    static func parseJSON(_ bytes: some Collection<UInt8>) throws(PolicyError) -> JSONValue {
        guard bytes.count <= maxBytes else { throw PolicyError("the JSON document is larger than \(maxBytes) bytes") }
        do {
            return try JSONParser().parse(bytes)
        } catch {
            throw PolicyError("the document is not valid JSON: \(error)")
        }
    }

    /// The context a document is read with: its own, plus DSP's ODRL profile when it uses the
    /// DSP context (which defines the ODRL terms only inside message types and `Dataset`) and
    /// its agreement `timestamp`, plus
    /// `@vocab` set to the ODRL namespace unless one of its local contexts sets a vocabulary.
    static func readingContext(_ entries: [JSONValue]) -> JSONValue {
        var out = entries
        if out.contains(.string(dspContextURL)), !out.contains(.string(dspODRLProfileURL)) {
            // DSP's agreement `timestamp` is also defined only inside ContractAgreementMessage.
            out += [.string(dspODRLProfileURL), .object(["timestamp": .string("dspace:timestamp")])]
        }
        if !out.contains(where: { $0.objectValue?["@vocab"] != nil }) {
            out.append(.object(["@vocab": .string(ODRL.ns)]))
        }
        return .array(out)
    }

    static func toRDF(_ document: JSONValue) throws(PolicyError) -> Dataset {
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader(useBundledContexts: true)
        options.limits.maxOutputItems = 1_000_000
        do {
            return repairingContextQuirks(try JSONLD.toRDF(document, options: options))
        } catch {
            throw PolicyError("the JSON-LD could not be converted to RDF: \(error)")
        }
    }

    /// `dataset` with the W3C ODRL 2.2 context's quirks undone: the object `odrl:neg` of
    /// `odrl:operator` read as `odrl:neq`; `odrl:datatype` (the context maps `dataType` there)
    /// read as `odrl:dataType`; and an absolute IRI written as a plain string for `unit` or
    /// `dataType` (the context does not type them `@id`) read as that IRI.
    static func repairingContextQuirks(_ dataset: Dataset) -> Dataset {
        let neg = Term.iri(ODRL.iri("neg"))
        let op = Term.iri(ODRL.iri("operator"))
        let lowerDatatype = Term.iri(ODRL.iri("datatype"))
        let iriValued: Set<Term> = [.iri(ODRL.iri("unit")), .iri(ODRL.iri("dataType"))]
        func repaired(_ quad: Quad) -> Quad {
            var out = quad
            if out.predicate == op, out.object == neg { out.object = .iri(ODRL.iri("neq")) }
            if out.predicate == lowerDatatype { out.predicate = .iri(ODRL.iri("dataType")) }
            if iriValued.contains(out.predicate), let literal = out.object.literalValue,
                literal.datatype == Vocabulary.xsdString || literal.datatype == Vocabulary.xsd + "anyType",
                IRIReference.isAbsolute(literal.lexicalForm)
            {
                // `"dataType": "xsd:integer"` stays a compact IRI in the literal: expand xsd: by hand.
                let text = literal.lexicalForm
                out.object = .iri(text.hasPrefix("xsd:") ? Vocabulary.xsd + text.dropFirst(4) : text)
            }
            return out
        }
        let quads = dataset.quads.map(repaired)
        return quads == dataset.quads ? dataset : Dataset(quads)
    }

    /// Refuses a document that uses a property or class in the ODRL namespace that ODRL 2.2
    /// does not define: the reader would ignore a misspelt `constriant` or `prohibtion` and so
    /// grant more than was written, or read a misspelt `Agremeent` as a Set.
    static func checkODRLTerms(_ dataset: Dataset) throws(PolicyError) {
        let type = Term.iri(Vocabulary.rdfType)
        for quad in dataset.quads where quad.graph == nil {
            if let term = quad.predicate.iriValue.flatMap(ODRL.term), !ODRLVocabulary.properties.contains(term) {
                throw PolicyError(
                    "\(name(quad.subject)) uses odrl:\(term), which is no ODRL 2.2 property; it would be ignored, so the document is refused"
                )
            }
            if quad.predicate == type, let term = quad.object.iriValue.flatMap(ODRL.term),
                !ODRLVocabulary.classes.contains(term)
            {
                throw PolicyError("\(name(quad.subject)) is typed odrl:\(term), which is no ODRL 2.2 class")
            }
        }
    }

    static func name(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(iri)>"
        case .blank(let label): return "_:\(label)"
        case .literal(let literal): return "\"\(literal.lexicalForm)\""
        }
    }

    /// A policy reached from a dataset through `odrl:hasPolicy` (DSP catalogs) targets that
    /// dataset when its permissions and prohibitions name no target of their own.
    static func targetingDataset(_ policy: Policy, _ dataset: Dataset) -> Policy {
        let hasPolicy = Term.iri(ODRL.iri("hasPolicy"))
        let holders = dataset.quads.filter {
            $0.graph == nil && $0.predicate == hasPolicy && $0.object.iriValue == policy.uid
        }.compactMap(\.subject.iriValue)
        guard holders.count == 1, let holder = holders.first else { return policy }
        var out = policy
        for index in out.permissions.indices where out.permissions[index].target == nil {
            out.permissions[index].target = Asset(holder)
        }
        for index in out.prohibitions.indices where out.prohibitions[index].target == nil {
            out.prohibitions[index].target = Asset(holder)
        }
        return out
    }
}
