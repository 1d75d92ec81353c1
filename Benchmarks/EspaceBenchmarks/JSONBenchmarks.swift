import EspaceJSON

/// JSON benchmarks: parsing and RFC 8785 canonicalization.
enum JSONBenchmarks {
    static func all(_ inputs: BenchmarkInputs) -> [Benchmark] {
        var list: [Benchmark] = []
        if let alumni = BenchmarkInputs.read(inputs.alumniCredential) {
            // Bytes → JSON value.
            list.append(
                Benchmark("json.parse.alumni") {
                    try JSONParser().parse(alumni).objectValue?.count ?? 0
                })
            // Bytes → JSON value → JCS bytes (what eddsa-jcs-2022 and Gaia-X digestSRI hash).
            list.append(
                Benchmark("json.jcs.alumni") {
                    try JSONCanonicalization.canonicalBytes(JSONParser().parse(alumni)).count
                })
        }
        if let catalog = BenchmarkInputs.read(inputs.generated("catalog-10000.jsonld")) {
            // 21 MB of pretty-printed JSON-LD: 10 000 dcat:Dataset nodes.
            list.append(
                Benchmark("json.parse.catalog10k") {
                    try JSONParser().parse(catalog)["dataset"]?.arrayValue?.count ?? 0
                })
        }
        return list
    }
}
