import EspaceRDF
import Foundation
import Testing

@testable import EspaceRDFCanon

@Suite("RDFC-1.0 canonicalizer")
struct RDFCanonicalizerTests {
    func canonicalize(_ text: String, _ canonicalizer: RDFCanonicalizer = RDFCanonicalizer()) throws -> RDFCanonResult {
        try canonicalizer.canonicalize(try NQuadsParser().parse(text))
    }

    /// The suite folder, from `$ESPACE_SHARED` or `../shared` beside the package.
    static var suite: URL {
        let root: URL
        if let env = ProcessInfo.processInfo.environment["ESPACE_SHARED"], !env.isEmpty {
            root = URL(fileURLWithPath: env)
        } else {
            root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
        }
        return root.appendingPathComponent("conformance/rdf-canon/tests/rdfc10")
    }

    @Test func groundDatasetIsSortedAndDeduplicated() throws {
        let r = try canonicalize(
            "<http://b> <http://p> \"2\" .\n<http://a> <http://p> \"1\" .\n<http://b> <http://p> \"2\" .\n")
        #expect(r.nquads == "<http://a> <http://p> \"1\" .\n<http://b> <http://p> \"2\" .\n")
        #expect(r.issuedIdentifiers.isEmpty)
        #expect(r.hashNDegreeCalls == 0)
    }

    @Test func simpleBlankNodes() throws {
        // RDFC-1.0 test002 / test003-style inputs.
        let r = try canonicalize("_:e0 <http://example.org/vocab#p1> <http://example.org/o> .\n")
        #expect(r.nquads == "_:c14n0 <http://example.org/vocab#p1> <http://example.org/o> .\n")
        #expect(r.issuedIdentifiers == ["e0": "c14n0"])
        #expect(r.issuedOrder == ["e0"])
    }

    @Test func canonicalFormIgnoresLabelsAndOrder() throws {
        let a = """
            _:a <http://p> _:b .
            _:b <http://p> _:c .
            _:c <http://p> _:a .
            _:a <http://q> "x" _:g .
            """
        let b = """
            _:z3 <http://q> "x" _:gg .
            _:z2 <http://p> _:z3 .
            _:z1 <http://p> _:z2 .
            _:z3 <http://p> _:z1 .
            """
        let ra = try canonicalize(a)
        let rb = try canonicalize(b)
        #expect(ra.nquads == rb.nquads)
        #expect(ra.issuedIdentifiers.count == 4)
        // Canonicalizing the canonical form changes nothing.
        #expect(try canonicalize(ra.nquads).nquads == ra.nquads)
        #expect(try canonicalize(ra.nquads).issuedIdentifiers.allSatisfy { $0.key == $0.value })
        #expect(ra.dataset.count == 4)
    }

    @Test func sha384DiffersFromSha256() throws {
        // Two nodes distinguished only through hash order.
        let text = "_:a <http://p> \"1\" .\n_:b <http://p> \"2\" .\n"
        let r256 = try canonicalize(text)
        let r384 = try canonicalize(text, RDFCanonicalizer(hashAlgorithm: .sha384))
        #expect(Set(r256.issuedIdentifiers.values) == ["c14n0", "c14n1"])
        #expect(Set(r384.issuedIdentifiers.values) == ["c14n0", "c14n1"])
        #expect(RDFCanonHashAlgorithm(name: "SHA-384") == .sha384)
        #expect(RDFCanonHashAlgorithm(name: "sha256") == .sha256)
        #expect(RDFCanonHashAlgorithm(name: "md5") == nil)
    }

    @Test func hexHashes() {
        #expect(
            String(decoding: HexHasher.hex(of: Array("abc".utf8), .sha256), as: UTF8.self)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(HexHasher.hex(of: [], .sha384).count == 96)
    }

