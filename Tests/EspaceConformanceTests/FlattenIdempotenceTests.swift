import EspaceJSON
import EspaceJSONLD
import Foundation
import Testing

@testable import EspaceConformance

/// Flattening a flattened document changes nothing but blank node labels, over the
/// inputs of the W3C flatten and expand suites.
@Suite("JSON-LD: flatten(flatten(x)) = flatten(x)")
struct FlattenIdempotenceTests {
    /// Inputs with a graph nested in a named graph: flattening lifts the inner graph to the
    /// top level and leaves the outer one as `{"@id": …, "@graph": []}`, which the next
    /// flattening drops (an empty `@graph` creates no graph, by the spec).
    static let nestedGraphs: Set<String> = ["#t0081", "#t0095", "#t0102", "#t0103", "#t0104"]

    @Test(arguments: ["flatten", "expand"])
    func idempotent(_ manifest: String) throws {
        let suite = JSONLDSuite(directory: SharedPaths.jsonLDTests)
        var failures: [String] = []
        var checked = 0
        for entry in try suite.loadManifest(manifest)
        where !entry.isNegative && suite.skipReason(entry) == nil && entry.input.hasSuffix(".jsonld")
            && !(manifest == "expand" && Self.nestedGraphs.contains(entry.id))
        {
            let loader = JSONLDSuiteLoader(directory: SharedPaths.jsonLDTests)
            var options = JSONLDOptions()
            options.documentLoader = loader
            if case .string(let base)? = entry.option["base"] { options.base = base }
            if case .string(let mode)? = entry.option["processingMode"], let m = ProcessingMode(rawValue: mode) {
                options.processingMode = m
            }
            guard let input = try? loader.loadDocument(JSONLDSuiteLoader.baseIRI + entry.input),
                let once = try? JSONLD.flatten(input.document, documentURL: input.documentURL, options: options)
            else { continue }
            do {
                let twice = try JSONLD.flatten(once, options: options)
                if !JSONLDComparison.equivalent(twice, once) { failures.append(entry.id) }
                checked += 1
            } catch {
                failures.append("\(entry.id): \(error)")
            }
        }
        #expect(checked > 50)
        #expect(failures.isEmpty, "\(failures)")
    }
}
