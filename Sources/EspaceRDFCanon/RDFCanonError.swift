/// Why canonicalization stopped.
public enum RDFCanonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Hash N-Degree Quads calls plus the permutations they examined went over the work
    /// limit: the input is a "poison" dataset (or too symmetric for the configured budget).
    case workLimitExceeded(calls: Int, limit: Int)
    /// Hash N-Degree Quads recursed deeper than the configured limit.
    case recursionTooDeep(limit: Int)
    /// More distinct blank nodes than the configured limit.
    case tooManyBlankNodes(count: Int, limit: Int)

    public var description: String {
        switch self {
        case .workLimitExceeded(let calls, let limit):
            return "canonicalization work limit exceeded: Hash N-Degree Quads used over \(limit) units of work "
                + "(\(calls) calls plus the permutations they examined); the dataset is too symmetric (possibly a poison graph)"
        case .recursionTooDeep(let limit):
            return "canonicalization recursion deeper than the limit of \(limit)"
        case .tooManyBlankNodes(let count, let limit):
            return "dataset has \(count) blank nodes, over the limit of \(limit)"
        }
    }
}
