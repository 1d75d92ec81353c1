import EspaceTestSupport
import Testing

@testable import EspaceRDF

/// Byte mutations of real documents (truncation, flipped and replaced bytes, duplicated and
/// deleted ranges): the parsers must return statements or throw `RDFSyntaxError` with a sane
/// position, never crash or hang.
@Suite("Parsers: mutations")
struct MutationTests {
    static let mutationsPerFile = 16

    /// The `index`-th mutation of `bytes`.
    static func mutate(_ bytes: [UInt8], index: Int, rng: inout SplitMix64) -> [UInt8] {
        guard !bytes.isEmpty else { return [UInt8(truncatingIfNeeded: rng.next())] }
        var out = bytes
        let at = Int(rng.next() % UInt64(bytes.count))
        switch index % 6 {
        case 0:
            out.removeSubrange(at...)
        case 1:
            out[at] ^= UInt8(1 << (rng.next() % 8))
        case 2:
            let interesting: [UInt8] = [
                0x00, 0x0A, 0x0D, 0x22, 0x27, 0x3C, 0x3E, 0x5C, 0x5F, 0x3A, 0x2E, 0x40, 0x5B, 0x28, 0x7B, 0xFF, 0xC3,
                0x80,
            ]
            out[at] = interesting[Int(rng.next() % UInt64(interesting.count))]
        case 3:
            let length = min(Int(rng.next() % 64) + 1, bytes.count - at)
            out.insert(contentsOf: bytes[at..<(at + length)], at: at)
        case 4:
            let length = min(Int(rng.next() % 16) + 1, bytes.count - at)
            out.removeSubrange(at..<(at + length))
        default:
            out.insert(contentsOf: Array("\\u00".utf8), at: at)
        }
        return out
    }

    static func check(_ input: [UInt8], _ parse: ([UInt8]) throws(RDFSyntaxError) -> [Quad]) {
        do {
            _ = try parse(input)
        } catch {
            #expect(error.offset >= 0 && error.offset <= input.count)
            #expect(error.line >= 1 && error.column >= 1)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func nquadsMutations() throws {
        let corpus = try SharedFixtures.files(under: "conformance/rdf-canon/tests/rdfc10", suffixes: [".nq"])
        #expect(corpus.count > 100)
        var rng = SplitMix64(seed: 0x5EED_0001)
        var runs = 0
        for (_, bytes) in corpus {
            for i in 0..<Self.mutationsPerFile {
                let input = Self.mutate(bytes, index: i, rng: &rng)
                Self.check(input) { b throws(RDFSyntaxError) in try NQuadsParser().parseQuads(b) }
                Self.check(input) { b throws(RDFSyntaxError) in try TurtleParser(syntax: .trig).parseQuads(b) }
                runs += 1
            }
        }
        #expect(runs == corpus.count * Self.mutationsPerFile)
    }

    @Test func turtleMutations() throws {
        var corpus = try SharedFixtures.files(under: "conformance/shacl/tests/core/node", suffixes: [".ttl"])
        corpus += try SharedFixtures.files(
            under: "conformance/rdf-canon/tests", suffixes: ["manifest.ttl", "vocab.ttl"])
        #expect(corpus.count > 10)
        var rng = SplitMix64(seed: 0x5EED_0002)
        for (_, bytes) in corpus.prefix(80) {
            // The unmutated documents parse.
            #expect(throws: Never.self) { try TurtleParser(baseIRI: "http://example.org/").parseQuads(bytes) }
            for i in 0..<Self.mutationsPerFile {
                let input = Self.mutate(bytes, index: i, rng: &rng)
                Self.check(input) { b throws(RDFSyntaxError) in
                    try TurtleParser(baseIRI: "http://example.org/").parseQuads(b)
                }
                Self.check(input) { b throws(RDFSyntaxError) in try TurtleParser(syntax: .trig).parseQuads(b) }
            }
        }
    }

    @Test func everyPrefixOfADocument() throws {
        let corpus = try SharedFixtures.files(
            under: "conformance/rdf-canon/tests/rdfc10", suffixes: ["test060-in.nq", "test016-in.nq"])
        for (_, bytes) in corpus {
            for n in stride(from: 0, through: bytes.count, by: 1) {
                Self.check(Array(bytes[0..<n])) { b throws(RDFSyntaxError) in try NQuadsParser().parseQuads(b) }
            }
        }
    }
}
