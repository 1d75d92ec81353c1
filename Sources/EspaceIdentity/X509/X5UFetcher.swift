import Foundation

/// Fetches the PEM certificate chain an `x5u` URL points at (RFC 7517 §4.6; Gaia-X serves it
/// e.g. at `/.well-known/x509CertificateChain.pem`) through the injected `HTTPClient`.
public struct X5UFetcher: Sendable {
    public let http: any HTTPClient
    /// Limits for the request; the body cap is also applied here, whatever the client does.
    public let limits: HTTPLimits
    /// Whether plain `http:` URLs are accepted (development only; RFC 7517 requires TLS).
    public let allowInsecureHTTP: Bool
    /// Bounds for parsing the chain.
    public let chainLimits: CertificateChain.Limits

    public init(
        http: any HTTPClient, limits: HTTPLimits = HTTPLimits(maxResponseBytes: 256 * 1024),
        allowInsecureHTTP: Bool = false, chainLimits: CertificateChain.Limits = CertificateChain.Limits()
    ) {
        self.http = http
        self.limits = limits
        self.allowInsecureHTTP = allowInsecureHTTP
        self.chainLimits = chainLimits
    }

    /// GETs `url` and parses the body as a PEM chain, leaf first.
    public func fetch(_ url: String) async throws(IdentityError) -> CertificateChain {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), parsed.host != nil else {
            throw IdentityError("x5u \"\(url)\" is not an absolute URL")
        }
        guard scheme == "https" || (scheme == "http" && allowInsecureHTTP) else {
            throw IdentityError(
                "x5u \"\(url)\" must use https\(allowInsecureHTTP ? " or http" : "")", reason: .unsupported)
        }
        let request = HTTPRequest(
            url: url,
            headers: [
                (name: "Accept", value: "application/x-pem-file, application/pem-certificate-chain, text/plain, */*")
            ])
        let response = try await http.send(request, limits: limits)
        guard (200..<300).contains(response.status) else {
            throw IdentityError("x5u \"\(url)\" answered HTTP \(response.status)", reason: .resolutionFailed)
        }
        guard response.body.count <= limits.maxResponseBytes else {
            throw IdentityError(
                "x5u \"\(url)\" returned \(response.body.count) bytes (at most \(limits.maxResponseBytes))",
                reason: .limitExceeded)
        }
        guard let text = String(bytes: response.body, encoding: .utf8) else {
            throw IdentityError("x5u \"\(url)\" did not return UTF-8 text")
        }
        do {
            return try CertificateChain(pem: text, limits: chainLimits)
        } catch {
            throw IdentityError("x5u \"\(url)\": \(error.message)", reason: error.reason)
        }
    }
}
