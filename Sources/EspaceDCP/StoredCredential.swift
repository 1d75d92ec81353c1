import EspaceCredentials
import EspaceIdentity

/// A credential kept in a participant's credential service: the `vc+jwt` as issued and
/// what queries select it by.
public struct StoredCredential: Sendable, Equatable {
    /// The compact `vc+jwt`, exactly as the issuer signed it.
    public let jwt: String
    /// The credential's `id`, if it has one.
    public let id: String?
    /// Its `type` values as written (`VerifiableCredential`, `MembershipCredential`, …).
    public let types: [String]
    /// The issuer's identifier.
    public let issuer: String
    /// End of the validity period (seconds since 1970), if any.
    public let validUntil: Double?

    /// Decodes `jwt` as an enveloped credential (VC-JOSE-COSE); the signature is checked
    /// when the credential is accepted into the store, not here.
    public init(jwt: String) throws(IdentityError) {
        let decoded = try EnvelopedCredential.decode(jwt)
        guard let issuer = decoded.credential.issuerID else { throw IdentityError("the credential names no issuer") }
        self.jwt = jwt
        self.id = decoded.credential.id
        self.types = decoded.credential.types
        self.issuer = issuer
        if let text = decoded.credential.validUntil ?? decoded.credential.expirationDate {
            guard let instant = XSDDateTime.instant(text, requireTimezone: false) else {
                throw IdentityError("the credential's validUntil \"\(text)\" is not a date-time")
            }
            validUntil = instant
        } else {
            validUntil = nil
        }
    }

    /// Whether the scope selects this credential.
    public func matches(_ scope: DCPScope) -> Bool {
        switch scope.selector {
        case .credentialType(let type): return types.contains(type)
        case .credentialID(let wanted): return id == wanted
        case .unrecognized: return false
        }
    }
}
