import EspaceCredentials
import EspaceJSON

/// What a DCP verifier learned about a caller: who it is and the verified claims of the
/// credentials it presented, for the policy engine.
public struct VerifiedParticipant: Sendable {
    /// One verified credential, reduced to what policies read.
    public struct Credential: Sendable {
        public var id: String?
        public var types: [String]
        public var issuer: String
        /// The credential subjects, as issued.
        public var subjects: [JSONObject]
        /// End of validity (seconds since 1970), if any.
        public var validUntil: Double?
    }

    /// The caller's DID (`iss` = `sub` of its ID token, holder of its presentations).
    public var participant: String
    /// The verified credentials, in the order presented.
    public var credentials: [Credential]
    /// Until when this result may be reused (the cache's expiry).
    public var expires: Double

    /// The credentials having `type`.
    public func credentials(ofType type: String) -> [Credential] {
        credentials.filter { $0.types.contains(type) }
    }
}
