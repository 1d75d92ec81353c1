import EspaceJSON
import EspaceJSONLD
import Foundation
import Testing

@Suite("Processed-context cache")
struct ContextCacheTests {
    @Test func repeatedCallsReuseProcessedContexts() throws {
        let path = TestSupport.sharedRoot + "/conformance/vc/vc-di-eddsa/TestVectors/unsigned.json"
        let credential = try TestSupport.load(path)
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader()
        options.contextCache = ProcessedContextCache()
        let first = try JSONLD.toRDF(credential, options: options)
        let entries = options.contextCache?.count ?? 0
        #expect(entries > 0)
        for _ in 0..<50 {
            #expect(try JSONLD.toRDF(credential, options: options) == first)
        }
        #expect(options.contextCache?.count == entries)
    }
}
