import Crypto
import X509
import _CryptoExtras

extension PublicKey {
    /// The subject public key of `certificate` (Ed25519, P-256, P-384, P-521 or RSA).
    public init(certificate: Certificate) throws(IdentityError) {
        try self.init(certificatePublicKey: certificate.publicKey)
    }

    /// An Espace key from a swift-certificates key.
    public init(certificatePublicKey key: Certificate.PublicKey) throws(IdentityError) {
        if let ed = Curve25519.Signing.PublicKey(key) {
            self = .ed25519(ed)
        } else if let p256 = P256.Signing.PublicKey(key) {
            self = .p256(p256)
        } else if let p384 = P384.Signing.PublicKey(key) {
            self = .p384(p384)
        } else if let p521 = P521.Signing.PublicKey(key) {
            self = .p521(p521)
        } else if let rsa = _RSA.Signing.PublicKey(key) {
            let n: [UInt8]
            let e: [UInt8]
            do {
                let primitives = try rsa.getKeyPrimitives()
                n = Array(primitives.modulus)
                e = Array(primitives.publicExponent)
            } catch {
                throw IdentityError("the certificate's RSA key cannot be read: \(error)")
            }
            self = try .rsa(n: n, e: e)
        } else {
            throw IdentityError("the certificate's key type (\(key)) is not supported", reason: .unsupported)
        }
    }

    /// The key as swift-certificates represents it (for comparison with a certificate's key
    /// and for issuing certificates).
    public var certificatePublicKey: Certificate.PublicKey {
        switch self {
        case .ed25519(let key): return Certificate.PublicKey(key)
        case .p256(let key): return Certificate.PublicKey(key)
        case .p384(let key): return Certificate.PublicKey(key)
        case .p521(let key): return Certificate.PublicKey(key)
        case .rsa(let key, _, _): return Certificate.PublicKey(key)
        }
    }

    /// Reads a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) block.
    public init(pem: String) throws(IdentityError) {
        let key: Certificate.PublicKey
        do {
            key = try Certificate.PublicKey(pemEncoded: pem)
        } catch {
            throw IdentityError("the text is not a PEM PUBLIC KEY: \(error)")
        }
        try self.init(certificatePublicKey: key)
    }

    /// The key as a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) block.
    public func pem() throws(IdentityError) -> String {
        do {
            return try certificatePublicKey.serializeAsPEM().pemString
        } catch {
            throw IdentityError("the public key could not be encoded as PEM: \(error)")
        }
    }
}

/// The Gaia-X rule that the key a DID document publishes is the key of the leaf certificate
/// of the chain its `x5u` (or `x5c`) points at (gx-compliance, NOTES §3.3 step 5).
public enum LeafKeyCheck {
    /// Throws `.jwkNotLeafKey` unless `jwk` holds the same public key as `leaf`.
    /// Keys are compared as SubjectPublicKeyInfo values, so encoding details of the JWK
    /// (such as a leading zero byte on an RSA modulus) do not matter.
    public static func check(jwk: JWK, leaf: Certificate) throws(IdentityError) {
        let key = try PublicKey(jwk: jwk)
        try check(key: key, leaf: leaf)
    }

    /// Throws `.jwkNotLeafKey` unless `key` is the public key of `leaf`.
    public static func check(key: PublicKey, leaf: Certificate) throws(IdentityError) {
        guard key.certificatePublicKey == leaf.publicKey else {
            throw IdentityError(
                "the published key (\(key.jwk.kty)\(key.jwk.crv.map { " " + $0 } ?? "")) is not the public key of the leaf certificate \(leaf.subject) (\(leaf.publicKey))",
                reason: .jwkNotLeafKey)
        }
    }
}
