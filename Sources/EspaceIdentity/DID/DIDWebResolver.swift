import Foundation

/// Resolves did:web DIDs by fetching their documents through an injected `HTTPClient`
/// (wrap it in a `GuardedHTTPClient` so private addresses are refused), with size and time
/// limits and an optional TTL cache.
public struct DIDWebResolver: DIDResolver {
    /// Carries out the HTTPS request.
    public var client: any HTTPClient
    /// Body size and time limits (256 KiB and 10 s by default).
    public var limits: HTTPLimits
    /// Use `http://` instead of `https://`: for tests and local development only.
    public var allowInsecureHTTP: Bool
    /// Caches resolved documents, if set.
    public var cache: DIDDocumentCache?
    /// Bounds on the document.
    public var documentLimits: DIDDocumentLimits

    public init(
        client: any HTTPClient, limits: HTTPLimits = HTTPLimits(maxResponseBytes: 256 * 1024),
        allowInsecureHTTP: Bool = false,
        cache: DIDDocumentCache? = nil, documentLimits: DIDDocumentLimits = DIDDocumentLimits()
    ) {
        self.client = client
        self.limits = limits
        self.allowInsecureHTTP = allowInsecureHTTP
        self.cache = cache
        self.documentLimits = documentLimits
    }

    public func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
        let base = try DIDURL(did).did
        let url = try DIDWeb.documentURL(for: base, scheme: allowInsecureHTTP ? "http" : "https")
        if let cache, let cached = await cache.document(for: base) { return cached }
        let request = HTTPRequest(url: url, headers: [("Accept", "application/did+json, application/json;q=0.9")])
        let response = try await client.send(request, limits: limits)
        guard response.status == 200 else {
            throw IdentityError("\(url) answered HTTP \(response.status) for \(base)", reason: .resolutionFailed)
        }
        guard response.body.count <= limits.maxResponseBytes else {
            throw IdentityError("\(url) sent more than \(limits.maxResponseBytes) bytes", reason: .limitExceeded)
        }
        var documentLimits = documentLimits
        documentLimits.maxBytes = min(documentLimits.maxBytes, limits.maxResponseBytes)
        let document: DIDDocument
        do {
            document = try DIDDocument(bytes: response.body, limits: documentLimits)
        } catch {
            throw IdentityError("the DID document at \(url): \(error.message)", reason: error.reason)
        }
        guard document.id == base else {
            throw IdentityError(
                "the document at \(url) has id \(DIDURL.excerpt(document.id)), not \(base)", reason: .resolutionFailed)
        }
        if let cache { await cache.store(document, for: base) }
        return document
    }
}

/// A bounded cache of resolved DID documents, each kept for `ttl` by an injected clock.
public actor DIDDocumentCache {
    /// How long an entry stays fresh.
    public let ttl: Duration
    /// Most entries kept; the oldest is dropped when full.
    public let maxEntries: Int
    private let now: @Sendable () -> Date
    private var entries: [String: (document: DIDDocument, expires: Date)] = [:]
    private var order: [String] = []

    /// `now` is the clock (inject a fixed one in tests).
    public init(ttl: Duration = .seconds(300), maxEntries: Int = 256, now: @escaping @Sendable () -> Date = { Date() })
    {
        self.ttl = ttl
        self.maxEntries = max(1, maxEntries)
        self.now = now
    }

    /// The cached document of `did` if still fresh.
    public func document(for did: String) -> DIDDocument? {
        guard let entry = entries[did] else { return nil }
        guard now() < entry.expires else {
            remove(did)
            return nil
        }
        return entry.document
    }

    /// Stores `document` for `did`.
    public func store(_ document: DIDDocument, for did: String) {
        if entries[did] != nil { remove(did) }
        while entries.count >= maxEntries, let oldest = order.first { remove(oldest) }
        let seconds = Double(ttl.components.seconds) + Double(ttl.components.attoseconds) / 1e18
        entries[did] = (document, now().addingTimeInterval(seconds))
        order.append(did)
    }

    /// How many entries are held.
    public var count: Int { entries.count }

    private func remove(_ did: String) {
        entries[did] = nil
        order.removeAll { $0 == did }
    }
}
