import EspaceRDF
import EspaceSHACL
import Testing

/// Ill-formed shapes, and the report as JSON, Turtle and N-Quads.
@Suite("SHACL shapes errors and reports")
struct ShapesAndReportTests {
    @Test(arguments: [
        ("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:minCount \"x\" ] .", "sh:minCount must be a non-negative integer, got \"x\""),
        ("ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:p ; sh:maxCount -1 ] .", "sh:maxCount must be a non-negative integer"),
        ("ex:S sh:targetNode ex:a ; sh:datatype \"xsd:string\" .", "sh:datatype must be an IRI"),
        ("ex:S sh:targetNode ex:a ; sh:nodeKind sh:Thing .", "sh:nodeKind must be one of"),
        ("ex:S sh:targetNode ex:a ; sh:pattern \"([a-\" .", "is not a valid regular expression"),
        ("ex:S sh:targetNode ex:a ; sh:in ex:notAList .", "sh:in must be a well-formed RDF list"),
        ("ex:S sh:targetNode ex:a ; sh:property [ sh:path [ ex:foo ex:bar ] ] .", "is not a SHACL property path"),
        ("ex:S sh:targetNode ex:a ; sh:closed \"yes\" .", "sh:closed must be an xsd:boolean"),
        ("ex:S sh:targetNode ex:a ; sh:node \"lit\" .", "a literal cannot be a shape"),
    ])
    func illFormedShapesAreErrors(shapes: String, message: String) throws {
        let graph = try TestGraphs.parse(shapes)
        do {
            _ = try SHACLShapes(graph)
            Issue.record("expected an error for \(shapes)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    static func sampleReport() throws -> SHACLValidationReport {
        try TestGraphs.validate(
            shapes: """
                ex:S sh:targetNode ex:a ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] ;
                  sh:property [ sh:path ex:q ; sh:datatype xsd:string ; sh:message "q must be a \\"string\\"" ] .
                """,
            data: "ex:a ex:q 1 .")
    }

    @Test func jsonReport() throws {
        let json = try Self.sampleReport().json(pretty: false)
        #expect(json.hasPrefix("{\"conforms\":false,\"results\":[{\"focusNode\":\"http://example.org/a\""))
        #expect(json.contains("\"resultPath\":\"^<http://example.org/p>\""))
        #expect(json.contains("\"resultPath\":\"http://example.org/q\""))
        #expect(json.contains("\"value\":\"\\\"1\\\"^^<http://www.w3.org/2001/XMLSchema#integer>\""))
        #expect(json.contains("\"message\":\"q must be a \\\"string\\\"\""))
        #expect(json.contains("\"value\":null"))
        let conforming = SHACLValidationReport(conforms: true, results: [])
        #expect(conforming.json(pretty: false) == "{\"conforms\":true,\"results\":[]}")
    }

    /// The RDF report parses back, and its path and results can be read again.
    @Test func rdfReportRoundTrips() throws {
        let report = try Self.sampleReport()
        let turtle = try TurtleParser().parse(report.turtle())
        let nquads = try NQuadsParser().parse(report.nquads())
        #expect(turtle.isIsomorphic(to: nquads))
        #expect(report.turtle().contains("sh:conforms false"))
        let pathNodes = nquads.quads.filter { $0.predicate == .iri(SHACL.ns + "resultPath") }.map(\.object)
        let paths = try pathNodes.map { try SHACLPath(node: $0, in: nquads) }
        #expect(Set(paths) == [.inverse(.predicate(TestGraphs.ex + "p")), .predicate(TestGraphs.ex + "q")])
        #expect(nquads.quads.filter { $0.predicate == .iri(SHACL.ns + "result") }.count == 2)
    }

    @Test func shapesAreReusableAcrossDataGraphs() throws {
        let shapes = try SHACLShapes(TestGraphs.parse("ex:S sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."))
        let validator = SHACLValidator(shapes: shapes)
        #expect(try validator.validate(TestGraphs.parse("ex:a a ex:C ; ex:p 1 .")).conforms)
        #expect(try !validator.validate(TestGraphs.parse("ex:b a ex:C .")).conforms)
        #expect(shapes.targetedCount == 1)
    }
}
