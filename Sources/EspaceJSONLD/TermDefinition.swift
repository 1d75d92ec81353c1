import EspaceJSON

/// A term definition in an active context (JSON-LD 1.1 API §4.1, "term definition").
public struct TermDefinition: Sendable, Equatable {
    /// The IRI (or keyword) the term expands to. `nil` for a term explicitly mapped to null.
    public var iri: String?
    /// The prefix flag: whether the term may be used as a compact IRI prefix.
    public var prefix: Bool = false
    /// The protected flag.
    public var protected: Bool = false
    /// The reverse property flag.
    public var reverse: Bool = false
    /// The base URL of the context that defined a term with a scoped context.
    public var baseURL: String?
    /// A scoped (local) context, unprocessed.
    public var context: JSONValue?
    /// Whether `context` is present (distinguishes an absent context from `"@context": null`).
    public var hasContext: Bool = false
    /// Identifies `context` for the processed-context cache, so applying a scoped context
    /// looks it up without hashing the context's JSON. Not part of the definition's meaning.
    public var contextID: UInt64 = 0
    /// The container mapping: a set of `@list @set @index @language @id @type @graph`.
    public var container: Set<String> = []
    /// The direction mapping: `nil` absent, `.some(nil)` explicitly null, else `ltr`/`rtl`.
    public var direction: String?? = nil
    /// The index mapping (`@index` with a property-valued index).
    public var index: String?
    /// The language mapping: `nil` absent, `.some(nil)` explicitly null, else the tag.
    public var language: String?? = nil
    /// The nest value.
    public var nest: String?
    /// The type mapping (an IRI, `@id`, `@vocab`, `@json`, `@none`).
    public var typeMapping: String?

    public init(iri: String?) {
        self.iri = iri
    }

    /// Equality ignoring the protected flag, as §4.2.2 step 27.2 compares definitions.
    public func sameDefinition(as other: TermDefinition) -> Bool {
        var a = self
        var b = other
        a.protected = false
        b.protected = false
        a.contextID = 0
        b.contextID = 0
        return a == b
    }
}
