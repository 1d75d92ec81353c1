import EspaceRDF

/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation): issues canonical blank node
/// identifiers (`c14n0`, `c14n1`, …) and produces the canonical N-Quads form of a dataset.
///
/// Symmetric ("poison") datasets make Hash N-Degree Quads explode combinatorially; `maxWork`
/// bounds the number of Hash N-Degree Quads calls plus permutations examined, and `maxDepth`
/// bounds its recursion, so such input fails fast with `RDFCanonError` instead of hanging.
///
/// The default budget is quadratic in the number `s` of blank nodes whose first-degree hash
/// is shared: `max(defaultBaseWork, defaultWorkFactor × s²)`. The algorithm legitimately needs
/// on the order of `s²` calls (for example a long RDF list of equal values, where every node
/// is hashed from every other), while poison graphs need factorially many.
public struct RDFCanonicalizer: Sendable {
    public var hashAlgorithm: RDFCanonHashAlgorithm
    /// Budget of Hash N-Degree Quads calls plus permutations examined. `nil` means the
    /// default: `max(defaultBaseWork, defaultWorkFactor × s²)`, `s` the number of blank
    /// nodes that share a first-degree hash.
    public var maxWork: Int?
    /// The deepest recursion of Hash N-Degree Quads.
    public var maxDepth: Int
    /// The most distinct blank nodes accepted.
    public var maxBlankNodes: Int

    /// The default work budget's floor.
    public static let defaultBaseWork = 10_000
    /// The default work budget's factor on the squared number of blank nodes that share a
    /// first-degree hash.
    public static let defaultWorkFactor = 8

    public init(
        hashAlgorithm: RDFCanonHashAlgorithm = .sha256,
        maxWork: Int? = nil,
        maxDepth: Int = 2_000,
        maxBlankNodes: Int = 10_000_000
    ) {
        self.hashAlgorithm = hashAlgorithm
        self.maxWork = maxWork
        self.maxDepth = maxDepth
        self.maxBlankNodes = maxBlankNodes
    }

    /// Canonicalizes a dataset.
    public func canonicalize(_ dataset: Dataset) throws(RDFCanonError) -> RDFCanonResult {
        try canonicalize(uniqueQuads: dataset.quads)
    }

    /// Canonicalizes statements; duplicates are removed first (a dataset is a set).
    public func canonicalize(_ quads: [Quad]) throws(RDFCanonError) -> RDFCanonResult {
        try canonicalize(uniqueQuads: Dataset(quads).quads)
    }

    private func canonicalize(uniqueQuads: [Quad]) throws(RDFCanonError) -> RDFCanonResult {
        var state = CanonicalizationState(algorithm: hashAlgorithm, maxWork: maxWork, maxDepth: maxDepth)
        try state.load(uniqueQuads, maxBlankNodes: maxBlankNodes)
        try state.run()
        var map: [String: String] = [:]
        map.reserveCapacity(state.labels.count)
        var order: [String] = []
        order.reserveCapacity(state.labels.count)
        for (k, node) in state.canonicalOrder.enumerated() {
            let label = state.labels[Int(node)]
            map[label] = "c14n\(k)"
            order.append(label)
        }
        return RDFCanonResult(
            nquads: state.canonicalNQuads(),
            issuedIdentifiers: map,
            issuedOrder: order,
            hashNDegreeCalls: state.calls,
            work: state.work
        )
    }
}
