import EspaceRDF

/// The outcome of RDFC-1.0 canonicalization.
public struct RDFCanonResult: Sendable {
    /// The canonical N-Quads document: one statement per line, lines sorted by code point
    /// (UTF-8 byte order), `\n` after each line.
    public let nquads: String
    /// The issued identifiers map: input blank node label → canonical label (`c14nN`).
    public let issuedIdentifiers: [String: String]
    /// The input blank node labels in the order their canonical labels were issued
    /// (`issuedOrder[i]` received `c14n<i>`).
    public let issuedOrder: [String]
    /// How often Hash N-Degree Quads ran.
    public let hashNDegreeCalls: Int
    /// The work spent, as counted against `RDFCanonicalizer.maxWork`: Hash N-Degree Quads
    /// calls plus permutations examined.
    public let work: Int

    /// The canonical statements (blank nodes relabelled), in canonical order.
    public var quads: [Quad] {
        (try? NQuadsParser(allowsGeneralizedRDF: true).parseQuads(Array(nquads.utf8))) ?? []
    }

    /// The canonical dataset (blank nodes relabelled).
    public var dataset: Dataset { Dataset(quads) }
}
