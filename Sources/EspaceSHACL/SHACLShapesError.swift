import EspaceRDF

/// A shapes graph that cannot be used: which shape, which parameter, and what was wrong.
public struct SHACLShapesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shape node concerned (nil when the error is not about one shape).
    public let shape: Term?
    /// What was wrong, e.g. `sh:minCount must be a non-negative integer, got "x"`.
    public let message: String

    public init(shape: Term?, message: String) {
        self.shape = shape
        self.message = message
    }

    public var description: String {
        guard let shape else { return "ill-formed shapes graph: \(message)" }
        return "ill-formed shape \(NQuadsSerializer.string(shape)): \(message)"
    }
}

/// Why a validation could not be completed.
public struct SHACLValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
