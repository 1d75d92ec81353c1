import EspacePolicy
import EspaceRDF
import EspaceTestSupport
import Testing

@Suite("The ODRL 2.2 vocabulary table")
struct ODRLVocabularyTests {
    /// The generated table (scripts/generate-odrl-vocabulary.py) is exactly what ODRL22.ttl types.
    @Test func theTableMatchesTheOntology() throws {
        let dataset = try TurtleParser().parse(
            try SharedFixtures.bytes("conformance/odrl/w3c-poe-odrl22/vocab/ODRL22.ttl"))
        func typed(_ type: String) -> Set<String> { typedIRI(ODRL.iri(type)) }
        func typedIRI(_ type: String) -> Set<String> {
            Set(
                dataset.quads.filter { $0.predicate == .iri(Vocabulary.rdfType) && $0.object == .iri(type) }
                    .compactMap(\.subject.iriValue))
        }
        let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        let owl = "http://www.w3.org/2002/07/owl#"
        let properties = typedIRI(rdf + "Property").union(typedIRI(owl + "ObjectProperty")).union(
            typedIRI(owl + "DatatypeProperty"))
        #expect(Set(properties.compactMap(ODRL.term)) == ODRLVocabulary.properties)
        let classes = typedIRI("http://www.w3.org/2000/01/rdf-schema#Class").union(typedIRI(owl + "Class"))
        #expect(Set(classes.compactMap(ODRL.term)) == ODRLVocabulary.classes)
        let actions = typed("Action")
        #expect(Set(actions.compactMap(ODRL.term)) == ODRLVocabulary.actions)
        #expect(Set(actions.filter { ODRL.term($0) == nil }) == ODRLVocabulary.otherActionIRIs)
        #expect(Set(typed("LeftOperand").compactMap(ODRL.term)) == ODRLVocabulary.leftOperands)
        #expect(typed("LeftOperand").allSatisfy { ODRL.term($0) != nil })
        #expect(Set(typed("Operator").compactMap(ODRL.term)) == ODRLVocabulary.operators)
        #expect(ODRLVocabulary.operators.count == 12)
        var includedIn: [String: String] = [:]
        for quad in dataset.quads where quad.predicate == .iri(ODRL.iri("includedIn")) {
            if let child = quad.subject.iriValue.flatMap(ODRL.term),
                let parent = quad.object.iriValue.flatMap(ODRL.term)
            {
                includedIn[child] = parent
            }
        }
        #expect(includedIn == ODRLVocabulary.includedIn)
    }

    @Test func lookups() {
        #expect(ODRLVocabulary.isAction(ODRL.iri("read")))
        #expect(!ODRLVocabulary.isAction(ODRL.iri("reed")))
        #expect(ODRLVocabulary.isAction("http://creativecommons.org/ns#Attribution"))
        #expect(ODRLVocabulary.isLeftOperand(ODRL.iri("purpose")))
        #expect(!ODRLVocabulary.isLeftOperand(ODRL.iri("partner")))
        #expect(ODRLVocabulary.isOperator(ODRL.iri("isNoneOf")))
        #expect(!ODRLVocabulary.isOperator(ODRL.iri("neg")))
        #expect(ODRLVocabulary.broaderActions("print") == ["use"])
        let registry = VocabularyRegistry(leftOperands: ["https://example.com/ds/membership"])
        #expect(registry.knowsLeftOperand("https://example.com/ds/membership"))
        #expect(!VocabularyRegistry.odrl.knowsLeftOperand("https://example.com/ds/membership"))
    }
}
