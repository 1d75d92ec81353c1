import EspaceRDF
import EspaceSHACL
import Testing

/// Cardinality, property-pair, uniqueLang, qualified and closed constraints.
@Suite("SHACL property constraints")
struct PropertyConstraintTests {
    static func check(_ constraint: String, _ data: String, shapeExtra: String = "") throws -> SHACLValidationReport {
        try TestGraphs.validate(
            shapes: "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property ex:PS \(shapeExtra). ex:PS sh:path ex:p ; \(constraint) .",
            data: data)
    }

    @Test func counts() throws {
        #expect(try Self.check("sh:minCount 1 ; sh:maxCount 2", "ex:a ex:p 1, 2 .").conforms)
        #expect(TestGraphs.components(try Self.check("sh:minCount 1", "ex:b ex:p 1 .")) == ["MinCountConstraintComponent"])
        let report = try Self.check("sh:maxCount 1", "ex:a ex:p 1, 2 .")
        #expect(TestGraphs.components(report) == ["MaxCountConstraintComponent"])
        #expect(report.results.first?.resultPath == .predicate(TestGraphs.ex + "p"))
        #expect(report.results.first?.sourceShape == .iri(TestGraphs.ex + "PS"))
    }

    @Test func equalsAndDisjoint() throws {
        #expect(try Self.check("sh:equals ex:q", "ex:a ex:p 1, 2 ; ex:q 2, 1 .").conforms)
        let report = try Self.check("sh:equals ex:q", "ex:a ex:p 1, 2 ; ex:q 2, 3 .")
        #expect(report.results.compactMap(\.value?.literalValue?.lexicalForm).sorted() == ["1", "3"])
        #expect(try Self.check("sh:disjoint ex:q", "ex:a ex:p 1, 2 ; ex:q 2, 3 .").results.count == 1)
    }

    @Test func lessThan() throws {
        #expect(try Self.check("sh:lessThan ex:q", "ex:a ex:p 1 ; ex:q 2 .").conforms)
        #expect(try Self.check("sh:lessThan ex:q", "ex:a ex:p 2, 3 ; ex:q 2 .").results.count == 2)
        #expect(try Self.check("sh:lessThanOrEquals ex:q", "ex:a ex:p 2 ; ex:q 2 .").conforms)
        #expect(try Self.check("sh:lessThanOrEquals ex:q", "ex:a ex:p \"a\" ; ex:q 2 .").results.count == 1)
        let dates = "ex:a ex:p \"2024-01-01\"^^xsd:date ; ex:q \"2024-06-01\"^^xsd:date ."
        #expect(try Self.check("sh:lessThan ex:q", dates).conforms)
    }

    @Test func uniqueLang() throws {
        #expect(try Self.check("sh:uniqueLang true", "ex:a ex:p \"a\"@en, \"b\"@fr, \"c\" .").conforms)
        let report = try Self.check("sh:uniqueLang true", "ex:a ex:p \"a\"@en, \"b\"@EN, \"c\"@fr, \"d\"@fr .")
        #expect(TestGraphs.components(report) == ["UniqueLangConstraintComponent", "UniqueLangConstraintComponent"])
        // Only the literal true activates the parameter.
        #expect(try Self.check("sh:uniqueLang \"1\"^^xsd:boolean", "ex:a ex:p \"a\"@en, \"b\"@en .").conforms)
    }

    @Test func qualifiedValueShapes() throws {
        let data = "ex:a ex:p ex:x, ex:y, ex:z . ex:x a ex:C . ex:y a ex:C . ex:z a ex:D ."
        #expect(try Self.check("sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 2", data).conforms)
        #expect(
            TestGraphs.components(try Self.check("sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 3", data))
                == ["QualifiedMinCountConstraintComponent"])
        #expect(
            TestGraphs.components(try Self.check("sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMaxCount 1", data))
                == ["QualifiedMaxCountConstraintComponent"])
    }

    @Test func qualifiedValueShapesDisjoint() throws {
        let shapes = """
            ex:S sh:targetNode ex:a ; sh:property ex:P1, ex:P2 .
            ex:P1 sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:C ] ; sh:qualifiedMinCount 2 ;
              sh:qualifiedValueShapesDisjoint true .
            ex:P2 sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1 ;
              sh:qualifiedValueShapesDisjoint true .
            """
        let overlapping = "ex:a ex:p ex:x, ex:y . ex:x a ex:C, ex:D . ex:y a ex:C ."
        #expect(try TestGraphs.components(TestGraphs.validate(shapes: shapes, data: overlapping)) == [
            "QualifiedMinCountConstraintComponent", "QualifiedMinCountConstraintComponent",
        ])
        let separate = "ex:a ex:p ex:x, ex:y, ex:z . ex:x a ex:C . ex:y a ex:C . ex:z a ex:D ."
        #expect(try TestGraphs.validate(shapes: shapes, data: separate).conforms)
    }

    @Test func closedShapes() throws {
        let shapes = """
            ex:S sh:targetNode ex:a ; sh:closed true ; sh:ignoredProperties (rdf:type) ;
              sh:property [ sh:path ex:p ] .
            """
        #expect(try TestGraphs.validate(shapes: shapes, data: "ex:a a ex:C ; ex:p 1 .").conforms)
        let report = try TestGraphs.validate(shapes: shapes, data: "ex:a ex:p 1 ; ex:q 2, 3 .")
        #expect(report.results.count == 2)
        #expect(report.results.allSatisfy { $0.resultPath == .predicate(TestGraphs.ex + "q") })
        #expect(report.results.first?.sourceConstraintComponent == SHACL.ns + "ClosedConstraintComponent")
    }
}
