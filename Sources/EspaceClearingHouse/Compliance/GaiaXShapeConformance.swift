import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import EspaceSHACL

/// SHACL conformance of a presentation's credentials to the registry's shapes, the way the
/// Gaia-X clearing houses check it:
///
/// - each credential payload becomes RDF through JSON-LD (bundled contexts only, no fetch);
/// - the credential's Gaia-X type moves onto its `credentialSubject` (live Loire credentials
///   type the credential, the shapes describe the subject: `shared/gaiax/NOTES.md` §2.2), and
///   the credential envelope is left out;
/// - the registration-number types are `rdfs:subClassOf gx:RegistrationNumber` (the Gaia-X
///   ontology's hierarchy, which the shapes file does not carry);
/// - all credentials are validated together (a legal person points at its registration
///   number in another credential), and each result is traced back to its credential.
public struct GaiaXShapeConformance: ShapeConformance {
    static let credentials = "https://www.w3.org/2018/credentials#"
    static let shacl = "http://www.w3.org/ns/shacl#"

    public let validator: SHACLValidator
    public var documentLoader: any DocumentLoader

    /// Compiles `shapes` (Turtle texts, merged) once; `rewriting` maps namespaces (the Gaia-X
    /// 25.11 shapes' `https://w3id.org/gaia-x/2511#` to the `development#` live credentials use).
    public init(shapes: [String], rewriting: [String: String] = GaiaXShapeConformance.gaiaX2511ToDevelopment,
        documentLoader: any DocumentLoader = LocalDocumentLoader()) throws
    {
        var graph = Dataset()
        for text in shapes {
            var rewritten = text
            for (from, to) in rewriting { rewritten = rewritten.replacingOccurrences(of: from, with: to) }
            for quad in try TurtleParser().parse(rewritten).quads { graph.insert(quad) }
        }
        validator = SHACLValidator(shapes: try SHACLShapes(graph))
        self.documentLoader = documentLoader
    }

    /// The rewrite the Gaia-X 25.11 shapes need (`shared/gaiax/README.md`).
    public static let gaiaX2511ToDevelopment = ["https://w3id.org/gaia-x/2511#": GaiaX.namespace]

    public func check(_ credentials: [JSONObject]) -> [ShapeViolation] {
        var options = JSONLDOptions()
        options.documentLoader = documentLoader
        var graph = Dataset()
        for registration in GaiaX.registrationNumberTypes {
            graph.insert(
                Quad(
                    subject: .iri(GaiaX.namespace + registration),
                    predicate: .iri("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
                    object: .iri(GaiaX.namespace + "RegistrationNumber")))
        }
        var owner: [Term: Int] = [:]
        var violations: [ShapeViolation] = []
        let type = Term.iri(Vocabulary.rdfType)
        for (index, payload) in credentials.enumerated() {
            func relabel(_ term: Term) -> Term {
                if case .blank(let label) = term { return .blank("c\(index)-\(label)") }
                return term
            }
            let quads: [Quad]
            do {
                quads = try JSONLD.toRDF(.object(payload), options: options).quads
            } catch {
                violations.append(ShapeViolation(credential: index, path: "", message: "the credential is not JSON-LD the shapes can read: \(error)"))
                continue
            }
            let envelopes = Set(
                quads.filter { $0.predicate == type && $0.object == .iri(Self.credentials + "VerifiableCredential") }.map(\.subject))
            for quad in quads {
                guard envelopes.contains(quad.subject) else {
                    let subject = relabel(quad.subject)
                    if owner[subject] == nil { owner[subject] = index }
                    graph.insert(Quad(subject: subject, predicate: quad.predicate, object: relabel(quad.object)))
                    continue
                }
                guard quad.predicate == .iri(Self.credentials + "credentialSubject") else { continue }
                owner[relabel(quad.object)] = index
                for typeQuad in quads
                where typeQuad.subject == quad.subject && typeQuad.predicate == type
                    && typeQuad.object != .iri(Self.credentials + "VerifiableCredential")
                {
                    graph.insert(Quad(subject: relabel(quad.object), predicate: type, object: typeQuad.object))
                }
            }
        }
        let report: SHACLValidationReport
        do {
            report = try validator.validate(graph)
        } catch {
            return violations + [ShapeViolation(credential: nil, path: "", message: "the shapes could not be evaluated: \(error)")]
        }
        for result in report.results where result.severity == .iri(Self.shacl + "Violation") {
            let component = result.sourceConstraintComponent.hasPrefix(Self.shacl)
                ? String(result.sourceConstraintComponent.dropFirst(Self.shacl.count)) : result.sourceConstraintComponent
            let path = result.resultPath.map { ".credentialSubject(\($0.description))" } ?? ".credentialSubject"
            var message = "\(component) on \(Self.show(result.focusNode))"
            if let value = result.value { message += ", value \(Self.show(value))" }
            if let text = result.message { message += ": \(text)" }
            violations.append(ShapeViolation(credential: owner[result.focusNode], path: path, message: message))
        }
        return violations
    }

    static func show(_ term: Term) -> String {
        switch term {
        case .iri(let iri): return "<\(iri)>"
        case .blank(let label): return "_:\(label)"
        case .literal(let literal): return "\"\(literal.lexicalForm)\""
        }
    }
}
