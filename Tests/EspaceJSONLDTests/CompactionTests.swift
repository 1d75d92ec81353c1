import EspaceJSON
import Testing

@testable import EspaceJSONLD

@Suite struct CompactionTests {
    func compact(_ input: String, _ context: String, _ configure: (inout JSONLDOptions) -> Void = { _ in })
        throws -> JSONValue
    {
        var options = JSONLDOptions()
        configure(&options)
        return try JSONLD.compact(TestSupport.parse(input), context: TestSupport.parse(context), options: options)
    }

    @Test func termsCompactIRIsAndVocab() throws {
        let result = try compact(
            """
            [{"@id": "http://ex.org/a", "@type": ["http://schema.org/Person"],
              "http://schema.org/name": [{"@value": "A"}],
              "http://ex.org/vocab/age": [{"@value": "5", "@type": "http://www.w3.org/2001/XMLSchema#integer"}],
              "http://other.org/x": [{"@id": "http://ex.org/b"}]}]
            """,
            """
            {"@context": {"@vocab": "http://schema.org/", "ex": "http://ex.org/",
              "age": {"@id": "http://ex.org/vocab/age", "@type": "http://www.w3.org/2001/XMLSchema#integer"}}}
            """)
        let expected = try TestSupport.parse(
            """
            {"@context": {"@vocab": "http://schema.org/", "ex": "http://ex.org/",
              "age": {"@id": "http://ex.org/vocab/age", "@type": "http://www.w3.org/2001/XMLSchema#integer"}},
             "@id": "ex:a", "@type": "Person", "name": "A", "age": "5",
             "http://other.org/x": {"@id": "ex:b"}}
            """)
        #expect(result == expected)
    }

    @Test func containersAndArrays() throws {
        let result = try compact(
            """
            [{"http://ex/label": [{"@value": "hi", "@language": "en"}, {"@value": "salut", "@language": "fr"}],
              "http://ex/list": [{"@list": [{"@value": 1}, {"@value": 2}]}],
              "http://ex/set": [{"@value": "one"}],
              "http://ex/byId": [{"@id": "http://ex/x", "http://ex/v": [{"@value": "vx"}]}]}]
            """,
            """
            {"@vocab": "http://ex/",
             "label": {"@id": "http://ex/label", "@container": "@language"},
             "list": {"@id": "http://ex/list", "@container": "@list"},
             "set": {"@id": "http://ex/set", "@container": "@set"},
             "byId": {"@id": "http://ex/byId", "@container": "@id"}}
            """)
        #expect(result["label"] == ["en": "hi", "fr": "salut"])
        #expect(result["list"] == [1, 2])
        #expect(result["set"] == ["one"])
        #expect(result["byId"] == ["http://ex/x": ["v": "vx"]])
    }

    @Test func compactArraysFalseAndOrdered() throws {
        let result = try compact(
            #"[{"http://ex/b": [{"@value": "1"}], "http://ex/a": [{"@value": "2"}]}]"#,
            #"{"@vocab": "http://ex/"}"#
        ) {
            $0.compactArrays = false
            $0.ordered = true
        }
        guard case .object(let object) = result else {
            Issue.record("not an object")
            return
        }
        #expect(Array(object.keys) == ["@context", "@graph"])
        let node = try #require(object["@graph"]?.arrayValue?.first?.objectValue)
        #expect(Array(node.keys) == ["a", "b"])
        #expect(node["a"] == ["2"])
    }

    @Test func relativeIRIsAgainstBase() throws {
        let input = #"[{"@id": "http://ex.org/dir/doc#frag", "http://ex.org/p": [{"@id": "http://ex.org/other"}]}]"#
        let relative = try compact(input, #"{"p": {"@id": "http://ex.org/p", "@type": "@id"}}"#) {
            $0.base = "http://ex.org/dir/doc"
        }
        #expect(relative["@id"] == "#frag")
        #expect(relative["p"] == "../other")
        let absolute = try compact(input, #"{"p": {"@id": "http://ex.org/p", "@type": "@id"}}"#) {
            $0.base = "http://ex.org/dir/doc"
            $0.compactToRelative = false
        }
        #expect(absolute["@id"] == "http://ex.org/dir/doc#frag")
    }

