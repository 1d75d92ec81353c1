import EspaceIdentity
import EspaceJSON

/// The access token a holder puts in the `token` claim of its Self-Issued ID Token, granting
/// one verifier read access to some scopes of its credential service.
///
/// DCP leaves the format open. Espace's, like EDC's, is a JWT the holder signs with its
/// `capabilityInvocation` key: `iss` = `aud` = the holder's DID, `sub` = the verifier's DID,
/// `scope` = the granted scopes separated by spaces, and `jti`, `iat`, `exp`. Only the
/// holder's own credential service accepts it, and only from the verifier it names.
public enum AccessToken {
    /// Makes an access token for `verifier` covering `scopes`.
    public static func mint(
        holder: String, key: PrivateKey, kid: String, verifier: String, scopes: [DCPScope],
        now: Double, lifetime: Double = 300, jti: String = randomTokenID()
    ) throws(IdentityError) -> String {
        let claims: JSONObject = [
            "iss": .string(holder), "sub": .string(verifier), "aud": .string(holder),
            "scope": .string(scopes.map(\.description).joined(separator: " ")), "jti": .string(jti),
            "iat": .number(JSONNumber(Int(now))), "exp": .number(JSONNumber(Int(now + lifetime))),
        ]
        return try signJWT(claims, key: key, kid: SelfIssuedIDToken.absoluteKID(kid, participant: holder))
    }

    /// Checks that `token` was signed by `holder` for `verifier` and has not expired; returns
    /// the scopes it grants.
    public static func verify(
        _ token: String, holder: String, verifier: String, resolver: any VerificationMethodResolver,
        now: Double, leeway: Double = 30
    ) async throws(IdentityError) -> [DCPScope] {
        let unverified = try UnverifiedJWT(token)
        guard unverified.string("iss") == holder else {
            throw IdentityError("the access token was not issued by \(holder)", reason: .wrongIssuer)
        }
        guard unverified.string("sub") == verifier else {
            throw IdentityError("the access token was granted to \(unverified.string("sub") ?? "nobody"), not to \(verifier)", reason: .wrongAudience)
        }
        guard case .string(let kid)? = unverified.header["kid"],
            didPart(of: SelfIssuedIDToken.absoluteKID(kid, participant: holder)) == holder
        else {
            throw IdentityError("the access token's key is not one of \(holder)'s", reason: .notAuthorized)
        }
        let method = try await resolver.resolveVerificationMethod(
            SelfIssuedIDToken.absoluteKID(kid, participant: holder), for: .capabilityInvocation)
        var expectations = JWT.Expectations(now: now, audience: holder, issuer: holder)
        expectations.leeway = leeway
        let claims = try JWT.verify(token, key: method.publicKey, expectations: expectations)
        guard case .string(let scopeText)? = claims["scope"] else {
            throw IdentityError("the access token has no \"scope\" string")
        }
        var scopes: [DCPScope] = []
        for part in scopeText.split(separator: " ") {
            do {
                scopes.append(try DCPScope(parsing: String(part)))
            } catch {
                throw IdentityError("the access token grants a malformed scope: \(error)")
            }
        }
        return scopes
    }
}
