import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

/// The verifier side of DCP: checks the ID token a caller sends with its request, fetches
/// the caller's presentations from its credential service, verifies them and returns the
/// verified claims (DCP §5.1 and §5.4.3).
public struct DCPVerifier: Sendable {
    /// Which issuers the data space trusts, per credential type.
    public struct TrustedIssuers: Sendable {
        /// Trusted issuer DIDs per credential type; the type `*` covers every type.
        public var issuersByType: [String: Set<String>]

        public init(_ issuersByType: [String: Set<String>]) {
            self.issuersByType = issuersByType
        }

        /// Whether `issuer` is trusted for a credential of `types`.
        public func trusts(_ issuer: String, types: [String]) -> Bool {
            if issuersByType["*"]?.contains(issuer) == true { return true }
            return types.contains { issuersByType[$0]?.contains(issuer) == true }
        }
    }

    /// The verifier's own identity (it signs the ID token it sends to credential services).
    public let identity: SecureTokenService
    /// Resolves DIDs (documents for service discovery, keys for signatures).
    public let resolver: DIDResolvers
    /// Carries the presentation query to the credential service.
    public let http: any HTTPClient
    public var trustedIssuers: TrustedIssuers
    /// Checks credential status lists, if set.
    public var statusChecker: StatusListChecker?
    /// Trusts issuers whose key chains to these X.509 anchors (the Gaia-X rule), if set.
    public var x509: CredentialVerifier.X509IssuerTrust?
    /// Require `credentialSubject.id` to be the caller (holder binding).
    public var requireHolderBinding: Bool
    /// Allow `http:` credential service endpoints (development only).
    public var allowInsecureHTTP: Bool
    public let cache: PresentationCache
    let replayGuard: ReplayGuard
    /// One proof verifier for every request, so processed JSON-LD contexts stay cached.
    let proofVerifier = EmbeddedProofVerifier()
    public var limits: HTTPLimits

    public init(
        identity: SecureTokenService, resolver: DIDResolvers, http: any HTTPClient, trustedIssuers: TrustedIssuers,
        statusChecker: StatusListChecker? = nil, requireHolderBinding: Bool = true, allowInsecureHTTP: Bool = false,
        cache: PresentationCache = PresentationCache(), replayGuard: ReplayGuard = ReplayGuard(),
        limits: HTTPLimits = HTTPLimits(maxResponseBytes: 4 << 20, timeout: .seconds(15))
    ) {
        self.identity = identity
        self.resolver = resolver
        self.http = http
        self.trustedIssuers = trustedIssuers
        self.statusChecker = statusChecker
        self.requireHolderBinding = requireHolderBinding
        self.allowInsecureHTTP = allowInsecureHTTP
        self.cache = cache
        self.replayGuard = replayGuard
        self.limits = limits
    }

    /// Verifies the caller of a request (`Authorization` header) and obtains credentials
    /// covering `scopes` from its credential service. Each requested credential type must
    /// be present, from a trusted issuer, valid, not revoked, about the caller.
    public func verify(authorization: String?, scopes: [DCPScope], now: Double) async throws(DCPError) -> VerifiedParticipant {
        let caller = try await SelfIssuedIDToken.verifyBearer(
            authorization, audience: identity.participant, resolver: resolver, now: now, replayGuard: replayGuard)
        if let cached = await cache.lookup(participant: caller.participant, scopes: scopes, now: now) {
            return cached
        }
        guard let accessToken = caller.accessToken else {
            throw .unauthorized(IdentityError("the ID token carries no access token for the credential service", reason: .notAuthorized))
        }
        let response = try await queryCredentialService(of: caller.participant, accessToken: accessToken, scopes: scopes, now: now)
        let result = try await verifyPresentations(response, caller: caller.participant, scopes: scopes, now: now)
        await cache.store(result, scopes: scopes, now: now)
        return result
    }

    /// The base URL of `participant`'s credential service (its DID document's
    /// `CredentialService` entry).
    public func credentialServiceEndpoint(of participant: String) async throws(DCPError) -> String {
        let document: DIDDocument
        do {
            document = try await resolver.resolve(participant)
        } catch {
            throw .upstream(error)
        }
        guard let service = document.service.first(where: { $0.types.contains("CredentialService") }),
            case .string(let endpoint) = service.serviceEndpoint
        else {
            throw .upstream(IdentityError("\(participant) publishes no CredentialService endpoint", reason: .resolutionFailed))
        }
        guard endpoint.hasPrefix("https://") || (allowInsecureHTTP && endpoint.hasPrefix("http://")) else {
            throw .upstream(IdentityError("the credential service endpoint \(endpoint) is not https", reason: .unsupported))
        }
        return endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
    }

