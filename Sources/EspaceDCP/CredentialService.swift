import EspaceCredentials
import EspaceIdentity
import EspaceJSON

/// A participant's credential service (its wallet, DCP §5): holds the credentials issued
/// to it and answers verifiers' presentation queries.
///
/// A query must carry, as `Authorization: Bearer …`, a Self-Issued ID Token from the
/// verifier addressed to this participant, whose `token` claim is an access token this
/// participant granted to that verifier (see `AccessToken`). Only scopes both requested and
/// granted are answered; credentials past their validity are left out. The answer is one
/// `vp+jwt` presentation, addressed to the verifier, enveloping the selected credentials.
public actor CredentialService {
    /// The participant's identity (DID, signing key, key id).
    public let holder: SecureTokenService
    let resolver: any VerificationMethodResolver
    let replayGuard: ReplayGuard
    /// Lifetime of the presentations it signs, in seconds.
    public var presentationLifetime: Double
    /// Most credentials it stores.
    public let capacity: Int
    private var credentials: [StoredCredential] = []

    public init(
        holder: SecureTokenService, resolver: any VerificationMethodResolver, replayGuard: ReplayGuard = ReplayGuard(),
        presentationLifetime: Double = 300, capacity: Int = 10_000
    ) {
        self.holder = holder
        self.resolver = resolver
        self.replayGuard = replayGuard
        self.presentationLifetime = presentationLifetime
        self.capacity = capacity
    }

    /// The stored credentials, in the order they were stored.
    public var storedCredentials: [StoredCredential] { credentials }

    /// Verifies `jwt` (signature by its issuer, structure, validity at `now`) and that it is
    /// about this participant (a `credentialSubject.id` equal to the holder's DID, or one of
    /// `subjects`: the ids of the holder's own Gaia-X documents, such as its legal person's
    /// `…/legal-person.json#cs`), then stores it. Storing the same credential again replaces it.
    @discardableResult
    public func store(_ jwt: String, now: Double, subjects: Set<String> = []) async throws(IdentityError)
        -> StoredCredential
    {
        var options = CredentialValidator.Options()
        options.now = now
        options.leeway = 60
        let verified = try await EnvelopedCredential.verify(jwt, resolver: resolver, validator: CredentialValidator(options: options))
        guard
            verified.credential.credentialSubjects.contains(where: {
                $0["id"] == .string(holder.participant) || ($0["id"]?.stringValue.map(subjects.contains) ?? false)
            })
        else {
            throw IdentityError("the credential is not about \(holder.participant) (credentialSubject.id)", reason: .wrongIssuer)
        }
        let stored = try StoredCredential(jwt: jwt)
        credentials.removeAll { $0.jwt == jwt || ($0.id != nil && $0.id == stored.id) }
        guard credentials.count < capacity else {
            throw IdentityError("the credential service holds \(capacity) credentials already", reason: .limitExceeded)
        }
        credentials.append(stored)
        return stored
    }

    /// Answers a presentation query (the `POST /presentations/query` route): the HTTP status
    /// and JSON body to send.
    public func handleQuery(authorization: String?, body: JSONValue, now: Double) async -> (status: Int, body: JSONValue) {
        do {
            let response = try await query(authorization: authorization, body: body, now: now)
            return (200, response.json)
        } catch {
            return (error.status, DCPError.body(error))
        }
    }

    /// Answers a presentation query, or throws the protocol error to send.
    public func query(authorization: String?, body: JSONValue, now: Double) async throws(DCPError) -> PresentationResponseMessage {
        let caller = try await SelfIssuedIDToken.verifyBearer(
            authorization, audience: holder.participant, resolver: resolver, now: now, replayGuard: replayGuard)
        let message = try PresentationQueryMessage(json: body)
        let requested: [DCPScope]
        switch message.query {
        case .presentationDefinition:
            throw .notImplemented("presentation definitions are not supported; query with scopes")
        case .scopes(let scopes):
            requested = scopes
        }
        guard let accessToken = caller.accessToken else {
            throw .unauthorized(IdentityError("the ID token carries no access token (\"token\" claim)", reason: .notAuthorized))
        }
        let granted: [DCPScope]
        do {
            granted = try await AccessToken.verify(
                accessToken, holder: holder.participant, verifier: caller.participant, resolver: resolver, now: now)
        } catch {
            throw .unauthorized(error)
        }
        let allowed = requested.filter { scope in granted.contains { scope.isCovered(by: $0) } }
        var selected: [StoredCredential] = []
        for credential in credentials where allowed.contains(where: credential.matches) {
            if let until = credential.validUntil, until <= now { continue }
            selected.append(credential)
        }
        guard !selected.isEmpty else { return PresentationResponseMessage(presentations: []) }
        do {
            let presentation = try Presentation.envelop(
                credentials: selected.map(\.jwt), holder: holder.participant, key: holder.key,
                kid: SelfIssuedIDToken.absoluteKID(holder.kid, participant: holder.participant),
                audience: caller.participant, validity: now...(now + presentationLifetime))
            return PresentationResponseMessage(presentations: [.string(presentation)])
        } catch {
            throw .upstream(error)
        }
    }
}

extension SelfIssuedIDToken {
    /// Verifies the ID token of an `Authorization: Bearer <token>` header; every failure is
    /// a 401 `DCPError` carrying the identity-layer reason.
    static func verifyBearer(
        _ authorization: String?, audience: String, resolver: any VerificationMethodResolver, now: Double,
        replayGuard: ReplayGuard
    ) async throws(DCPError) -> Verified {
        let token = try DCPError.bearerToken(authorization)
        do {
            return try await verify(token, audience: audience, resolver: resolver, now: now, replayGuard: replayGuard)
        } catch {
            throw .unauthorized(error)
        }
    }
}

extension DCPError {
    /// The token of an `Authorization: Bearer <token>` header (DCP requires the prefix).
    static func bearerToken(_ authorization: String?) throws(DCPError) -> String {
        guard let authorization else {
            throw .unauthorized(IdentityError("the request has no Authorization header", reason: .notAuthorized))
        }
        guard authorization.hasPrefix("Bearer "), authorization.count > 7 else {
            throw .unauthorized(IdentityError("the Authorization header must be \"Bearer <self-issued ID token>\"", reason: .malformed))
        }
        let token = authorization.dropFirst(7).drop { $0 == " " }
        guard !token.isEmpty, !token.contains(" ") else {
            throw .unauthorized(IdentityError("the bearer token is empty or has spaces", reason: .malformed))
        }
        return String(token)
    }

    /// The JSON error body: `{"error": <reason or kind>, "message": …}`.
    static func body(_ error: DCPError) -> JSONValue {
        let code: String
        switch error {
        case .badRequest: code = "bad_request"
        case .unauthorized(let e): code = e.reason.rawValue
        case .forbidden: code = "forbidden"
        case .notImplemented: code = "not_implemented"
        case .upstream(let e): code = e.reason.rawValue
        }
        return ["error": .string(code), "message": .string(error.description)]
    }
}
