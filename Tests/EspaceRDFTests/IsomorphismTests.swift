import EspaceRDF
import Foundation
import Testing

@Suite("Dataset isomorphism")
struct IsomorphismTests {
    func dataset(_ text: String) throws -> Dataset { try NQuadsParser().parse(text) }

    @Test func renamedBlankNodes() throws {
        let a = try dataset("_:a <http://p> _:b .\n_:b <http://p> \"x\" .\n_:a <http://q> <http://o> _:g .\n")
        let b = try dataset("_:g2 <http://q> <http://o> _:zz .\n_:y <http://p> \"x\" .\n_:g2 <http://p> _:y .\n")
        #expect(a.isIsomorphic(to: b))
        #expect(b.isIsomorphic(to: a))
    }

    @Test func differences() throws {
        let a = try dataset("_:a <http://p> _:b .\n_:b <http://p> \"x\" .\n")
        #expect(!a.isIsomorphic(to: try dataset("_:a <http://p> _:b .\n_:a <http://p> \"x\" .\n")))
        #expect(!a.isIsomorphic(to: try dataset("_:a <http://p> _:b .\n_:b <http://p> \"y\" .\n")))
        #expect(!a.isIsomorphic(to: try dataset("_:a <http://p> _:b .\n")))
        #expect(!a.isIsomorphic(to: try dataset("_:a <http://p> _:a .\n_:a <http://p> \"x\" .\n")))
        // Blank nodes never match IRIs.
        #expect(!a.isIsomorphic(to: try dataset("<http://a> <http://p> _:b .\n_:b <http://p> \"x\" .\n")))
    }

    @Test func groundStatements() throws {
        let a = try dataset("<http://s> <http://p> \"x\" .\n<http://s> <http://p> \"y\" <http://g> .\n")
        #expect(
            a.isIsomorphic(to: try dataset("<http://s> <http://p> \"y\" <http://g> .\n<http://s> <http://p> \"x\" .\n"))
        )
        #expect(!a.isIsomorphic(to: try dataset("<http://s> <http://p> \"y\" .\n<http://s> <http://p> \"x\" .\n")))
        #expect(Dataset().isIsomorphic(to: Dataset()))
    }

    /// Regular graphs defeat colour refinement alone; the search must still decide.
    @Test func symmetricGraphsNeedTheSearch() throws {
        // Two disjoint triangles versus one hexagon: every node has one in- and one out-edge.
        let triangles = try dataset(
            """
            _:a <http://p> _:b .
            _:b <http://p> _:c .
            _:c <http://p> _:a .
            _:d <http://p> _:e .
            _:e <http://p> _:f .
            _:f <http://p> _:d .
            """)
        let hexagon = try dataset(
            """
            _:1 <http://p> _:2 .
            _:2 <http://p> _:3 .
            _:3 <http://p> _:4 .
            _:4 <http://p> _:5 .
            _:5 <http://p> _:6 .
            _:6 <http://p> _:1 .
            """)
        let triangles2 = try dataset(
            """
            _:x <http://p> _:z .
            _:z <http://p> _:y .
            _:y <http://p> _:x .
            _:u <http://p> _:w .
            _:w <http://p> _:v .
            _:v <http://p> _:u .
            """)
        #expect(!triangles.isIsomorphic(to: hexagon))
        #expect(triangles.isIsomorphic(to: triangles2))
        #expect(hexagon.isIsomorphic(to: hexagon))
    }

    @Test func cliqueWithSelfLoops() throws {
        var lines: [String] = []
        for i in 0..<6 { for j in 0..<6 { lines.append("_:n\(i) <http://p> _:n\(j) .") } }
        let a = try dataset(lines.joined(separator: "\n"))
        let b = try dataset(lines.reversed().joined(separator: "\n").replacingOccurrences(of: "_:n", with: "_:m"))
        #expect(a.isIsomorphic(to: b))
    }
}