    func queryCredentialService(of participant: String, accessToken: String, scopes: [DCPScope], now: Double) async throws(DCPError)
        -> PresentationResponseMessage
    {
        let endpoint = try await credentialServiceEndpoint(of: participant)
        let idToken: String
        let body: [UInt8]
        do {
            idToken = try identity.idToken(for: participant, forwarding: accessToken, now: now)
            body = try JSONSerializer().serializeBytes(PresentationQueryMessage(scopes: scopes).json)
        } catch let error as IdentityError {
            throw .upstream(error)
        } catch {
            throw .upstream(IdentityError("cannot build the presentation query: \(error)"))
        }
        let request = HTTPRequest(
            method: "POST", url: endpoint + "/presentations/query",
            headers: [("Authorization", "Bearer " + idToken), ("Content-Type", "application/json")], body: body)
        let answer: HTTPResponse
        do {
            answer = try await http.send(request, limits: limits)
        } catch {
            throw .upstream(error)
        }
        guard answer.status == 200 else {
            throw .upstream(
                IdentityError("the credential service answered \(answer.status): \(String(decoding: answer.body.prefix(300), as: UTF8.self))",
                    reason: .resolutionFailed))
        }
        do {
            return try PresentationResponseMessage(json: try JSONParser().parse(answer.body))
        } catch let error as DCPError {
            throw .upstream(IdentityError("the credential service's answer is not a presentation response: \(error)"))
        } catch {
            throw .upstream(IdentityError("the credential service's answer is not JSON: \(error)"))
        }
    }

    /// The credential verification policy for presentations sent to this verifier.
    func policy(now: Double) -> CredentialVerifier.Policy {
        var policy = CredentialVerifier.Policy(now: Date(timeIntervalSince1970: now), resolver: resolver)
        policy.trustedIssuers = trustedIssuers.issuersByType["*"] ?? []
        policy.trustedIssuersByType = trustedIssuers.issuersByType.filter { $0.key != "*" }
        policy.x509 = x509
        policy.statusChecker = statusChecker
        policy.audience = identity.participant
        policy.requireHolderBinding = requireHolderBinding
        policy.proofVerifier = proofVerifier
        return policy
    }

    func verifyPresentations(_ response: PresentationResponseMessage, caller: String, scopes: [DCPScope], now: Double) async throws(DCPError)
        -> VerifiedParticipant
    {
        let verifier = CredentialVerifier(policy: policy(now: now))
        var credentials: [VerifiedParticipant.Credential] = []
        var expires = Double.infinity
        for (i, item) in response.presentations.enumerated() {
            guard case .string(let jwt) = item else {
                throw .forbidden("presentation \(i) is not a vp+jwt; only enveloped JOSE presentations are accepted")
            }
            let report = await verifier.verify(jwt)
            guard report.form == .presentationJWT else {
                throw .forbidden("presentation \(i) is not a vp+jwt; only enveloped JOSE presentations are accepted")
            }
            if let failure = report.failures.first, let error = failure.error {
                throw .unauthorized(IdentityError("presentation \(i), \(failure.name.rawValue): \(error.message)", reason: error.reason))
            }
            guard report.presentation?.presenterID == caller || report.issuer == caller else {
                throw .unauthorized(
                    IdentityError("presentation \(i) is held by \(report.issuer ?? "nobody"), not by the caller \(caller)",
                        reason: .wrongIssuer))
            }
            for nested in report.credentials {
                guard let vc = nested.credential else { continue }
                let until = (vc.validUntil ?? vc.expirationDate).flatMap { XSDDateTime.instant($0, requireTimezone: false) }
                if let until { expires = min(expires, until) }
                credentials.append(
                    .init(id: vc.id, types: vc.types, issuer: vc.issuerID ?? "", subjects: vc.credentialSubjects, validUntil: until))
            }
        }
        for scope in scopes {
            if case .credentialType(let type) = scope.selector, !credentials.contains(where: { $0.types.contains(type) }) {
                throw .forbidden("the caller presented no \(type)")
            }
            if case .credentialID(let id) = scope.selector, !credentials.contains(where: { $0.id == id }) {
                throw .forbidden("the caller presented no credential \(id)")
            }
        }
        return VerifiedParticipant(participant: caller, credentials: credentials, expires: expires)
    }
}
