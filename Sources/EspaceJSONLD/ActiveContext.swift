import EspaceJSON
import Synchronization

/// An active context (JSON-LD 1.1 API §4.1): the term definitions and defaults in effect
/// while processing a part of a document.
///
/// It is a value type; copies are cheap because the term table is copy-on-write.
public struct ActiveContext: Sendable {
    /// Term definitions by term. Changing them drops the cached inverse context.
    public var terms: [String: TermDefinition] = [:] {
        didSet {
            inverseContextCache = InverseContextCache()
            id = ActiveContext.nextID()
        }
    }
    /// The base IRI (`nil` when explicitly set to null).
    public var baseIRI: String?
    /// The original base URL (the document URL or the `base` option).
    public var originalBaseURL: String?
    /// The vocabulary mapping (`@vocab`).
    public var vocabularyMapping: String?
    /// The default language (`@language`).
    public var defaultLanguage: String? {
        didSet { inverseContextCache = InverseContextCache() }
    }
    /// The default base direction (`@direction`): `ltr` or `rtl`.
    public var defaultBaseDirection: String? {
        didSet { inverseContextCache = InverseContextCache() }
    }
    /// The context to return to when a type-scoped context stops propagating.
    public var previousContext: Box<ActiveContext>?
    /// The processing mode (`json-ld-1.1` unless set to `json-ld-1.0`).
    public var processingMode: ProcessingMode = .jsonLD11
    /// Identifies this context among processed contexts, so processing results can be
    /// cached by (parent context, local context). Changed whenever terms change; 0 for a
    /// context with no terms yet.
    public internal(set) var id: UInt64 = 0
    /// Cached inverse context, built on first use by compaction.
    public var inverseContextCache: InverseContextCache = InverseContextCache()

    public init(baseIRI: String?, originalBaseURL: String?, processingMode: ProcessingMode = .jsonLD11) {
        self.baseIRI = baseIRI
        self.originalBaseURL = originalBaseURL
        self.processingMode = processingMode
    }
}

extension ActiveContext {
    private static let counter = Atomic<UInt64>(1)

    /// A fresh identifier for a new context state.
    static func nextID() -> UInt64 {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}

/// The JSON-LD processing mode.
public enum ProcessingMode: String, Sendable, Equatable {
    case jsonLD10 = "json-ld-1.0"
    case jsonLD11 = "json-ld-1.1"
}

/// A reference box, so a struct can hold a value of its own type (the previous context).
public final class Box<Value: Sendable>: Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}

/// A lazily built inverse context, shared by the copies of an active context that have
/// the same terms (changing `ActiveContext.terms` installs a fresh cache).
public final class InverseContextCache: Sendable {
    private let stored = Mutex<InverseContext?>(nil)

    public init() {}

    /// Returns the cached inverse context, building it with `build` on first use.
    public func value(_ build: () -> InverseContext) -> InverseContext {
        if let cached = stored.withLock({ $0 }) { return cached }
        let built = build()
        stored.withLock { $0 = built }
        return built
    }
}