    @Test func poisonGraphFailsFastWithATypedError() throws {
        let data = try Data(contentsOf: Self.suite.appendingPathComponent("test074-in.nq"))
        let dataset = try NQuadsParser().parse([UInt8](data))
        let start = ContinuousClock.now
        #expect {
            _ = try RDFCanonicalizer().canonicalize(dataset)
        } throws: { error in
            guard case .workLimitExceeded(_, let limit) = error as? RDFCanonError else { return false }
            return limit == RDFCanonicalizer.defaultBaseWork
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func workLimitIsConfigurable() throws {
        // Six nodes in a cycle all share a first-degree hash, so Hash N-Degree Quads runs.
        var lines: [String] = []
        for i in 0..<6 { lines.append("_:n\(i) <http://p> _:n\((i + 1) % 6) .") }
        let text = lines.joined(separator: "\n")
        let full = try canonicalize(text)
        #expect(full.hashNDegreeCalls > 0)
        #expect(full.work >= full.hashNDegreeCalls)
        #expect(throws: RDFCanonError.self) { try canonicalize(text, RDFCanonicalizer(maxWork: full.work - 1)) }
        #expect(try canonicalize(text, RDFCanonicalizer(maxWork: full.work)).nquads == full.nquads)
        #expect(throws: RDFCanonError.recursionTooDeep(limit: 2)) {
            try canonicalize(text, RDFCanonicalizer(maxDepth: 2))
        }
        #expect(throws: RDFCanonError.tooManyBlankNodes(count: 4, limit: 3)) {
            try canonicalize(text, RDFCanonicalizer(maxBlankNodes: 3))
        }
    }

    @Test func longChainOfLookalikeNodes() throws {
        // An RDF list of equal values: interior nodes share a first-degree hash, and Hash
        // N-Degree Quads recurses along the chain.
        var lines: [String] = []
        let n = 100
        for i in 0..<n {
            lines.append("_:l\(i) <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"v\" .")
            lines.append(
                "_:l\(i) <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> "
                    + (i + 1 < n ? "_:l\(i + 1)" : "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>") + " .")
        }
        let r = try canonicalize(lines.joined(separator: "\n"))
        #expect(r.issuedIdentifiers.count == n)
        let shuffled = lines.reversed().joined(separator: "\n").replacingOccurrences(of: "_:l", with: "_:x")
        #expect(try canonicalize(shuffled).nquads == r.nquads)
    }

    @Test func escapingAndU0085() throws {
        let r = try canonicalize("<http://s> <http://p> \"a\\u0085b\\u0007\\t\" .\n")
        #expect(r.nquads == "<http://s> <http://p> \"a\u{85}b\\u0007\\t\" .\n")
    }

    @Test func quadsArrayInputIsDeduplicated() throws {
        let q = Quad(subject: .blank("x"), predicate: .iri("http://p"), object: .literal(Literal("o")))
        let r = try RDFCanonicalizer().canonicalize([q, q])
        #expect(r.nquads == "_:c14n0 <http://p> \"o\" .\n")
    }
}

@Suite("RDFC-1.0 recursion depth")
struct RDFCanonDepthTests {
    /// Hash N-Degree Quads recursion as deep as the default `maxDepth` must fit on a test
    /// thread's stack: a list of lookalike nodes recurses once per node. The work budget stops
    /// the run right after the first deep descent.
    @Test func defaultDepthFitsOnTheStack() throws {
        let n = RDFCanonicalizer().maxDepth + 50
        var text = ""
        for i in 0..<n {
            text += "_:l\(i) <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> \"v\" .\n"
            text +=
                "_:l\(i) <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> "
                + (i + 1 < n ? "_:l\(i + 1)" : "<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>") + " .\n"
        }
        let dataset = try NQuadsParser().parse(text)
        #expect(throws: RDFCanonError.recursionTooDeep(limit: RDFCanonicalizer().maxDepth)) {
            try RDFCanonicalizer(maxWork: 4 * n).canonicalize(dataset)
        }
    }
}
