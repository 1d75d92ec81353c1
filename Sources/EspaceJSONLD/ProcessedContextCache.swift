import EspaceJSON
import Synchronization

/// A cache of processed contexts keyed by the context they were applied to and the local
/// context applied, so a context (a remote one, or a type-scoped one met on every node) is
/// processed once.
///
/// Results depend on the documents the loader returns: share one cache only between calls
/// that use the same document loader.
public final class ProcessedContextCache: Sendable {
    struct Key: Hashable, Sendable {
        var parent: UInt64
        /// The parent's base IRI and mode: initial contexts all have id 0.
        var parentBase: String?
        var mode: ProcessingMode
        /// The local context, or (for a term's scoped context) just its identifier.
        var local: Local
        var baseURL: String?
        var overrideProtected: Bool
        var propagate: Bool
        var validateScopedContext: Bool
        var remoteDepth: Int
    }

    enum Local: Hashable, Sendable {
        case value(JSONValue)
        case scoped(UInt64)
    }

    private let entries = Mutex<[Key: ActiveContext]>([:])
    /// Largest number of processed contexts kept; the cache is cleared when full.
    public let capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The number of processed contexts held.
    public var count: Int { entries.withLock { $0.count } }

    func lookup(_ key: Key) -> ActiveContext? {
        entries.withLock { $0[key] }
    }

    func store(_ key: Key, _ context: ActiveContext) {
        entries.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = context
        }
    }
}
