/// The RDFC-1.0 suite could not be run (missing or malformed manifest).
public struct RDFCanonSuiteError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
