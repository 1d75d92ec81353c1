/// Why a policy could not be read or evaluated: what was wrong and where.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
