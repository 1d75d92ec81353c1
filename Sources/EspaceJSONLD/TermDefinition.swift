import EspaceJSON

/// A term definition in an active context (JSON-LD 1.1 API §4.1, "term definition").
///
/// A value type backed by one copy-on-write storage object: term definitions are read on
/// every key of every node, and a copy costs one reference count instead of one per field.
public struct TermDefinition: Sendable, Equatable {
    private var storage: Storage

    public init(iri: String?) {
        storage = Storage(iri: iri)
    }

    /// The IRI (or keyword) the term expands to. `nil` for a term explicitly mapped to null.
    public var iri: String? {
        get { storage.iri }
        set { unique().iri = newValue }
    }
    /// The prefix flag: whether the term may be used as a compact IRI prefix.
    public var prefix: Bool {
        get { storage.prefix }
        set { unique().prefix = newValue }
    }
    /// The protected flag.
    public var protected: Bool {
        get { storage.protected }
        set { unique().protected = newValue }
    }
    /// The reverse property flag.
    public var reverse: Bool {
        get { storage.reverse }
        set { unique().reverse = newValue }
    }
    /// The base URL of the context that defined a term with a scoped context.
    public var baseURL: String? {
        get { storage.baseURL }
        set { unique().baseURL = newValue }
    }
    /// A scoped (local) context, unprocessed.
    public var context: JSONValue? {
        get { storage.context }
        set { unique().context = newValue }
    }
    /// Whether `context` is present (distinguishes an absent context from `"@context": null`).
    public var hasContext: Bool {
        get { storage.hasContext }
        set { unique().hasContext = newValue }
    }
    /// Identifies `context` for the processed-context cache, so applying a scoped context
    /// looks it up without hashing the context's JSON. Not part of the definition's meaning.
    public var contextID: UInt64 {
        get { storage.contextID }
        set { unique().contextID = newValue }
    }
    /// The container mapping: a set of `@list @set @index @language @id @type @graph`.
    public var container: Set<String> {
        get { storage.container }
        set { unique().container = newValue }
    }
    /// The direction mapping: `nil` absent, `.some(nil)` explicitly null, else `ltr`/`rtl`.
    public var direction: String?? {
        get { storage.direction }
        set { unique().direction = newValue }
    }
    /// The index mapping (`@index` with a property-valued index).
    public var index: String? {
        get { storage.index }
        set { unique().index = newValue }
    }
    /// The language mapping: `nil` absent, `.some(nil)` explicitly null, else the tag.
    public var language: String?? {
        get { storage.language }
        set { unique().language = newValue }
    }
    /// The nest value.
    public var nest: String? {
        get { storage.nest }
        set { unique().nest = newValue }
    }
    /// The type mapping (an IRI, `@id`, `@vocab`, `@json`, `@none`).
    public var typeMapping: String? {
        get { storage.typeMapping }
        set { unique().typeMapping = newValue }
    }

    /// Equality ignoring the protected flag, as §4.2.2 step 27.2 compares definitions.
    public func sameDefinition(as other: TermDefinition) -> Bool {
        storage.sameMeaning(as: other.storage, ignoringProtected: true)
    }

    public static func == (lhs: TermDefinition, rhs: TermDefinition) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.storage.sameMeaning(as: rhs.storage, ignoringProtected: false)
                && lhs.contextID == rhs.contextID)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The fields. Mutated only through `unique()`, that is when no other definition
    /// shares the object, so sharing it across threads is safe.
    private final class Storage: @unchecked Sendable {
        var iri: String?
        var prefix = false
        var protected = false
        var reverse = false
        var baseURL: String?
        var context: JSONValue?
        var hasContext = false
        var contextID: UInt64 = 0
        var container: Set<String> = []
        var direction: String?? = nil
        var index: String?
        var language: String?? = nil
        var nest: String?
        var typeMapping: String?

        init(iri: String?) {
            self.iri = iri
        }

        func copy() -> Storage {
            let c = Storage(iri: iri)
            c.prefix = prefix
            c.protected = protected
            c.reverse = reverse
            c.baseURL = baseURL
            c.context = context
            c.hasContext = hasContext
            c.contextID = contextID
            c.container = container
            c.direction = direction
            c.index = index
            c.language = language
            c.nest = nest
            c.typeMapping = typeMapping
            return c
        }

        func sameMeaning(as o: Storage, ignoringProtected: Bool) -> Bool {
            iri == o.iri && prefix == o.prefix && (ignoringProtected || protected == o.protected)
                && reverse == o.reverse && baseURL == o.baseURL && context == o.context
                && hasContext == o.hasContext && container == o.container && direction == o.direction
                && index == o.index && language == o.language && nest == o.nest && typeMapping == o.typeMapping
        }
    }
}