    @Test func iriConfusedWithPrefix() throws {
        #expect {
            try compact(#"[{"@id": "ex:thing", "http://ex.org/p": [{"@value": "v"}]}]"#, #"{"ex": "http://ex.org/"}"#)
        } throws: { ($0 as? JSONLDError)?.code == .irConfusedWithPrefix }
    }

    @Test func typeScopedLanguageUsesItsOwnInverseContext() throws {
        // The type-scoped context only changes the default language: the inverse context
        // built for the outer node must not be reused for the typed one.
        let result = try compact(
            """
            [{"@id": "http://ex/outer", "http://ex/p": [{"@value": "x", "@language": "de"}],
              "http://ex/child": [{"@id": "http://ex/inner", "@type": ["http://ex/T"],
                                   "http://ex/p": [{"@value": "y", "@language": "de"}]}]}]
            """,
            """
            {"@vocab": "http://ex/", "p": "http://ex/p",
             "pde": {"@id": "http://ex/p", "@language": "de"},
             "T": {"@context": {"@language": "de"}}}
            """)
        #expect(result["pde"] == "x")
        #expect(result["child"]?["p"] == "y")
    }

    @Test func makeRelativeCases() {
        let base = "https://w3c.github.io/json-ld-api/tests/compact/0066-in.jsonld"
        let cases: [(String, String)] = [
            ("https://w3c.github.io/json-ld-api/tests/compact/link", "link"),
            ("https://w3c.github.io/json-ld-api/tests/compact/0066-in.jsonld#f", "#f"),
            ("https://w3c.github.io/json-ld-api/tests/compact/0066-in.jsonld?q=1", "?q=1"),
            ("https://w3c.github.io/json-ld-api/tests/compact/0066-in.jsonld", "0066-in.jsonld"),
            ("https://w3c.github.io/json-ld-api/tests/", "../"),
            ("https://w3c.github.io/json-ld-api/", "../../"),
            ("https://w3c.github.io/parent", "../../../parent"),
            ("https://w3c.github.io/json-ld-api/tests/compact/", "./"),
            ("https://w3c.github.io/json-ld-api/tests/compact/a:b", "./a:b"),
            ("http://example.org/x", "http://example.org/x"),
            ("_:b0", "_:b0"),
        ]
        for (iri, expected) in cases {
            #expect(makeRelative(iri: iri, base: base) == expected, "\(iri)")
        }
    }
}

extension CompactionTests {
    /// An expanded document `depth` node objects deep along `http://ex/p`.
    static func nested(depth: Int) -> JSONValue {
        var node: JSONValue = ["@id": "http://ex/leaf"]
        for i in 0..<depth {
            node = ["@id": .string("http://ex/n\(i)"), "http://ex/p": [node]]
        }
        return [node]
    }

    @Test func deepDocumentsCompactFlattenAndAreBounded() throws {
        let deep = Self.nested(depth: 100)
        var options = JSONLDOptions()
        let compacted = try JSONLD.compact(deep, context: ["p": "http://ex/p"], options: options)
        #expect(compacted["p"] != nil)
        let flattened = try JSONLD.flatten(deep, options: options)
        #expect(flattened.arrayValue?.count == 100)
        options.limits.maxDepth = 20  // expanded-form bound 42 < 100 levels
        var generator = BlankNodeIdentifierGenerator()
        #expect(throws: JSONLDError.self) { try NodeMap.generate(from: deep, generator: &generator, options: options) }
        let expanded = try #require(deep.arrayValue)
        #expect(throws: JSONLDError.self) {
            try JSONLD.compactExpanded(
                expanded, context: ["p": "http://ex/p"], documentURL: nil, options: options,
                resolver: ContextResolver(options: options))
        }
    }
}
