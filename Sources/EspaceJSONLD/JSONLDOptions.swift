import EspaceJSON

/// Options of the JSON-LD API (JSON-LD 1.1 API §9.4.3 JsonLdOptions).
public struct JSONLDOptions: Sendable {
    /// The base IRI to use when expanding or compacting the document.
    public var base: String?
    /// Whether compaction replaces one-element arrays by their element.
    public var compactArrays: Bool = true
    /// Whether compaction makes IRIs relative to the base.
    public var compactToRelative: Bool = true
    /// The loader for remote documents and contexts.
    public var documentLoader: (any DocumentLoader)?
    /// A context to apply before the document's own (expansion only).
    public var expandContext: JSONValue?
    /// Extract all JSON-LD script elements (HTML input).
    public var extractAllScripts: Bool = false
    /// Frame expansion mode (only used by framing; not implemented).
    public var frameExpansion: Bool = false
    /// Compaction: order members by key.
    public var ordered: Bool = false
    /// `json-ld-1.0` or `json-ld-1.1`.
    public var processingMode: ProcessingMode = .jsonLD11
    /// toRdf: allow blank nodes as predicates.
    public var produceGeneralizedRdf: Bool = false
    /// toRdf/fromRdf: `i18n-datatype` or `compound-literal`, or nil.
    public var rdfDirection: String?
    /// fromRdf: turn xsd:boolean/integer/double literals into native JSON values.
    public var useNativeTypes: Bool = false
    /// fromRdf: keep rdf:type as a property instead of `@type`.
    public var useRdfType: Bool = false
    /// A cache of processed contexts shared across calls that use the same document
    /// loader (for example by a verifier handling many credentials); nil for a per-call cache.
    public var contextCache: ProcessedContextCache?
    /// Bounds on work, so hostile input fails instead of hanging.
    public var limits: JSONLDLimits = JSONLDLimits()
    /// Safe mode (as Data Integrity asks of signers and verifiers): expansion fails with
    /// `safe mode violation` instead of silently dropping a property that no context
    /// defines, or keeping a `@type` that is not an absolute IRI. Without it, a claim
    /// added under an undefined term would not be covered by a signature over the RDF.
    public var safeMode: Bool = false

    public init() {}
}

/// Bounds on JSON-LD processing work.
public struct JSONLDLimits: Sendable {
    /// Maximum number of remote contexts loaded while processing one document
    /// (the spec's `context overflow` guard against recursive inclusion).
    public var maxRemoteContexts: Int = 64
    /// Maximum nesting depth (objects and arrays) of an input document.
    public var maxDepth: Int = 256
    /// The bound used on the expanded form, whose every property value is an array, so it
    /// nests about twice as deep as the input it came from.
    public var expandedMaxDepth: Int { maxDepth * 2 + 2 }
    /// Maximum number of nodes/quads produced.
    public var maxOutputItems: Int = 10_000_000

    public init() {}
}
