import EspaceJSON
import EspaceRDF
import Foundation
import Testing

@testable import EspaceJSONLD

/// Timings on a large document; runs only when `ESPACE_BENCH_DIR` names a folder with
/// `doc.jsonld` (a document), `ctx.jsonld` (a context) and `doc.nq` (its N-Quads).
@Suite struct BenchmarkTests {
    static let directory = ProcessInfo.processInfo.environment["ESPACE_BENCH_DIR"]

    @Test(
        .enabled(
            if: directory != nil && ProcessInfo.processInfo.environment["ESPACE_BENCH_NODEMAP"] == nil
                && ProcessInfo.processInfo.environment["ESPACE_BENCH_COMPACT"] == nil)) func timings() throws
    {
        let dir = try #require(Self.directory)
        let doc = try TestSupport.load(dir + "/doc.jsonld")
        let ctx = try TestSupport.load(dir + "/ctx.jsonld")
        let clock = ContinuousClock()
        var expanded: [JSONValue] = []
        print("expand", clock.measure { expanded = (try? JSONLD.expand(doc, options: JSONLDOptions())) ?? [] })
        var nodes = 0
        print(
            "nodeMap x5",
            clock.measure {
                for _ in 0..<5 {
                    var generator = BlankNodeIdentifierGenerator()
                    nodes =
                        (try? NodeMap.generate(from: .array(expanded), generator: &generator))?.graphs["@default"]?
                        .count ?? 0
                }
            })
        #expect(nodes > 0)
        print(
            "toRdf(expanded) x5",
            clock.measure {
                for _ in 0..<5 { nodes = (try? JSONLD.toRDF(expanded: expanded, options: JSONLDOptions()))?.count ?? 0 }
            })
        var compacted: JSONValue = .null
        print(
            "compact(expanded)",
            clock.measure {
                compacted = (try? JSONLD.compact(.array(expanded), context: ctx, options: JSONLDOptions())) ?? .null
            })
        #expect(compacted.isObject)
        var flattened: JSONValue = .null
        print(
            "flatten(expanded)",
            clock.measure {
                flattened = (try? JSONLD.flatten(.array(expanded), options: JSONLDOptions())) ?? .null
            })
        #expect(flattened.isArray)
        print(
            "flatten+compact",
            clock.measure {
                flattened = (try? JSONLD.flatten(.array(expanded), context: ctx, options: JSONLDOptions())) ?? .null
            })
        let nq = try Data(contentsOf: URL(fileURLWithPath: dir + "/doc.nq"))
        let dataset = try NQuadsParser().parse(Array(nq))
        var fromRDF: [JSONValue] = []
        print("fromRdf", clock.measure { fromRDF = (try? JSONLD.fromRDF(dataset, options: JSONLDOptions())) ?? [] })
        #expect(!fromRDF.isEmpty)
    }
}

/// Node map generation alone, for profiling (`ESPACE_BENCH_NODEMAP=1`).
@Suite struct NodeMapBenchmark {
    @Test(
        .enabled(
            if: BenchmarkTests.directory != nil && ProcessInfo.processInfo.environment["ESPACE_BENCH_NODEMAP"] != nil))
    func nodeMapLoop() throws {
        let dir = try #require(BenchmarkTests.directory)
        let expanded = try JSONLD.expand(TestSupport.load(dir + "/doc.jsonld"), options: JSONLDOptions())
        let clock = ContinuousClock()
        var count = 0
        print(
            "nodeMap x20",
            clock.measure {
                for _ in 0..<20 {
                    var generator = BlankNodeIdentifierGenerator()
                    count +=
                        (try? NodeMap.generate(from: .array(expanded), generator: &generator))?.graphs["@default"]?
                        .count ?? 0
                }
            })
        #expect(count > 0)
    }
}

/// Compaction alone, for profiling (`ESPACE_BENCH_COMPACT=1`).
@Suite struct CompactionBenchmark {
    @Test(
        .enabled(
            if: BenchmarkTests.directory != nil && ProcessInfo.processInfo.environment["ESPACE_BENCH_COMPACT"] != nil))
    func compactionLoop() throws {
        let dir = try #require(BenchmarkTests.directory)
        let expanded = try JSONLD.expand(TestSupport.load(dir + "/doc.jsonld"), options: JSONLDOptions())
        let context = try TestSupport.load(dir + "/ctx.jsonld")
        let options = JSONLDOptions()
        let clock = ContinuousClock()
        var count = 0
        print(
            "compaction x10",
            clock.measure {
                for _ in 0..<10 {
                    let result = try? JSONLD.compactExpanded(
                        expanded, context: context, documentURL: nil, options: options,
                        resolver: ContextResolver(options: options))
                    count += result?.objectValue?.count ?? 0
                }
            })
        #expect(count > 0)
    }
}

/// Compaction of one credential with the VC 2.0 contexts, per call (`ESPACE_BENCH_VC=1`).
@Suite struct CredentialCompactionBenchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ESPACE_BENCH_VC"] != nil))
    func credentialLoop() throws {
        let path = TestSupport.sharedRoot + "/conformance/vc/vc-di-eddsa/TestVectors/unsigned.json"
        let credential = try TestSupport.load(path)
        let context = try #require(credential["@context"])
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader()
        options.contextCache = ProcessedContextCache()
        let clock = ContinuousClock()
        var count = 0
        let rounds = 2000
        let expanded = try JSONLD.expand(credential, options: options)
        let compactOnly = clock.measure {
            for _ in 0..<rounds {
                count +=
                    (try? JSONLD.compactExpanded(
                        expanded, context: context, documentURL: nil, options: options,
                        resolver: ContextResolver(options: options)))?.objectValue?.count ?? 0
            }
        }
        let full = clock.measure {
            for _ in 0..<rounds {
                count += (try? JSONLD.compact(credential, context: context, options: options))?.objectValue?.count ?? 0
            }
        }
        print(
            "credential compaction per call: \(compactOnly / rounds) (expanded input), \(full / rounds) (with expansion)"
        )
        #expect(count > 0)
    }
}
