import Crypto
import Foundation
import _CryptoExtras
import EspaceJSON

/// A public key of one of the algorithms data-space identities use.
public enum PublicKey: Sendable {
    case ed25519(Curve25519.Signing.PublicKey)
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case p521(P521.Signing.PublicKey)
    /// An RSA key with its modulus and exponent (big-endian bytes).
    case rsa(_RSA.Signing.PublicKey, n: [UInt8], e: [UInt8])

    /// Smallest accepted RSA modulus, in bits.
    public static let minimumRSABits = 2048

    /// An RSA public key from its modulus and exponent.
    public static func rsa(n: [UInt8], e: [UInt8]) throws(IdentityError) -> PublicKey {
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(n: n, e: e)
        } catch {
            throw IdentityError("the RSA modulus and exponent do not form a valid key: \(error)")
        }
        guard key.keySizeInBits >= minimumRSABits else {
            throw IdentityError(
                "RSA keys of \(key.keySizeInBits) bits are refused (at least \(minimumRSABits))", reason: .unsupported)
        }
        return .rsa(key, n: n, e: e)
    }

    /// The key as a public JWK (RFC 7517 / RFC 8037).
    public var jwk: JWK {
        switch self {
        case .ed25519(let key):
            return JWK(kty: "OKP", crv: "Ed25519", x: Base64URL.encode(key.rawRepresentation))
        case .p256(let key):
            return Self.ecJWK(curve: "P-256", raw: Array(key.rawRepresentation))
        case .p384(let key):
            return Self.ecJWK(curve: "P-384", raw: Array(key.rawRepresentation))
        case .p521(let key):
            return Self.ecJWK(curve: "P-521", raw: Array(key.rawRepresentation))
        case .rsa(_, let n, let e):
            return JWK(kty: "RSA", n: Base64URL.encode(n), e: Base64URL.encode(e))
        }
    }

    /// `raw` is x ‖ y, each half the length.
    static func ecJWK(curve: String, raw: [UInt8]) -> JWK {
        let half = raw.count / 2
        return JWK(kty: "EC", crv: curve, x: Base64URL.encode(raw[..<half]), y: Base64URL.encode(raw[half...]))
    }

    /// The multicodec-prefixed key bytes did:key encodes (EC keys compressed); nil for key
    /// types Espace does not encode as did:key (RSA).
    public var multicodecBytes: [UInt8]? {
        switch self {
        case .rsa: return nil
        case .ed25519(let key): return Multicodec.ed25519Public.prefix + Array(key.rawRepresentation)
        case .p256(let key): return Multicodec.p256Public.prefix + Array(key.compressedRepresentation)
        case .p384(let key): return Multicodec.p384Public.prefix + Array(key.compressedRepresentation)
        case .p521(let key): return Multicodec.p521Public.prefix + Array(key.compressedRepresentation)
        }
    }
}
