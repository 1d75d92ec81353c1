import EspaceJSON
import EspaceJSONLD

/// JSON-LD benchmarks: expansion, and (to come) conversion to RDF.
///
/// Inputs are parsed beforehand, so these time the JSON-LD algorithm only. Contexts come
/// from local files through the same URL → file map the Python peers use, and processed
/// contexts are cached across iterations (pyld caches resolved contexts too).
enum JSONLDBenchmarks {
    static func all(_ inputs: BenchmarkInputs) throws -> [Benchmark] {
        var options = JSONLDOptions()
        options.documentLoader = LocalDocumentLoader(useBundledContexts: false, files: try inputs.contextFiles())
        options.contextCache = ProcessedContextCache()

        var list: [Benchmark] = []
        let documents = [
            ("alumni", inputs.alumniCredential),
            ("catalog1k", inputs.generated("catalog-1000.jsonld")),
        ]
        for (suffix, url) in documents {
            guard let bytes = BenchmarkInputs.read(url) else { continue }
            let document = try JSONParser().parse(bytes)
            // Parsed document → expanded document.
            list.append(Benchmark("jsonld.expand.\(suffix)") {
                try JSONLD.expand(document, options: options).count
            })

            // HOOK(jsonld.toRdf): when `JSONLD.toRDF(_:options:)` exists, time
            // "jsonld.toRdf.\(suffix)": parsed document → RDF dataset (quads, not serialized).
            // The peers time pyld `to_rdf` (dataset out) and pyoxigraph's JSON-LD parser.
            //
            //     list.append(Benchmark("jsonld.toRdf.\(suffix)") {
            //         try JSONLD.toRDF(document, options: options).count
            //     })

            // HOOK(jsonld.canonize): JSON-LD → canonical N-Quads (toRDF, then RDFC-1.0), the
            // whole eddsa-rdfc-2022 transformation; the peers time pyld `normalize`
            // (URDNA2015) and pyoxigraph parse + canonicalize. Name it "jsonld.canonize.\(suffix)".
        }
        return list
    }
}
