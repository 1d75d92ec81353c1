import EspaceIdentity
import EspaceJSON

/// Fetches status list credentials over an injected `HTTPClient` and verifies each one with
/// a `CredentialVerifier` (signature, data model, validity, issuer trust) before handing
/// it to a `StatusListChecker`. The list credential may be JSON-LD with an embedded proof
/// or a compact `vc+jwt` / VC-JWT 1.1.
public struct VerifyingStatusListSource: StatusListCredentialSource {
    /// Carries the requests (wrap it in a `GuardedHTTPClient` against SSRF).
    public var http: any HTTPClient
    /// Size and time limits of each fetch.
    public var limits: HTTPLimits
    /// Verifies the fetched lists; its policy never checks the lists' own status.
    public let verifier: CredentialVerifier

    /// A source fetching with `http` and verifying with `policy` (its `statusChecker` is
    /// dropped, so lists are not checked against lists).
    public init(http: any HTTPClient, policy: CredentialVerifier.Policy, limits: HTTPLimits = HTTPLimits(maxResponseBytes: 4 << 20)) {
        var listPolicy = policy
        listPolicy.statusChecker = nil
        self.http = http
        self.limits = limits
        self.verifier = CredentialVerifier(policy: listPolicy)
    }

    public func statusListCredential(at url: String) async throws(IdentityError) -> JSONObject {
        let request = HTTPRequest(
            url: url, headers: [("Accept", "application/vc+jwt, application/vc+ld+json, application/json")])
        let response = try await http.send(request, limits: limits)
        guard (200..<300).contains(response.status) else {
            throw IdentityError("the status list \(url) answered HTTP \(response.status)", reason: .resolutionFailed)
        }
        let report = await verifier.verify(bytes: response.body)
        if let failure = report.failures.first, let error = failure.error {
            throw IdentityError(
                "the status list credential \(url) failed its \(failure.name.rawValue) check: \(error.message)",
                reason: error.reason)
        }
        guard let credential = report.credential, report.presentation == nil else {
            throw IdentityError("the document at \(url) is not a credential")
        }
        if let id = credential.id, id != url {
            throw IdentityError("the status list credential at \(url) says its id is \(id)", reason: .resolutionFailed)
        }
        return credential.json
    }
}
