import EspaceRDF
import EspaceSHACL
import Testing

/// Logical constraints, shape references, every path kind, and recursion.
@Suite("SHACL logic, paths and recursion")
struct LogicalAndPathTests {
    static let ex = TestGraphs.ex

    @Test func notAndOrXoneNode() throws {
        let shapes = """
            ex:IsC sh:class ex:C . ex:IsD sh:class ex:D .
            ex:Not sh:targetNode ex:c, ex:d ; sh:not ex:IsC .
            ex:And sh:targetNode ex:c, ex:cd ; sh:and (ex:IsC ex:IsD) .
            ex:Or sh:targetNode ex:c, ex:e ; sh:or (ex:IsC ex:IsD) .
            ex:Xone sh:targetNode ex:c, ex:cd ; sh:xone (ex:IsC ex:IsD) .
            ex:Node sh:targetNode ex:d, ex:c ; sh:node ex:IsD .
            """
        let data = "ex:c a ex:C . ex:d a ex:D . ex:cd a ex:C, ex:D . ex:e a ex:E ."
        let report = try TestGraphs.validate(shapes: shapes, data: data)
        let got = report.results.map { "\($0.sourceShape.iriValue?.dropFirst(Self.ex.count) ?? "") \($0.focusNode.iriValue?.dropFirst(Self.ex.count) ?? "")" }
        #expect(got.sorted() == ["And c", "Node c", "Not c", "Or e", "Xone cd"])
        #expect(report.results.allSatisfy { $0.value == $0.focusNode })
    }

    @Test func nestedPropertyShapeResultsComeFromTheNestedShape() throws {
        let shapes = """
            ex:S sh:targetNode ex:a ; sh:property [ sh:path ex:knows ; sh:node ex:Named ] .
            ex:Named sh:property ex:NameShape . ex:NameShape sh:path ex:name ; sh:minCount 1 .
            """
        let report = try TestGraphs.validate(shapes: shapes, data: "ex:a ex:knows ex:b . ex:b ex:age 3 .")
        #expect(TestGraphs.components(report) == ["NodeConstraintComponent"])
        #expect(report.results.first?.value == .iri(Self.ex + "b"))
    }

    static func values(_ path: String, _ data: String) throws -> [String] {
        let report = try TestGraphs.validate(
            shapes: "ex:S sh:targetNode ex:a ; sh:property [ sh:path \(path) ; sh:in () ] .", data: data)
        return report.results.compactMap { $0.value?.iriValue.map { String($0.dropFirst(Self.ex.count)) } }.sorted()
    }

    @Test func everyPathKind() throws {
        let data = "ex:a ex:p ex:b . ex:b ex:p ex:c . ex:c ex:q ex:d . ex:z ex:p ex:a ."
        #expect(try Self.values("ex:p", data) == ["b"])
        #expect(try Self.values("( ex:p ex:p ex:q )", data) == ["d"])
        #expect(try Self.values("[ sh:alternativePath ( ex:p [ sh:inversePath ex:p ] ) ]", data) == ["b", "z"])
        #expect(try Self.values("[ sh:inversePath ex:p ]", data) == ["z"])
        #expect(try Self.values("[ sh:zeroOrMorePath ex:p ]", data) == ["a", "b", "c"])
        #expect(try Self.values("[ sh:oneOrMorePath ex:p ]", data) == ["b", "c"])
        #expect(try Self.values("[ sh:zeroOrOnePath ex:p ]", data) == ["a", "b"])
        #expect(try Self.values("[ sh:inversePath ( ex:p ex:p ) ]", "ex:x ex:p ex:y . ex:y ex:p ex:a .") == ["x"])
        #expect(try Self.values("[ sh:oneOrMorePath ex:p ]", "ex:a ex:p ex:b . ex:b ex:p ex:a .") == ["a", "b"])
    }

    @Test func resultPathKeepsItsStructure() throws {
        let report = try TestGraphs.validate(
            shapes: "ex:S sh:targetNode ex:a ; sh:property [ sh:path ( ex:p [ sh:zeroOrMorePath ex:q ] ) ; sh:minCount 1 ] .",
            data: "ex:a ex:r 1 .")
        let path = try #require(report.results.first?.resultPath)
        #expect(path == .sequence([.predicate(Self.ex + "p"), .zeroOrMore(.predicate(Self.ex + "q"))]))
        #expect(path.description == "<\(Self.ex)p>/<\(Self.ex)q>*")
    }

