import EspaceJSON
import Foundation
import Testing

@testable import EspaceJSONLD

@Suite struct NodeMapTests {
    @Test func embeddedNodesBecomeReferences() throws {
        let expanded = try TestSupport.parse(
            """
            [{"@id": "http://ex/a", "@type": ["http://ex/T", "_:t"],
              "http://ex/p": [{"@id": "_:x", "http://ex/q": [{"@value": "v"}]},
                              {"http://ex/q": [{"@value": 1}, {"@value": 1}]}],
              "http://ex/l": [{"@list": [{"@value": "a"}, {"@id": "http://ex/b"}]}]}]
            """)
        var generator = BlankNodeIdentifierGenerator()
        let map = try NodeMap.generate(from: expanded, generator: &generator)
        let graph = try #require(map.graphs["@default"])
        #expect(graph.count == 4)
        let a = try #require(graph["http://ex/a"])
        #expect(a.types == ["http://ex/T", "_:b0"])
        #expect(a["http://ex/p"] == [["@id": "_:b1"], ["@id": "_:b2"]])
        #expect(a["http://ex/l"] == [["@list": [["@value": "a"], ["@id": "http://ex/b"]]]])
        #expect(graph["_:b2"]?["http://ex/q"] == [["@value": 1]])
        #expect(graph["http://ex/b"]?.hasOnlyID == true)
    }

    @Test func reverseGraphAndIncluded() throws {
        let expanded = try TestSupport.parse(
            """
            [{"@id": "http://ex/a",
              "@reverse": {"http://ex/knows": [{"@id": "http://ex/b"}]},
              "@graph": [{"@id": "http://ex/c", "http://ex/p": [{"@value": "x"}]}],
              "@included": [{"@id": "http://ex/d", "@index": "i"}]}]
            """)
        var generator = BlankNodeIdentifierGenerator()
        let map = try NodeMap.generate(from: expanded, generator: &generator)
        #expect(map.graphs["@default"]?["http://ex/b"]?["http://ex/knows"] == [["@id": "http://ex/a"]])
        #expect(map.graphs["http://ex/a"]?["http://ex/c"]?["http://ex/p"] == [["@value": "x"]])
        #expect(map.graphs["@default"]?["http://ex/d"]?.index == "i")
        let merged = map.merged()
        #expect(merged["http://ex/c"]?["http://ex/p"] == [["@value": "x"]])
    }

    @Test func conflictingIndexes() throws {
        let expanded = try TestSupport.parse(
            """
            [{"@id": "http://ex/a", "@index": "1"}, {"@id": "http://ex/a", "@index": "2"}]
            """)
        var generator = BlankNodeIdentifierGenerator()
        #expect(throws: JSONLDError.self) { try NodeMap.generate(from: expanded, generator: &generator) }
    }

    @Test func flattenedExpandSuiteOutputsHaveOnlyReferences() throws {
        let folder = TestSupport.jsonldTests + "/expand"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("-out.jsonld") }.sorted()
        #expect(files.count > 250)
        var failures: [String] = []
        for file in files {
            let expanded = try TestSupport.load(folder + "/" + file)
            var generator = BlankNodeIdentifierGenerator()
            do {
                let flattened = try FlatteningAlgorithm.flatten(
                    expanded, ordered: true, options: JSONLDOptions(), generator: &generator)
                if !flattened.allSatisfy(Self.isFlatNode) { failures.append(file) }
            } catch {
                failures.append("\(file): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A top-level node of a flattened document: has `@id`; property values are value
    /// objects, list objects or node references only.
    static func isFlatNode(_ node: JSONValue) -> Bool {
        guard case .object(let object) = node, object["@id"]?.stringValue != nil else { return false }
        for (key, value) in object where key != "@id" && key != "@type" && key != "@index" {
            if key == "@graph" {
                guard value.asArray.allSatisfy(isFlatNode) else { return false }
                continue
            }
            for item in value.asArray where !isFlatValue(item) { return false }
        }
        return true
    }

    static func isFlatValue(_ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return false }
        if object["@value"] != nil { return true }
        if let list = object["@list"] { return list.asArray.allSatisfy(isFlatValue) }
        return object.count == 1 && object["@id"] != nil
    }

    @Test func blankNodeGenerator() {
        var generator = BlankNodeIdentifierGenerator()
        #expect(generator.generate("_:x") == "_:b0")
        #expect(generator.generate(nil) == "_:b1")
        #expect(generator.generate("_:x") == "_:b0")
    }
}
