import EspaceJSON
import EspaceRDF
import Foundation
import EspaceTestSupport
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

@Suite("JSON-LD: mutated compaction contexts and RDF inputs")
struct CompactionMutationTests {
    static func mutate(_ bytes: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var mutated = bytes
        guard !mutated.isEmpty else { return mutated }
        let position = Int(generator.next() % UInt64(mutated.count))
        switch generator.next() % 3 {
        case 0: mutated[position] = UInt8(truncatingIfNeeded: generator.next())
        case 1: mutated.remove(at: position)
        default: mutated.insert(mutated[position], at: position)
        }
        return mutated
    }

    /// Byte-mutated contexts of the compact suite, applied to their inputs with compact
    /// and flatten: each run returns or throws, never crashes.
    @Test func mutatedContextsNeverCrash() throws {
        let folder = TestSupport.jsonldTests + "/compact"
        let contexts = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("-context.jsonld") }.sorted()
        var generator = SplitMix64(seed: 0xC0_FFEE)
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader(
            folders: [(prefix: "https://w3c.github.io/json-ld-api/tests/", folder: TestSupport.jsonldTests)])
        var processed = 0
        for name in contexts {
            let inputName = name.replacingOccurrences(of: "-context.jsonld", with: "-in.jsonld")
            guard let contextData = FileManager.default.contents(atPath: folder + "/" + name),
                let input = try? TestSupport.load(folder + "/" + inputName)
            else { continue }
            for _ in 0..<4 {
                guard let context = try? JSONParser().parse(Self.mutate([UInt8](contextData), &generator)) else {
                    continue
                }
                processed += 1
                _ = try? JSONLD.compact(input, context: context, options: options)
                _ = try? JSONLD.flatten(input, context: context, options: options)
            }
        }
        #expect(processed > 300)
    }

    /// Byte-mutated N-Quads of the fromRdf suite, with every option combination.
    @Test func mutatedDatasetsNeverCrash() throws {
        let folder = TestSupport.jsonldTests + "/fromRdf"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("-in.nq") }.sorted()
        var generator = SplitMix64(seed: 0xF00D)
        var processed = 0
        for name in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            for round in 0..<6 {
                guard let dataset = try? NQuadsParser().parse(Self.mutate([UInt8](data), &generator)) else {
                    continue
                }
                var options = JSONLDOptions()
                options.useNativeTypes = round % 2 == 0
                options.useRdfType = round % 3 == 0
                options.rdfDirection = ["i18n-datatype", "compound-literal", nil][round % 3]
                processed += 1
                _ = try? JSONLD.fromRDF(dataset, options: options)
            }
        }
        #expect(processed > 100)
    }
}
