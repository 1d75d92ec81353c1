import EspaceRDF
import EspaceRDFCanon

/// RDF benchmarks: N-Quads parsing and RDFC-1.0 canonicalization.
///
/// The N-Quads inputs are written by `Benchmarks/peers.py prepare` (alumni.nq from the
/// alumni credential, catalog-N.nq from the generated catalogues), with the expected
/// canonical forms (alumni.canonical.nq, catalog-1000.canonical.nq) from pyoxigraph.
enum RDFBenchmarks {
    static func all(_ inputs: BenchmarkInputs) throws -> [Benchmark] {
        var list: [Benchmark] = []
        let files = [("alumni", "alumni.nq"), ("catalog10k", "catalog-10000.nq")]
        for (suffix, file) in files {
            guard let bytes = BenchmarkInputs.read(inputs.generated(file)) else { continue }
            // N-Quads bytes → statements in document order.
            list.append(
                Benchmark("rdf.nquads.parse.\(suffix)") {
                    try NQuadsParser().parseQuads(bytes).count
                })
        }

        // RDFC-1.0 alone: a dataset (parsed beforehand) → canonical N-Quads text. The peers
        // time pyld URDNA2015 on its own dataset form and pyoxigraph RDFC_1_0 + serialization.
        for (suffix, file) in [("alumni", "alumni.nq"), ("catalog1k", "catalog-1000.nq")] {
            guard let bytes = BenchmarkInputs.read(inputs.generated(file)) else { continue }
            let dataset = try NQuadsParser().parse(bytes)
            let canonicalize = { () throws -> String in try RDFCanonicalizer().canonicalize(dataset).nquads }
            list.append(
                Benchmark(
                    "rdfc.\(suffix)",
                    check: { inputs.check("rdfc.\(suffix)", suffix: suffix, produce: canonicalize) },
                    run: { try canonicalize().utf8.count }))
        }
        return list
    }
}
