import EspaceJSON

/// A document retrieved by a document loader (JSON-LD 1.1 API §9.4.3 RemoteDocument).
public struct RemoteDocument: Sendable {
    /// The final URL of the loaded document (after redirects).
    public var documentURL: String
    /// The parsed document.
    public var document: JSONValue
    /// The URL of a context linked in an HTTP `Link` header, if any.
    public var contextURL: String?
    /// The media type the document was served with.
    public var contentType: String?
    /// The profile parameter of the media type, if any.
    public var profile: String?
    /// The `href` of an HTML document's `<base>` element (unresolved), when the JSON-LD
    /// was extracted from HTML: it sets the document's base IRI.
    public var htmlBase: String?

    public init(
        documentURL: String, document: JSONValue, contextURL: String? = nil,
        contentType: String? = "application/ld+json", profile: String? = nil
    ) {
        self.documentURL = documentURL
        self.document = document
        self.contextURL = contextURL
        self.contentType = contentType
        self.profile = profile
    }
}

/// Loads documents and remote contexts by URL. Implementations decide what may be
/// reached: Espace's own loaders serve bundled or local copies and never touch the network
/// unless configured with an allow-list.
public protocol DocumentLoader: Sendable {
    /// Loads the document at `url`. Throws `JSONLDError` with code
    /// `loading document failed` (or `loading remote context failed`) when it cannot.
    func loadDocument(_ url: String) throws(JSONLDError) -> RemoteDocument
}