    /// A shape that refers to itself through sh:node terminates on cyclic data.
    @Test func cyclicShapeReferencesTerminate() throws {
        let shapes = """
            ex:Person sh:targetNode ex:a ; sh:property [ sh:path ex:knows ; sh:node ex:Person ] ;
              sh:property [ sh:path ex:name ; sh:minCount 1 ] .
            ex:Loop sh:targetNode ex:a ; sh:not ex:Loop2 . ex:Loop2 sh:not ex:Loop .
            """
        let report = try TestGraphs.validate(
            shapes: shapes, data: "ex:a ex:knows ex:b ; ex:name \"A\" . ex:b ex:knows ex:a .")
        #expect(report.results.contains { $0.sourceConstraintComponent == SHACL.ns + "NodeConstraintComponent" })
    }

    @Test func deepNestingIsBounded() throws {
        var shapes = "ex:S0 sh:targetNode ex:n0 ; sh:property [ sh:path ex:next ; sh:node ex:S1 ] .\n"
        var data = ""
        for i in 1..<40 {
            shapes += "ex:S\(i) sh:property [ sh:path ex:next ; sh:node ex:S\(i + 1) ] .\n"
            data += "ex:n\(i - 1) ex:next ex:n\(i) .\n"
        }
        shapes += "ex:S40 sh:class ex:Never .\n"
        let compiled = try SHACLShapes(TestGraphs.parse(shapes))
        let validator = SHACLValidator(shapes: compiled, maxDepth: 10)
        #expect(throws: SHACLValidationError.self) { try validator.validate(TestGraphs.parse(data)) }
        #expect(try SHACLValidator(shapes: compiled).validate(TestGraphs.parse(data)).conforms)
    }

    @Test func deactivatedSeverityAndMessage() throws {
        let shapes = """
            ex:Off sh:targetNode ex:a ; sh:deactivated true ; sh:class ex:Never .
            ex:Warn sh:targetNode ex:a ; sh:severity sh:Warning ; sh:message "not a thing"@en ; sh:class ex:Thing .
            """
        let report = try TestGraphs.validate(shapes: shapes, data: "ex:a ex:p 1 .")
        #expect(report.results.count == 1)
        #expect(report.results.first?.severity == .iri(SHACL.warning))
        #expect(report.results.first?.message == "not a thing")
        #expect(!report.conforms)
    }

    @Test func targets() throws {
        let shapes = """
            ex:ByClass sh:targetClass ex:C ; sh:nodeKind sh:Literal .
            ex:Implicit a rdfs:Class, sh:NodeShape ; sh:nodeKind sh:Literal .
            ex:Subjects sh:targetSubjectsOf ex:s ; sh:nodeKind sh:Literal .
            ex:Objects sh:targetObjectsOf ex:o ; sh:nodeKind sh:IRI .
            """
        let data = "ex:x a ex:Sub . ex:Sub rdfs:subClassOf ex:C . ex:y a ex:Implicit . ex:z ex:s 1 . ex:w ex:o \"lit\" ."
        let report = try TestGraphs.validate(shapes: shapes, data: data)
        let got = report.results.map { "\($0.sourceShape.iriValue?.dropFirst(Self.ex.count) ?? "")" }.sorted()
        #expect(got == ["ByClass", "Implicit", "Objects", "Subjects"])
    }
}

/// Long chains of shape references end in an error, not a stack overflow.
@Suite("SHACL nesting limits")
struct NestingLimitTests {
    static func chain(_ length: Int) -> (shapes: String, data: String) {
        var shapes = "ex:S0 sh:targetNode ex:n0 ; sh:property [ sh:path ex:next ; sh:node ex:S1 ] .\n"
        var data = ""
        for i in 1..<length {
            shapes += "ex:S\(i) sh:property [ sh:path ex:next ; sh:node ex:S\(i + 1) ] .\n"
            data += "ex:n\(i - 1) ex:next ex:n\(i) .\n"
        }
        shapes += "ex:S\(length) sh:class ex:Never .\n"
        data += "ex:n\(length - 1) ex:next ex:n\(length) .\n"
        return (shapes, data)
    }

    @Test func deepValidationThrows() throws {
        let (shapes, data) = Self.chain(60)
        let validator = SHACLValidator(shapes: try SHACLShapes(TestGraphs.parse(shapes)), maxDepth: 30)
        #expect(throws: SHACLValidationError.self) { try validator.validate(TestGraphs.parse(data)) }
    }

    @Test func deepShapesAreIllFormed() throws {
        let (shapes, _) = Self.chain(300)
        #expect(throws: SHACLShapesError.self) { try SHACLShapes(TestGraphs.parse(shapes)) }
    }

    @Test func withinTheLimitTheChainIsValidated() throws {
        let (shapes, data) = Self.chain(60)
        let report = try TestGraphs.validate(shapes: shapes, data: data)
        // ex:n20 is not an ex:Never, so each level's sh:node fails up to the top.
        #expect(TestGraphs.components(report) == ["NodeConstraintComponent"])
        #expect(report.results.first?.focusNode == .iri(TestGraphs.ex + "n0"))
    }
}
