/// A problem `PolicyValidator` found in a policy: how serious, where, and what.
public struct PolicyIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        /// The policy breaks an ODRL rule, or a rule would fail closed at evaluation.
        case error
        /// Allowed, but probably not what was meant.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    /// The policy's uid.
    public var policy: String
    /// Where in the (atomic) policy: `permission[0].constraint[1].and[0]`, or empty for the policy itself.
    public var path: String
    public var message: String

    public init(_ severity: Severity, policy: String, path: String, _ message: String) {
        self.severity = severity
        self.policy = policy
        self.path = path
        self.message = message
    }

    /// `error: permission[0].action: …`.
    public var description: String {
        "\(severity.rawValue): \(path.isEmpty ? "policy" : path): \(message)"
    }
}
