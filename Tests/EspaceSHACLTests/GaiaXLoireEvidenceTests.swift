import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import EspaceSHACL
import EspaceTestSupport
import Foundation
import Testing

/// Evidence: the real Loire participant presentation (three enveloped VCs accepted by the
/// live Gaia-X clearing house) conforms to the Gaia-X 25.11 shapes.
///
/// The data graph is built as the clearing house must build it: each VC payload to RDF with
/// JSON-LD (VC 2.0 and Gaia-X development contexts, served from the shared folder), the
/// VC's domain type moved onto its credentialSubject (live Loire VCs type the VC, the shapes
/// describe the subject: shared/gaiax/NOTES.md §2.2) and the VC envelope left out, plus the
/// registration-number subclass axioms of the Gaia-X ontology (the shapes file carries no
/// class hierarchy). The shapes get the 2511# → development# namespace rewrite of
/// shared/gaiax/README.md.
@Suite("Gaia-X Loire evidence")
struct GaiaXLoireEvidenceTests {
    static let gx2511 = "https://w3id.org/gaia-x/2511#"
    static let gxDev = "https://w3id.org/gaia-x/development#"
    static let cred = "https://www.w3.org/2018/credentials#"

    static func shapes() throws -> SHACLShapes {
        let text = String(decoding: try SharedFixtures.bytes("gaiax/loire/gx-2511-shapes.ttl"), as: UTF8.self)
        return try SHACLShapes(TurtleParser().parse(text.replacingOccurrences(of: gx2511, with: gxDev)))
    }

    static func contextFiles() throws -> [String: String] {
        let map = try JSONParser().parse(try SharedFixtures.bytes("protocols/contexts/context-map.json"))
        var files: [String: String] = [:]
        for entry in map["contexts"]?.arrayValue ?? [] {
            guard let url = entry["url"]?.stringValue, let file = entry["file"]?.stringValue else { continue }
            files[url] = SharedFixtures.path(file)
        }
        return files
    }

    /// The credential payloads of the presentation.
    static func payloads() throws -> [JSONValue] {
        let vp = try JSONParser().parse(try SharedFixtures.bytes("gaiax/loire/participant-vp-2026.decoded.json"))
        return try #require(vp["envelopedCredentialsDecoded"]?.arrayValue).compactMap { $0["payload"] }
    }

    /// The credential subjects of `payloads` as one data graph (see the suite's comment).
    static func dataGraph(_ payloads: [JSONValue]) throws -> Dataset {
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader(files: try contextFiles())
        var graph = Dataset()
        for registration in ["VatID", "LeiCode", "EORI", "EUID", "TaxID", "LocalRegistrationNumber"] {
            graph.insert(
                Quad(
                    subject: .iri(gxDev + registration), predicate: .iri("http://www.w3.org/2000/01/rdf-schema#subClassOf"),
                    object: .iri(gxDev + "RegistrationNumber")))
        }
        for (i, payload) in payloads.enumerated() {
            func relabel(_ term: Term) -> Term {
                if case .blank(let label) = term { return .blank("c\(i)-\(label)") }
                return term
            }
            let quads = try JSONLD.toRDF(payload, options: options).quads
            let type = Term.iri(Vocabulary.rdfType)
            let credentials = Set(
                quads.filter { $0.predicate == type && $0.object == .iri(cred + "VerifiableCredential") }.map(\.subject))
            for quad in quads {
                guard credentials.contains(quad.subject) else {
                    graph.insert(Quad(subject: relabel(quad.subject), predicate: quad.predicate, object: relabel(quad.object)))
                    continue
                }
                guard quad.predicate == .iri(cred + "credentialSubject") else { continue }
                for typeQuad in quads
                where typeQuad.subject == quad.subject && typeQuad.predicate == type
                    && typeQuad.object != .iri(cred + "VerifiableCredential")
                {
                    graph.insert(Quad(subject: relabel(quad.object), predicate: type, object: typeQuad.object))
                }
            }
        }
        return graph
    }

    @Test func participantPresentationConforms() throws {
        let shapes = try Self.shapes()
        #expect(shapes.targetedCount >= 160)
        let payloads = try Self.payloads()
        #expect(payloads.count == 3)
        let data = try Self.dataGraph(payloads)
        let report = try SHACLValidator(shapes: shapes).validate(data)
        #expect(report.conforms, "\(report.text())")
        // The types did reach the subjects, so the shapes did apply.
        let typed = data.quads.filter { $0.predicate == .iri(Vocabulary.rdfType) }.map(\.object)
        #expect(Set(typed).isSuperset(of: [.iri(Self.gxDev + "LegalPerson"), .iri(Self.gxDev + "Issuer"), .iri(Self.gxDev + "VatID")]))
    }

    /// The same data with a defect per credential fails with the expected results.
    @Test func defectsAreFound() throws {
        var payloads = try Self.payloads()
        guard case .object(var legalPerson) = payloads[0], case .object(var subject)? = legalPerson["credentialSubject"],
            case .object(var issuer) = payloads[1], case .object(var issuerSubject)? = issuer["credentialSubject"]
        else {
            Issue.record("unexpected payload layout")
            return
        }
        subject["gx:legalAddress"] = nil
        subject["gx:unknownProperty"] = "x"
        legalPerson["credentialSubject"] = .object(subject)
        issuerSubject["gaiaxTermsAndConditions"] = "not-a-known-hash"
        issuer["credentialSubject"] = .object(issuerSubject)
        payloads[0] = .object(legalPerson)
        payloads[1] = .object(issuer)
        let report = try SHACLValidator(shapes: try Self.shapes()).validate(try Self.dataGraph(payloads))
        let components = report.results.map { String($0.sourceConstraintComponent.dropFirst(SHACL.ns.count)) }.sorted()
        #expect(components == ["ClosedConstraintComponent", "InConstraintComponent", "MinCountConstraintComponent"])
    }
}
