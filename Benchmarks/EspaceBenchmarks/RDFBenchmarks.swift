import EspaceRDF
import EspaceRDFCanon

/// RDF benchmarks: N-Quads parsing, and (to come) RDFC-1.0 canonicalization.
///
/// The N-Quads inputs are written by `Benchmarks/peers.py prepare` (alumni.nq from the
/// alumni credential, catalog-N.nq from the generated catalogues).
enum RDFBenchmarks {
    static func all(_ inputs: BenchmarkInputs) throws -> [Benchmark] {
        var list: [Benchmark] = []
        let files = [("alumni", "alumni.nq"), ("catalog10k", "catalog-10000.nq")]
        for (suffix, file) in files {
            guard let bytes = BenchmarkInputs.read(inputs.generated(file)) else { continue }
            // N-Quads bytes → statements in document order.
            list.append(Benchmark("rdf.nquads.parse.\(suffix)") {
                try NQuadsParser().parseQuads(bytes).count
            })
        }

        // HOOK(rdfc): when EspaceRDFCanon has its RDFC-1.0 canonicalizer, time
        // "rdfc.alumni" and "rdfc.catalog1k": statements (parsed beforehand from alumni.nq and
        // catalog-1000.nq) → canonical N-Quads text (SHA-256, sorted lines). The peers time
        // pyld URDNA2015 on its dataset and pyoxigraph RDFC_1_0 + serialization. Check once,
        // before timing, that the alumni result equals
        // vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt.
        //
        //     let quads = try NQuadsParser().parseQuads(bytes)
        //     list.append(Benchmark("rdfc.\(suffix)") { try <RDFC-1.0>(quads).count })
        return list
    }
}
