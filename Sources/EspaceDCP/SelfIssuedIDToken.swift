import EspaceIdentity
import EspaceJSON

/// DCP Self-Issued ID Tokens (DCP v1.0 §4.3): a JWT a participant signs about itself, with
/// `iss` = `sub` = its DID, `aud` = the verifier's DID, a `jti`, `iat` and `exp`, and
/// optionally a `token` claim, the access token for its credential service.
public enum SelfIssuedIDToken {
    /// A token that passed every check.
    public struct Verified: Sendable {
        /// The participant's DID (`iss` = `sub`).
        public var participant: String
        /// The verification method that signed the token.
        public var verificationMethod: String
        /// The `token` claim, if any (opaque to the verifier).
        public var accessToken: String?
        /// All claims.
        public var claims: JSONObject
    }

    /// Makes a token. `now` is seconds since 1970; `jti` defaults to a random UUID.
    public static func mint(
        participant: String, key: PrivateKey, kid: String, audience: String,
        accessToken: String? = nil, now: Double, lifetime: Double = 300, jti: String = randomTokenID()
    ) throws(IdentityError) -> String {
        var claims: JSONObject = [
            "iss": .string(participant), "sub": .string(participant), "aud": .string(audience),
            "jti": .string(jti), "iat": .number(JSONNumber(Int(now))), "exp": .number(JSONNumber(Int(now + lifetime))),
        ]
        if let accessToken { claims["token"] = .string(accessToken) }
        return try signJWT(claims, key: key, kid: absoluteKID(kid, participant: participant))
    }

    /// Checks a token in the order DCP prescribes: `iss` = `sub`; `aud` = `audience`; the
    /// key named by `kid` belongs to `sub`'s DID document under `capabilityInvocation` and
    /// verifies the signature; `nbf`, `exp` (and `iat` against `maxAge`); `jti` unseen.
    ///
    /// Every failure throws an `IdentityError` whose reason says which check failed.
    public static func verify(
        _ token: String, audience: String, resolver: any VerificationMethodResolver,
        now: Double, replayGuard: ReplayGuard, leeway: Double = 30, maxLifetime: Double = 3600
    ) async throws(IdentityError) -> Verified {
        let unverified = try UnverifiedJWT(token)
        guard let iss = unverified.string("iss"), let sub = unverified.string("sub") else {
            throw IdentityError("the ID token must carry \"iss\" and \"sub\" strings")
        }
        guard iss == sub else {
            throw IdentityError("the ID token's iss (\(iss)) and sub (\(sub)) differ", reason: .wrongIssuer)
        }
        guard sub.hasPrefix("did:") else { throw IdentityError("the ID token's sub (\(sub)) is not a DID", reason: .wrongIssuer) }
        guard unverified.claims["aud"]?.asArray.contains(.string(audience)) == true else {
            throw IdentityError("the ID token is not addressed to \(audience) (aud)", reason: .wrongAudience)
        }
        // With a kid, that method; without, the DID itself, which resolvers accept only when
        // its document lists exactly one capabilityInvocation method (DCP §4.3.3 step 3).
        var methodID = sub
        if let header = unverified.header["kid"] {
            guard case .string(let kid) = header, !kid.isEmpty else {
                throw IdentityError("the ID token's \"kid\" header must be a non-empty string")
            }
            methodID = absoluteKID(kid, participant: sub)
        }
        guard didPart(of: methodID) == sub else {
            throw IdentityError("the ID token's key \(methodID) does not belong to \(sub)", reason: .wrongIssuer)
        }
        let method = try await resolver.resolveVerificationMethod(methodID, for: .capabilityInvocation)
        guard method.controller == sub || didPart(of: method.id) == sub else {
            throw IdentityError("the key \(method.id) is controlled by \(method.controller), not by \(sub)", reason: .wrongIssuer)
        }
        if case .string(let alg)? = method.publishedJWK?["alg"], unverified.header["alg"] != .string(alg) {
            throw IdentityError("the ID token's alg differs from the key's published alg \(alg)", reason: .keyMismatch)
        }
        let verified = try JWS.verify(token, key: method.publicKey)
        guard case .object(let claims)? = try? JSONParser().parse(verified.payload) else {
            throw IdentityError("the ID token payload is not a JSON object")
        }
        var expectations = JWT.Expectations(now: now, audience: audience, issuer: sub, replayGuard: replayGuard)
        expectations.leeway = leeway
        expectations.maxLifetime = maxLifetime
        try JWT.check(claims, expectations)
        var accessToken: String?
        if let token = claims["token"] {
            guard case .string(let t) = token else { throw IdentityError("the \"token\" claim must be a string") }
            accessToken = t
        }
        return Verified(participant: sub, verificationMethod: method.id, accessToken: accessToken, claims: claims)
    }

    static func absoluteKID(_ kid: String, participant: String) -> String {
        kid.hasPrefix("#") ? participant + kid : kid
    }
}

/// A random 128-bit identifier for `jti` claims (RFC 4122 version 4 UUID form).
public func randomTokenID() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = (bytes[6] & 0x0f) | 0x40
    bytes[8] = (bytes[8] & 0x3f) | 0x80
    let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    let h = Array(hex)
    return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
}
