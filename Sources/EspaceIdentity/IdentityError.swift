/// Why an identifier or key was rejected.
public struct IdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A sentence saying what was wrong and where.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
