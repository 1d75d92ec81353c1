import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

/// A Gaia-X notary: checks a registration number (offline, then the online registry of its
/// type when configured) and issues the registration-number credential as a `vc+jwt` signed
/// with the notary's key. Pure logic: no I/O besides what the injected registries do.
public struct Notary: Sendable {
    /// The notary's DID (the credentials' `issuer` and the JWT's `iss`).
    public let did: String
    /// The verification method signing (`kid`): a DID URL under `assertionMethod` of `did`.
    public let kid: String
    /// The signing key (not exposed).
    let key: PrivateKey
    /// Online registries; `.off` (the default) checks offline only.
    public var registries: OnlineRegistries
    /// How long issued credentials are valid, in seconds (90 days, as the Loire notaries issue).
    public var validity: TimeInterval

    /// Default validity: 90 days.
    public static let defaultValidity: TimeInterval = 90 * 86_400

    /// A notary signing as `did` with `key` under `kid` (an absolute DID URL of `did`, or a
    /// fragment such as `#key-1`).
    public init(
        did: String, kid: String, key: PrivateKey, registries: OnlineRegistries = .off,
        validity: TimeInterval = Notary.defaultValidity
    ) throws(NotaryError) {
        let parsed: DIDURL
        do {
            parsed = try DIDURL(did)
        } catch {
            throw NotaryError(.issuanceFailed, "the notary DID \(did) is not a DID: \(error.message)")
        }
        guard parsed.fragment == nil, parsed.query == nil, parsed.path.isEmpty else {
            throw NotaryError(
                .issuanceFailed, "the notary DID \(did) must be a plain DID, without path, query or fragment")
        }
        let absolute = kid.hasPrefix("#") ? did + kid : kid
        guard absolute.hasPrefix(did + "#") else {
            throw NotaryError(.issuanceFailed, "the key id \(kid) is not a verification method of \(did)")
        }
        guard validity >= 60, validity <= 3_650 * 86_400 else {
            throw NotaryError(.issuanceFailed, "the validity must be 1 minute to 10 years, not \(validity) s")
        }
        self.did = did
        self.kid = absolute
        self.key = key
        self.registries = registries
        self.validity = validity
    }

    /// What the notary issued: the `vc+jwt`, the credential in it, and what was checked.
    public struct Issued: Sendable {
        /// The compact `vc+jwt` (the HTTP response body, `application/vc+jwt`).
        public let jwt: String
        /// The credential (the JWT payload).
        public let credential: VerifiableCredential
        /// The checked number (offline result, registry record, time).
        public let checked: CheckedRegistrationNumber
    }

    /// Checks `request.value` and issues its credential at `now`. Throws `NotaryError`:
    /// 422 invalid number, 503 registry unavailable (retryable), 500 if signing fails.
    public func issue(_ request: NotaryRequest, now: Date) async throws(NotaryError) -> Issued {
        let decision = await NotaryDecision.decide(request.value, as: request.type, registries: registries, now: now)
        guard case .accepted(let checked) = decision else {
            throw decision.error ?? NotaryError(.issuanceFailed, "no decision")
        }
        return try sign(checked, request: request)
    }

    /// Builds and signs the credential of a number already checked.
    public func sign(_ checked: CheckedRegistrationNumber, request: NotaryRequest) throws(NotaryError) -> Issued {
        let json = RegistrationNumberCredential.build(checked, request: request, issuer: did, validity: validity)
        let credential = VerifiableCredential(json: json)
        do {
            var options = CredentialValidator.Options()
            options.mode = .verification
            try CredentialValidator(options: options).validate(credential: credential)
        } catch {
            throw NotaryError(.malformedRequest, "the credential would not be valid: \(error.message)")
        }
        let jwt: String
        do {
            jwt = try EnvelopedCredential.sign(credential: credential, key: key, kid: kid)
        } catch {
            throw NotaryError(.issuanceFailed, "signing failed: \(error.message)")
        }
        return Issued(jwt: jwt, credential: credential, checked: checked)
    }
}
