import EspaceRDF
import EspaceSHACL
import Foundation

/// SHACL Core validation: the Gaia-X Loire shapes (namespace rewritten to development#) on N
/// copies of the real Loire participant credentials (3 VCs per copy), written by
/// `Benchmarks/shacl_peer.py prepare`; the peer times pyshacl on the same files.
///
/// `shacl.gaiax.validate.N` compiles the shapes and validates, from graphs parsed
/// beforehand (as pyshacl gets rdflib graphs); `shacl.gaiax.precompiled.N` validates with
/// shapes compiled once (the clearing house's case; Espace only); `shacl.gaiax.compile`
/// compiles the shapes alone; `shacl.gaiax.parse` parses the shapes' Turtle (the peer: rdflib).
enum SHACLBenchmarks {
    static let counts = [1, 10, 100, 1000]

    static func all(_ inputs: BenchmarkInputs) throws -> [Benchmark] {
        guard let shapesBytes = BenchmarkInputs.read(inputs.generated("shacl-gaiax-shapes.ttl")) else { return [] }
        let shapesGraph = try TurtleParser().parse(shapesBytes)
        let compiled = try SHACLShapes(shapesGraph)
        // Compiling the shapes alone (164,702 triples, mostly sh:in lists).
        var list = [
            Benchmark("shacl.gaiax.parse") { try TurtleParser().parse(shapesBytes).count },
            Benchmark("shacl.gaiax.compile") { try SHACLShapes(shapesGraph).count },
        ]
        for n in counts {
            guard let dataBytes = BenchmarkInputs.read(inputs.generated("shacl-gaiax-data-\(n).nt")) else { continue }
            let data = try NQuadsParser().parse(dataBytes)
            // A copy with one defect: a legal person without its legal address.
            let broken = Dataset(data.quads.filter { $0.predicate.iriValue?.hasSuffix("#legalAddress") != true })
            let check = {
                expect("shacl.gaiax.validate.\(n)") { try SHACLValidator(shapes: compiled).validate(data).conforms }
                expect("shacl.gaiax.validate.\(n) (defect)") { try !SHACLValidator(shapes: compiled).validate(broken).conforms }
            }
            list.append(
                Benchmark("shacl.gaiax.validate.\(n)", check: check) {
                    try SHACLValidator(shapes: try SHACLShapes(shapesGraph)).validate(data).results.count + 1
                })
            let validator = SHACLValidator(shapes: compiled)
            list.append(
                Benchmark("shacl.gaiax.precompiled.\(n)") {
                    try validator.validate(data).results.count + 1
                })
        }
        return list
    }

    private static func expect(_ name: String, _ condition: () throws -> Bool) {
        do {
            guard try condition() else {
                FileHandle.standardError.write(Data("error: \(name): unexpected validation outcome\n".utf8))
                exit(1)
            }
            FileHandle.standardError.write(Data("check \(name): ok\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("error: \(name): \(error)\n".utf8))
            exit(1)
        }
    }
}
