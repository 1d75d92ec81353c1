import Crypto

extension PublicKey {
    /// The public key a JWK describes (OKP Ed25519, or EC P-256, P-384, P-521).
    public init(jwk: JWK) throws(IdentityError) {
        do {
            switch (jwk.kty, jwk.crv) {
            case ("OKP", "Ed25519"?):
                guard let x = jwk.x else { throw IdentityError("Ed25519 JWK has no \"x\"") }
                self = .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: try Base64URL.decode(x)))
            case ("EC", let curve?):
                guard ["P-256", "P-384", "P-521"].contains(curve) else {
                    throw IdentityError("unsupported EC curve \(curve)", reason: .unsupported)
                }
                guard let x = jwk.x, let y = jwk.y else { throw IdentityError("EC JWK needs \"x\" and \"y\"") }
                let raw = try Base64URL.decode(x) + (try Base64URL.decode(y))
                switch curve {
                case "P-256": self = .p256(try P256.Signing.PublicKey(rawRepresentation: raw))
                case "P-384": self = .p384(try P384.Signing.PublicKey(rawRepresentation: raw))
                case "P-521": self = .p521(try P521.Signing.PublicKey(rawRepresentation: raw))
                default: throw IdentityError("unsupported EC curve \(curve)", reason: .unsupported)
                }
            case ("RSA", _):
                guard let n = jwk.n, let e = jwk.e else { throw IdentityError("RSA JWK needs \"n\" and \"e\"") }
                self = try .rsa(n: try Base64URL.decode(n), e: try Base64URL.decode(e))
            case ("EC", nil):
                throw IdentityError("EC JWK has no \"crv\"")
            default:
                throw IdentityError(
                    "unsupported JWK key type \(jwk.kty)\(jwk.crv.map { " " + $0 } ?? "")", reason: .unsupported)
            }
        } catch let error as IdentityError {
            throw error
        } catch {
            throw IdentityError("the JWK does not hold a valid public key: \(error)")
        }
    }
}
