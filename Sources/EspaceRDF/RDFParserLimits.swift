/// Bounds that keep hostile RDF input from exhausting memory or the stack.
public struct RDFParserLimits: Sendable, Equatable {
    /// The largest accepted document, in bytes.
    public var maxInputBytes: Int
    /// The longest accepted line of N-Triples / N-Quads, in bytes.
    public var maxLineLength: Int
    /// The deepest accepted nesting of `[ ]` and `( )` in Turtle / TriG.
    public var maxNestingDepth: Int

    public init(maxInputBytes: Int = 1 << 30, maxLineLength: Int = 16 << 20, maxNestingDepth: Int = 256) {
        self.maxInputBytes = maxInputBytes
        self.maxLineLength = maxLineLength
        self.maxNestingDepth = maxNestingDepth
    }

    /// 1 GiB documents, 16 MiB lines, nesting depth 256.
    public static let `default` = RDFParserLimits()
}
