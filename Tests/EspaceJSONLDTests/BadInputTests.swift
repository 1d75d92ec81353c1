import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import Foundation
import EspaceTestSupport
import Testing

/// A loader serving documents from memory (for cyclic and missing contexts).
struct MemoryLoader: DocumentLoader {
    var documents: [String: JSONValue]

    func loadDocument(_ url: String) throws(JSONLDError) -> RemoteDocument {
        guard let document = documents[url] else { throw JSONLDError(.loadingDocumentFailed, "no \(url)") }
        return RemoteDocument(documentURL: url, document: document)
    }
}

@Suite("JSON-LD: bad input gives clear errors")
struct JSONLDBadInputTests {
    func options(_ documents: [String: JSONValue] = [:]) -> JSONLDOptions {
        var options = JSONLDOptions()
        options.documentLoader = MemoryLoader(documents: documents)
        return options
    }

    @Test func recursiveContextInclusionIsAContextOverflow() throws {
        let a: JSONValue = ["@context": ["http://example.org/b", ["a": "http://example.org/a"]]]
        let b: JSONValue = ["@context": ["http://example.org/a", ["b": "http://example.org/b"]]]
        let input: JSONValue = ["@context": "http://example.org/a", "a": "x"]
        let error = #expect(throws: JSONLDError.self) {
            try JSONLD.expand(input, options: options(["http://example.org/a": a, "http://example.org/b": b]))
        }
        #expect(error?.code == .contextOverflow)
    }

    @Test func missingRemoteContextIsReported() throws {
        let input: JSONValue = ["@context": "http://example.org/missing", "a": "x"]
        let error = #expect(throws: JSONLDError.self) { try JSONLD.expand(input, options: options()) }
        #expect(error?.code == .loadingRemoteContextFailed)
        #expect(error?.detail.contains("http://example.org/missing") == true)
    }

    @Test func noLoaderMeansNoRemoteContext() throws {
        let input: JSONValue = ["@context": "https://www.w3.org/ns/credentials/v2"]
        let error = #expect(throws: JSONLDError.self) { try JSONLD.expand(input, options: JSONLDOptions()) }
        #expect(error?.code == .loadingRemoteContextFailed)
    }

    @Test func localLoaderRefusesUnknownURLsWithoutFetching() throws {
        let loader = LocalDocumentLoader()
        let error = #expect(throws: JSONLDError.self) { try loader.loadDocument("https://example.org/ctx") }
        #expect(error?.code == .loadingDocumentFailed)
        #expect(try loader.loadDocument("https://www.w3.org/ns/credentials/v2").document["@context"] != nil)
    }

    @Test func deepNestingIsALimitNotACrash() throws {
        let depth = 10_000
        let text = String(repeating: "{\"http://ex/p\":", count: depth) + "1" + String(repeating: "}", count: depth)
        let input = try JSONParser(limits: JSONLimits(maxDepth: depth + 1)).parse(text)
        let error = #expect(throws: JSONLDError.self) { try JSONLD.expand(input, options: JSONLDOptions()) }
        #expect(error?.code == .limitExceeded)
        let compactError = #expect(throws: JSONLDError.self) {
            try JSONLD.compact(input, context: [:], options: JSONLDOptions())
        }
        #expect(compactError?.code == .limitExceeded)
    }

    @Test func nestingWithinTheLimitRunsEveryOperation() throws {
        let depth = 250
        let text = String(repeating: "{\"http://ex/p\":", count: depth) + "1" + String(repeating: "}", count: depth)
        let input = try JSONParser().parse(text)
        #expect(try JSONLD.expand(input, options: JSONLDOptions()).count == 1)
        #expect(try JSONLD.toRDF(input, options: JSONLDOptions()).count == depth)
        _ = try JSONLD.compact(input, context: ["p": "http://ex/p"], options: JSONLDOptions())
        _ = try JSONLD.flatten(input, context: nil, options: JSONLDOptions())
    }

    @Test func invalidIRIsAndLanguageTagsAreDroppedFromRDF() throws {
        let input = try JSONParser().parse(
            """
            {"@id": "http://example.org/s",
             "http://example.org/bad iri": "dropped",
             "http://example.org/p": [
               {"@id": "http://exa mple.org/o"},
               {"@value": "x", "@language": "not a tag!"},
               {"@value": "kept", "@language": "en-GB"}
             ]}
            """)
        let dataset = try JSONLD.toRDF(input, options: JSONLDOptions())
        #expect(dataset.count == 1)
        #expect(dataset.quads.first?.object == .literal(Literal("kept", language: "en-GB")))
    }

    @Test func invalidTypedValueIsAnError() throws {
        let input: JSONValue = ["http://ex/p": ["@value": "x", "@type": "not an iri"]]
        let error = #expect(throws: JSONLDError.self) { try JSONLD.expand(input, options: JSONLDOptions()) }
        #expect(error?.code == .invalidTypedValue)
    }

    @Test func hugeNumbers() throws {
        let big = try JSONParser().parse(#"{"http://ex/p": 123456789012345678901234567890, "http://ex/q": 12345678901234567890}"#)
        let dataset = try JSONLD.toRDF(big, options: JSONLDOptions())
        let objects = Set(dataset.quads.map(\.object))
        #expect(objects.contains(.literal(Literal("1.2345678901234568E29", datatype: Vocabulary.xsdDouble))))
        #expect(objects.contains(.literal(Literal("12345678901234567890", datatype: Vocabulary.xsdInteger))))
        let infinite = try JSONParser().parse(#"{"http://ex/p": 1e400}"#)
        let error = #expect(throws: JSONLDError.self) { try JSONLD.toRDF(infinite, options: JSONLDOptions()) }
        #expect(error?.code == .invalidValueObjectValue)
    }

    @Test func errorCodesAreSpelledAsTheSpecSpellsThem() {
        #expect(JSONLDError.Code.invalidIRIMapping.rawValue == "invalid IRI mapping")
        #expect(JSONLDError.Code.protectedTermRedefinition.rawValue == "protected term redefinition")
        #expect(JSONLDError(.invalidVocabMapping, "at @vocab").description == "invalid vocab mapping: at @vocab")
    }
}

@Suite("JSON-LD: mutated suite inputs")
struct JSONLDMutationTests {
    /// Feeds byte-mutated JSON-LD suite inputs through expand, toRdf and compact: each run
    /// must return or throw, never crash or hang.
    @Test func mutatedInputsNeverCrash() throws {
        let folder = TestSupport.jsonldTests
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("-in.jsonld") }.sorted()
        #expect(files.count > 500)
        var generator = SplitMix64(seed: 0x5EED)
        var processed = 0
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader(folders: [(prefix: "https://w3c.github.io/json-ld-api/tests/", folder: folder)])
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { continue }
            let bytes = [UInt8](data)
            for _ in 0..<3 {
                var mutated = bytes
                guard !mutated.isEmpty else { continue }
                let position = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: mutated.remove(at: position)
                default: mutated.insert(mutated[position], at: position)
                }
                guard let value = try? JSONParser().parse(mutated) else { continue }
                processed += 1
                let url = "https://w3c.github.io/json-ld-api/tests/" + file
                _ = try? JSONLD.toRDF(value, documentURL: url, options: options)
                _ = try? JSONLD.compact(value, context: value["@context"] ?? [:], options: options)
            }
        }
        #expect(processed > 500)
    }
}

@Suite("JSON-LD: toRdf yields a set")
struct ToRDFDistinctQuadsTests {
    @Test func equalLiteralsAndRepeatedTypesAppearOnce() throws {
        let input = try JSONParser().parse(
            """
            {"@id": "http://ex/s", "@type": "http://ex/T",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": {"@id": "http://ex/T"},
             "http://ex/p": [1, {"@value": "1", "@type": "http://www.w3.org/2001/XMLSchema#integer"}]}
            """)
        let dataset = try JSONLD.toRDF(input, options: JSONLDOptions())
        #expect(dataset.count == 2)
        #expect(Set(dataset.quads).count == dataset.quads.count)
    }
}
