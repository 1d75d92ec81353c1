import EspaceRDF
import EspaceSHACL
import Testing

/// One test per value-type, string and list constraint component: a conforming value
/// passes, a violating one gives exactly the expected result.
@Suite("SHACL value constraints")
struct ValueConstraintTests {
    /// Validates `values` (Turtle objects of ex:p on ex:a) against a property shape with `constraint`.
    static func check(_ constraint: String, _ values: String, extra: String = "") throws -> SHACLValidationReport {
        try TestGraphs.validate(
            shapes: "ex:S sh:targetNode ex:a ; sh:property ex:PS . ex:PS sh:path ex:p ; \(constraint) .",
            data: (values.isEmpty ? "ex:a ex:q 0 ." : "ex:a ex:p \(values) .") + extra)
    }

    @Test func classWithSubclasses() throws {
        let extra = " ex:b a ex:Sub . ex:Sub rdfs:subClassOf ex:C . ex:c a ex:Other ."
        #expect(try Self.check("sh:class ex:C", "ex:b", extra: extra).conforms)
        let report = try Self.check("sh:class ex:C", "ex:b, ex:c, 3", extra: extra)
        #expect(TestGraphs.components(report) == ["ClassConstraintComponent", "ClassConstraintComponent"])
        #expect(Set(report.results.compactMap(\.value)) == [.iri(TestGraphs.ex + "c"), .literal(Literal("3", datatype: Vocabulary.xsdInteger))])
    }

    @Test func datatypeNeedsWellFormedLexicalForm() throws {
        #expect(try Self.check("sh:datatype xsd:integer", "1, 20").conforms)
        let report = try Self.check("sh:datatype xsd:byte", "\"300\"^^xsd:byte, \"12\"^^xsd:byte, \"x\"")
        #expect(report.results.count == 2)
        #expect(try Self.check("sh:datatype rdf:langString", "\"chat\"@fr").conforms)
        #expect(try !Self.check("sh:datatype xsd:date", "\"2024-02-30\"^^xsd:date").conforms)
    }

    @Test func nodeKind() throws {
        #expect(try Self.check("sh:nodeKind sh:BlankNodeOrIRI", "ex:x, []").conforms)
        #expect(TestGraphs.components(try Self.check("sh:nodeKind sh:IRI", "ex:x, \"l\"")) == ["NodeKindConstraintComponent"])
        #expect(try !Self.check("sh:nodeKind sh:Literal", "[]").conforms)
    }

    @Test func numericAndTemporalRanges() throws {
        #expect(try Self.check("sh:minInclusive 1 ; sh:maxExclusive 10.5", "1, 10.49, \"2.5e0\"^^xsd:double").conforms)
        let report = try Self.check("sh:minExclusive 1 ; sh:maxInclusive 10", "1, 11, \"a\"")
        #expect(
            TestGraphs.components(report) == [
                "MaxInclusiveConstraintComponent", "MaxInclusiveConstraintComponent", "MinExclusiveConstraintComponent",
                "MinExclusiveConstraintComponent",
            ])
        let date = "sh:minInclusive \"2024-01-01T00:00:00Z\"^^xsd:dateTime"
        #expect(try Self.check(date, "\"2024-01-01T01:00:00+01:00\"^^xsd:dateTime").conforms)
        #expect(try Self.check(date, "\"2023-12-31T23:30:00-00:10\"^^xsd:dateTime, \"2024-01-01T09:00:00+09:01\"^^xsd:dateTime").results.count == 2)
        #expect(try Self.check(date, "\"2023-12-31T23:59:59Z\"^^xsd:dateTime").results.count == 1)
        // A zoneless value within 14 hours of the bound is not comparable: a violation.
        #expect(try Self.check(date, "\"2024-01-01T02:00:00\"^^xsd:dateTime").results.count == 1)
        #expect(try Self.check(date, "\"2024-01-02T02:00:00\"^^xsd:dateTime").conforms)
        #expect(try Self.check("sh:maxInclusive \"2024-05-01\"^^xsd:date", "\"2024-04-30\"^^xsd:date").conforms)
        #expect(try Self.check("sh:maxInclusive 99999999999999999999999", "99999999999999999999998").conforms)
        #expect(try !Self.check("sh:maxInclusive 99999999999999999999998", "99999999999999999999999").conforms)
    }

    @Test func lengthsCountCharacters() throws {
        #expect(try Self.check("sh:minLength 2 ; sh:maxLength 3", "\"héé\", ex:ab").conforms == false)
        #expect(try Self.check("sh:minLength 2 ; sh:maxLength 3", "\"héé\", \"ab\"").conforms)
        #expect(TestGraphs.components(try Self.check("sh:maxLength 3", "\"abcd\", []")) == ["MaxLengthConstraintComponent", "MaxLengthConstraintComponent"])
    }

    @Test func patternWithFlags() throws {
        #expect(try Self.check("sh:pattern \"^ab\" ; sh:flags \"i\"", "\"ABc\", \"abd\"").conforms)
        let report = try Self.check("sh:pattern \"^[0-9]+$\"", "\"123\", \"12a\", []")
        #expect(report.results.count == 2)
        #expect(try Self.check("sh:pattern \"a.c\" ; sh:flags \"q\"", "\"xa.cx\"").conforms)
        #expect(try !Self.check("sh:pattern \"a.c\" ; sh:flags \"q\"", "\"abc\"").conforms)
    }

    @Test func languageIn() throws {
        #expect(try Self.check("sh:languageIn (\"en\" \"fr\")", "\"a\"@en-GB, \"b\"@FR").conforms)
        #expect(try Self.check("sh:languageIn (\"en\")", "\"a\"@de, \"b\"").results.count == 2)
    }

    @Test func inAndHasValue() throws {
        #expect(try Self.check("sh:in (ex:x 1 \"s\")", "ex:x, 1").conforms)
        #expect(try Self.check("sh:in (ex:x 1)", "ex:y, 1.0").results.count == 2)
        #expect(try Self.check("sh:hasValue ex:x", "ex:x, ex:y").conforms)
        let missing = try Self.check("sh:hasValue ex:x", "ex:y")
        #expect(TestGraphs.components(missing) == ["HasValueConstraintComponent"])
        #expect(missing.results.first?.value == nil)
    }
}
