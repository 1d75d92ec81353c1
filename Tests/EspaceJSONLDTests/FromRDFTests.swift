import EspaceJSON
import EspaceRDF
import Testing

@testable import EspaceJSONLD

@Suite struct FromRDFTests {
    func fromRDF(_ nquads: String, _ configure: (inout JSONLDOptions) -> Void = { _ in }) throws -> [JSONValue] {
        var options = JSONLDOptions()
        options.ordered = true
        configure(&options)
        return try JSONLD.fromRDF(NQuadsParser().parse(nquads), options: options)
    }

    @Test func typesLiteralsAndNativeTypes() throws {
        let nq = """
            <http://ex/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/T> .
            <http://ex/a> <http://ex/n> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex/a> <http://ex/d> "1.5E0"^^<http://www.w3.org/2001/XMLSchema#double> .
            <http://ex/a> <http://ex/b> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
            <http://ex/a> <http://ex/l> "hi"@en .
            <http://ex/a> <http://ex/j> "{\\"x\\":[1,2]}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .

            """
        let plain = try fromRDF(nq)
        #expect(
            plain == [
                [
                    "@id": "http://ex/a", "@type": ["http://ex/T"],
                    "http://ex/n": [["@value": "5", "@type": "http://www.w3.org/2001/XMLSchema#integer"]],
                    "http://ex/d": [["@value": "1.5E0", "@type": "http://www.w3.org/2001/XMLSchema#double"]],
                    "http://ex/b": [["@value": "true", "@type": "http://www.w3.org/2001/XMLSchema#boolean"]],
                    "http://ex/l": [["@value": "hi", "@language": "en"]],
                    "http://ex/j": [["@value": ["x": [1, 2]], "@type": "@json"]],
                ]
            ])
        let native = try fromRDF(nq) {
            $0.useNativeTypes = true
            $0.useRdfType = true
        }
        #expect(native.first?["http://ex/n"] == [["@value": 5]])
        #expect(native.first?["http://ex/d"] == [["@value": 1.5]])
        #expect(native.first?["http://ex/b"] == [["@value": true]])
        #expect(native.first?["http://www.w3.org/1999/02/22-rdf-syntax-ns#type"] == [["@id": "http://ex/T"]])
    }

    @Test func listsAndNamedGraphs() throws {
        let result = try fromRDF(
            """
            <http://ex/a> <http://ex/p> _:l1 <http://ex/g> .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1" <http://ex/g> .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 <http://ex/g> .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "2" <http://ex/g> .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> <http://ex/g> .
            <http://ex/a> <http://ex/q> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .

            """)
        #expect(
            result == [
                ["@id": "http://ex/a", "http://ex/q": [["@list": []]]],
                [
                    "@id": "http://ex/g",
                    "@graph": [
                        ["@id": "http://ex/a", "http://ex/p": [["@list": [["@value": "1"], ["@value": "2"]]]]]
                    ],
                ],
            ])
    }

    @Test func rdfDirection() throws {
        let i18n = try fromRDF(#"<http://ex/a> <http://ex/p> "x"^^<https://www.w3.org/ns/i18n#en_rtl> ."#) {
            $0.rdfDirection = "i18n-datatype"
        }
        #expect(i18n.first?["http://ex/p"] == [["@value": "x", "@language": "en", "@direction": "rtl"]])
        let compound = try fromRDF(
            """
            <http://ex/a> <http://ex/p> _:c .
            _:c <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "x" .
            _:c <http://www.w3.org/1999/02/22-rdf-syntax-ns#language> "en" .
            _:c <http://www.w3.org/1999/02/22-rdf-syntax-ns#direction> "ltr" .

            """
        ) { $0.rdfDirection = "compound-literal" }
        #expect(
            compound == [
                ["@id": "http://ex/a", "http://ex/p": [["@value": "x", "@language": "en", "@direction": "ltr"]]]
            ])
    }

    @Test func invalidJSONLiteral() {
        #expect {
            try fromRDF(#"<http://ex/a> <http://ex/p> "{x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> ."#)
        } throws: { ($0 as? JSONLDError)?.code == .invalidJSONLiteral }
    }
}

extension FromRDFTests {
    @Test func deeplyNestedListsAreBounded() throws {
        // Each list's only item is the next list: 40 levels deep.
        var lines: [String] = ["<http://ex/a> <http://ex/p> _:l0 ."]
        for i in 0..<40 {
            lines.append("_:l\(i) <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:l\(i + 1) .")
            lines.append(
                "_:l\(i) <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> ."
            )
        }
        lines.append("_:l40 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"end\" .")
        lines.append(
            "_:l40 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> ."
        )
        let text = lines.joined(separator: "\n") + "\n"
        let nested = try fromRDF(text)
        #expect(nested.count == 1)
        #expect {
            try fromRDF(text) { $0.limits.maxDepth = 10 }
        } throws: { ($0 as? JSONLDError)?.code == .limitExceeded }
    }
}
