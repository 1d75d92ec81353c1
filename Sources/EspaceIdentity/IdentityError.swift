/// Why an identifier, key, token or credential was rejected.
///
/// `reason` is the machine-readable cause (tests and verifiers switch on it); `message` says
/// what was wrong and where, for people.
public struct IdentityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of rejection a verifier distinguishes.
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// The input is not well formed (bad JSON, base64, DID syntax, missing member…).
        case malformed
        /// Well formed, but uses an algorithm, method or feature Espace does not support.
        case unsupported
        /// A signature does not verify with the key it names.
        case signatureInvalid
        /// The key does not fit the algorithm, or two keys that must be the same differ.
        case keyMismatch
        /// Past its expiry (`exp`, `validUntil`, `expirationDate`).
        case expired
        /// Before its start (`nbf`, `validFrom`, `issuanceDate`).
        case notYetValid
        /// Listed as revoked or suspended in a status list.
        case revoked
        /// The issuer is not among the trusted ones.
        case untrustedIssuer
        /// A certificate chain does not reach a configured trust anchor.
        case chainNotAnchored
        /// The leaf certificate's key is not the key the DID document publishes.
        case jwkNotLeafKey
        /// A token identifier (`jti`) was used before.
        case replayed
        /// The token or presentation is addressed to someone else (`aud`, `domain`).
        case wrongAudience
        /// The token's issuer, subject or holder is not who it must be.
        case wrongIssuer
        /// The verification method is not authorised for this purpose in its DID document.
        case notAuthorized
        /// A DID, document or list could not be fetched or resolved.
        case resolutionFailed
        /// A URL points at a loopback, private or link-local address, refused by default.
        case forbiddenAddress
        /// A size, count, depth or time limit was exceeded.
        case limitExceeded
    }

    /// What kind of rejection this is.
    public let reason: Reason
    /// A sentence saying what was wrong and where.
    public let message: String

    public init(_ message: String, reason: Reason = .malformed) {
        self.message = message
        self.reason = reason
    }

    public var description: String { message }
}
