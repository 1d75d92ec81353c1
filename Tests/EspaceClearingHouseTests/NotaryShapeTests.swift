import EspaceClearingHouse
import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import EspaceTestSupport
import Testing

/// Each issued credential's subject, as RDF, against its node shape in the Gaia-X 25.11 SHACL
/// (`gaiax/loire/gx-2511-shapes.ttl`, development# rewritten to 2511# as the shared README
/// says): required properties present, counts, datatypes, `sh:in` values, and nothing beyond
/// the closed shape's properties. (The constraints these six shapes use; not a SHACL engine.)
@Suite("Notary: credentials against the Gaia-X 25.11 shapes")
struct NotaryShapeTests {
    static let sh = "http://www.w3.org/ns/shacl#"
    static let gx2511 = "https://w3id.org/gaia-x/2511#"
    static let development = "https://w3id.org/gaia-x/development#"

    /// The shapes graph by subject, parsed once.
    static let shapes: Result<[Term: [(predicate: String, object: Term)]], any Error> = Result {
        let quads = try TurtleParser().parseQuads(try SharedFixtures.bytes("gaiax/loire/gx-2511-shapes.ttl"))
        var graph: [Term: [(predicate: String, object: Term)]] = [:]
        for quad in quads {
            guard let predicate = quad.predicate.iriValue else { continue }
            graph[quad.subject, default: []].append((predicate, quad.object))
        }
        return graph
    }

    @Test(arguments: NotaryIssuanceTests.numbers)
    func subjectConformsToItsShape(_ type: RegistrationNumberType, _ value: String) async throws {
        let issued = try await NotaryFixtures.notary().issue(
            try NotaryFixtures.request(type, value), now: NotaryFixtures.now)
        try Self.checkConformance(issued, type: type)
    }

    /// With a registry record, the LEI credential also carries `gx:countryCode` and
    /// `gx:subdivisionCountryCode`, whose values the shape restricts with `sh:in`.
    @Test func leiWithRegistryCountryConforms() async throws {
        let gleif = ScriptedRegistry(name: "GLEIF") { _ in
            .valid(
                OnlineRecord(
                    registry: "GLEIF", evidenceURL: OnlineRegistries.Endpoint.gleif, countryCode: "US",
                    subdivisionCode: "US-CA"))
        }
        let notary = try NotaryFixtures.notary(registries: OnlineRegistries([.leiCode: gleif]))
        let issued = try await notary.issue(
            try NotaryFixtures.request(.leiCode, "HWUPKR0MPOU8FGXBT394"), now: NotaryFixtures.now)
        try Self.checkConformance(issued, type: .leiCode)
        let bad = ScriptedRegistry(name: "GLEIF") { _ in
            .valid(OnlineRecord(registry: "GLEIF", evidenceURL: OnlineRegistries.Endpoint.gleif, countryCode: "XX"))
        }
        let strayCountry = try await NotaryFixtures.notary(registries: OnlineRegistries([.leiCode: bad])).issue(
            try NotaryFixtures.request(.leiCode, "HWUPKR0MPOU8FGXBT394"), now: NotaryFixtures.now)
        withKnownIssue("a country outside the shape's sh:in list is caught by this check") {
            try Self.checkConformance(strayCountry, type: .leiCode)
        }
    }

    static func checkConformance(_ issued: Notary.Issued, type: RegistrationNumberType) throws {
        let graph = try Self.shapes.get()
        func objects(_ node: Term, _ predicate: String) -> [Term] {
            graph[node, default: []].filter { $0.predicate == predicate }.map(\.object)
        }
        func list(_ head: Term) -> [Term] {
            var items: [Term] = []
            var node = head
            while node != .iri(Vocabulary.rdfNil), items.count < 10_000,
                let first = objects(node, Vocabulary.rdfFirst).first
            {
                items.append(first)
                guard let rest = objects(node, Vocabulary.rdfRest).first else { break }
                node = rest
            }
            return items
        }
        let targetClass = Self.gx2511 + type.credentialType.dropFirst("gx:".count)
        let shape = try #require(
            graph.first { entry in
                entry.value.contains { $0.predicate == Self.sh + "targetClass" && $0.object == .iri(targetClass) }
            }?.key,
            "no shape targets \(targetClass)")

        // The subject as RDF, in the 2511 namespace.
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader()
        let dataset = try JSONLD.toRDF(.object(issued.credential.json), options: options)
        func rewrite(_ term: Term) -> Term {
            guard case .iri(let iri) = term, iri.hasPrefix(Self.development) else { return term }
            return .iri(Self.gx2511 + iri.dropFirst(Self.development.count))
        }
        let subject = Term.iri(NotaryFixtures.subjectId)
        let values = dataset.quads.filter { $0.subject == subject }.map {
            (rewrite($0.predicate).iriValue ?? "", rewrite($0.object))
        }
        #expect(
            values.contains { $0.0 == Vocabulary.rdfType && $0.1 == .iri(targetClass) },
            "the subject is not typed \(targetClass)")

        var allowed: Set<String> = Set(
            list(objects(shape, Self.sh + "ignoredProperties").first ?? .iri(Vocabulary.rdfNil)).compactMap(\.iriValue))
        var required = 0
        for property in objects(shape, Self.sh + "property") {
            let path = try #require(objects(property, Self.sh + "path").first?.iriValue)
            allowed.insert(path)
            let found = values.filter { $0.0 == path }.map(\.1)
            let min = objects(property, Self.sh + "minCount").first?.literalValue.flatMap { Int($0.lexicalForm) } ?? 0
            let max =
                objects(property, Self.sh + "maxCount").first?.literalValue.flatMap { Int($0.lexicalForm) } ?? Int.max
            if min > 0 { required += 1 }
            #expect(
                found.count >= min && found.count <= max, "\(path): \(found.count) values, shape says \(min)…\(max)")
            if let datatype = objects(property, Self.sh + "datatype").first?.iriValue {
                for value in found { #expect(value.literalValue?.datatype == datatype, "\(path) is not a \(datatype)") }
            }
            var allowedValues = objects(property, Self.sh + "in").flatMap(list)
            for member in objects(property, Self.sh + "or").flatMap(list) {
                allowedValues += objects(member, Self.sh + "in").flatMap(list)
            }
            if !allowedValues.isEmpty {
                for value in found {
                    #expect(allowedValues.contains(value), "\(path) value \(value) is not in the shape's sh:in list")
                }
            }
        }
        #expect(required >= 1)
        if objects(shape, Self.sh + "closed").first?.literalValue?.lexicalForm == "true" {
            for (predicate, _) in values {
                #expect(allowed.contains(predicate), "\(predicate) is not allowed by the closed shape")
            }
        }
    }
}
