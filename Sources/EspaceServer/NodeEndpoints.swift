import EspaceJSON
import EspaceService

/// What a node serves over HTTP. Each service is plain logic (no HTTP types), so it is
/// tested on its own; `NodeRouter` maps requests onto it.
public struct NodeEndpoints: Sendable {
    /// Answers a DCP presentation query: the `Authorization` header (if any) and the JSON
    /// body, to an HTTP status and a JSON body.
    public typealias PresentationQueryHandler = @Sendable (_ authorization: String?, _ body: JSONValue) async -> (status: Int, body: JSONValue)

    /// The node's DID document, served as `application/did+json`.
    public var didDocument: JSONValue?
    /// The paths the DID document is served at (did:web: `/.well-known/did.json` for a bare
    /// host, `/path/did.json` for `did:web:host:path`).
    public var didDocumentPaths: [String]
    /// The DCP credential service's resolution API (`POST {base}/presentations/query`).
    public var presentationQuery: PresentationQueryHandler?
    /// Verifies the caller of a request with DCP (its ID token, then its credentials):
    /// served as `POST /identity/verify` with a JSON body `{"scope": [...]}`, answering the
    /// verified participant and claims. A data space's protected APIs run the same check.
    public var identityVerification: PresentationQueryHandler?
    /// The path prefix of the credential service (its base URL's path), without a trailing slash.
    public var credentialServicePath: String
    /// Largest accepted request body, in bytes.
    public var maxRequestBytes: Int
    /// The routes of the services the node runs (a clearing house's registry, notary and
    /// compliance, say).
    public var routes: [ServiceRoute] = []

    public init(
        didDocument: JSONValue? = nil, didDocumentPaths: [String] = ["/.well-known/did.json"],
        presentationQuery: PresentationQueryHandler? = nil, identityVerification: PresentationQueryHandler? = nil,
        credentialServicePath: String = "",
        maxRequestBytes: Int = 1 << 20
    ) {
        self.didDocument = didDocument
        self.didDocumentPaths = didDocumentPaths
        self.presentationQuery = presentationQuery
        self.identityVerification = identityVerification
        self.credentialServicePath = credentialServicePath
        self.maxRequestBytes = maxRequestBytes
    }
}
