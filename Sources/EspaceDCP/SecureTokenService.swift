import EspaceIdentity

/// A participant's Secure Token Service: mints the Self-Issued ID Tokens it sends with its
/// requests, embedding an access token when it wants the verifier to read credentials.
///
/// Embedded in the node (DCP leaves the STS API open); the key never leaves it.
public struct SecureTokenService: Sendable {
    /// The participant's DID.
    public let participant: String
    /// The signing key, listed under `capabilityInvocation` in the participant's DID document.
    public let key: PrivateKey
    /// The verification method id of `key` (absolute, or `#fragment` relative to `participant`).
    public let kid: String
    /// Lifetime of the tokens it mints, in seconds (EDC's default is 600).
    public var lifetime: Double

    public init(participant: String, key: PrivateKey, kid: String, lifetime: Double = 300) {
        self.participant = participant
        self.key = key
        self.kid = kid
        self.lifetime = lifetime
    }

    /// An ID token for `audience`. With `grantingScopes`, it carries an access token that
    /// lets `audience` read those scopes from this participant's credential service.
    public func idToken(for audience: String, grantingScopes scopes: [DCPScope]? = nil, now: Double) throws(IdentityError) -> String {
        var accessToken: String?
        if let scopes {
            accessToken = try AccessToken.mint(
                holder: participant, key: key, kid: kid, verifier: audience, scopes: scopes, now: now, lifetime: lifetime)
        }
        return try SelfIssuedIDToken.mint(
            participant: participant, key: key, kid: kid, audience: audience, accessToken: accessToken, now: now,
            lifetime: lifetime)
    }

    /// An ID token for `audience` that forwards someone else's access token (what a verifier
    /// sends to the holder's credential service).
    public func idToken(for audience: String, forwarding accessToken: String, now: Double) throws(IdentityError) -> String {
        try SelfIssuedIDToken.mint(
            participant: participant, key: key, kid: kid, audience: audience, accessToken: accessToken, now: now,
            lifetime: lifetime)
    }
}
