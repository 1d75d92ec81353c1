import EspaceJSON
import EspaceJSONLD
import EspaceRDF
import Foundation

extension JSONLDSuite {
    /// Runs a compact, flatten or fromRdf entry; nil for other operations.
    func executeFromRDF(_ entry: Entry, options: JSONLDOptions) throws -> ConformanceOutcome {
        do {
            guard let data = FileManager.default.contents(atPath: directory + "/" + entry.input) else {
                throw JSONLDError(.loadingDocumentFailed, "cannot read \(entry.input)")
            }
            let dataset = try NQuadsParser().parse(Array(data))
            let result = try JSONLD.fromRDF(dataset, options: options)
            if entry.isNegative { return .passed }
            return compare(.array(result), try readExpected(entry.expect))
        }
    }

    func executeCompactionFamily(
        _ entry: Entry, types: Set<String>, remote: RemoteDocument, options: JSONLDOptions, loader: JSONLDSuiteLoader
    ) throws -> ConformanceOutcome? {
        guard types.contains("jld:CompactTest") || types.contains("jld:FlattenTest") else { return nil }
        var context: JSONValue? = nil
        if let path = entry.context {
            context = try loader.loadDocument(JSONLDSuiteLoader.baseIRI + path).document
        }
        let result: JSONValue
        if types.contains("jld:CompactTest") {
            result = try JSONLD.compact(
                remote.document, context: context ?? .object([:]), documentURL: remote.documentURL,
                contextURL: remote.contextURL, options: options)
        } else {
            result = try JSONLD.flatten(
                remote.document, context: context, documentURL: remote.documentURL,
                contextURL: remote.contextURL, options: options)
        }
        if entry.isNegative { return .passed }
        return compare(result, try readExpected(entry.expect))
    }
}
