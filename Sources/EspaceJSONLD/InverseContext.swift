/// The inverse context (JSON-LD 1.1 API §4.3): for each IRI, the terms that map to it,
/// by container, then by type or language. Built by the compaction algorithms.
public struct InverseContext: Sendable {
    /// IRI → container key → ("@language" | "@type" | "@any") → value → term.
    public var entries: [String: [String: [String: [String: String]]]] = [:]

    public init() {}
}
