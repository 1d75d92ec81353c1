import EspaceJSON
import EspaceJSONLD
import EspaceRDFCanon

/// JSON-LD benchmarks: expansion, conversion to RDF, and conversion to canonical N-Quads.
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
            ("alumniSigned", inputs.signedAlumniCredential),
            ("catalog1k", inputs.generated("catalog-1000.jsonld")),
        ]
        for (suffix, url) in documents {
            guard let bytes = BenchmarkInputs.read(url) else { continue }
            let document = try JSONParser().parse(bytes)
            // Parsed document → expanded document.
            list.append(
                Benchmark("jsonld.expand.\(suffix)") {
                    try JSONLD.expand(document, options: options).count
                })

            // Parsed document → RDF dataset (quads, not serialized). The peers time pyld
            // `to_rdf` (dataset out) and pyoxigraph's JSON-LD parser (contexts inlined).
            list.append(
                Benchmark("jsonld.toRdf.\(suffix)") {
                    try JSONLD.toRDF(document, options: options).count
                })
            // RDFC-1.0 alone on the document's dataset (made beforehand), for the inputs that
            // have no N-Quads file of their own (RDFBenchmarks covers alumni and catalog1k).
            if suffix == "alumniSigned" {
                let dataset = try JSONLD.toRDF(document, options: options)
                list.append(Benchmark("rdfc.\(suffix)") {
                    try RDFCanonicalizer().canonicalize(dataset).nquads.utf8.count
                })
            }
            // Expanded document → RDF dataset: node map generation and serialization alone
            // (Espace only, to attribute the cost of toRdf).
            let expanded = try JSONLD.expand(document, options: options)
            list.append(Benchmark("jsonld.toRdfExpanded.\(suffix)") {
                try JSONLD.toRDF(expanded: expanded, options: options).count
            })
            // JSON-LD → canonical N-Quads (toRDF, then RDFC-1.0): the whole eddsa-rdfc-2022
            // transformation. The peers time pyld `normalize` (URDNA2015) and pyoxigraph.
            let canonize = { () throws -> String in
                try RDFCanonicalizer().canonicalize(JSONLD.toRDF(document, options: options)).nquads
            }
            list.append(
                Benchmark(
                    "jsonld.canonize.\(suffix)",
                    check: { inputs.check("jsonld.canonize.\(suffix)", suffix: suffix, produce: canonize) },
                    run: { try canonize().utf8.count }))
        }
        // Expansion of the 10,000-dataset catalogue, beside the 1,000-dataset one, shows
        // how the cost grows with the document (Espace only: pyld needs about 30 s for it).
        if let bytes = BenchmarkInputs.read(inputs.generated("catalog-10000.jsonld")) {
            let document = try JSONParser().parse(bytes)
            list.append(Benchmark("jsonld.expand.catalog10k") {
                try JSONLD.expand(document, options: options).count
            })
        }
        return list
    }
}
