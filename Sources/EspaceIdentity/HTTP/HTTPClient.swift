/// An HTTP request as the identity layer needs it (did:web documents, `x5u` chains, status
/// lists, DCP calls). The client that carries it out is injected, so this module does no I/O.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    /// Header fields, in order; names are compared case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body
            && a.headers.map { "\($0.name.lowercased()):\($0.value)" } == b.headers.map { "\($0.name.lowercased()):\($0.value)" }
    }
}

/// An HTTP response: status, headers and the (size-limited) body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

/// Limits every outgoing request obeys.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest accepted response body, in bytes.
    public var maxResponseBytes: Int
    /// Time allowed for the whole exchange.
    public var timeout: Duration
    /// Redirects followed at most (each one re-checked by the address guard).
    public var maxRedirects: Int

    public init(maxResponseBytes: Int = 1 << 20, timeout: Duration = .seconds(10), maxRedirects: Int = 0) {
        self.maxResponseBytes = maxResponseBytes
        self.timeout = timeout
        self.maxRedirects = maxRedirects
    }
}

/// Carries out HTTP requests. Implementations must enforce `limits` (body size, time-out)
/// and throw an `IdentityError` naming the URL on failure.
public protocol HTTPClient: Sendable {
    func send(_ request: HTTPRequest, limits: HTTPLimits) async throws(IdentityError) -> HTTPResponse
}
