/// Why an RDF document (N-Triples, N-Quads, Turtle, TriG) was rejected, and where.
public struct RDFSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, including what was expected.
    public let message: String
    /// 1-based line of the offending position (lines end at `\n` only).
    public let line: Int
    /// 1-based column of the offending position, in Unicode scalars.
    public let column: Int
    /// 0-based byte offset of the offending position.
    public let offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line L, column C: message`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
