import Crypto
import _CryptoExtras

/// A signing key of one of the algorithms data-space identities use.
public enum PrivateKey: Sendable {
    case ed25519(Curve25519.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    /// An RSA key signing with PSS (PS256).
    case rsaPSS(_RSA.Signing.PrivateKey)
    /// An RSA key signing with PKCS #1 v1.5 (RS256).
    case rsaPKCS1(_RSA.Signing.PrivateKey)

    /// A fresh random key.
    public static func generate(_ algorithm: JWSAlgorithm) throws(IdentityError) -> PrivateKey {
        switch algorithm {
        case .edDSA: return .ed25519(Curve25519.Signing.PrivateKey())
        case .es256: return .p256(P256.Signing.PrivateKey())
        case .es384: return .p384(P384.Signing.PrivateKey())
        case .ps256, .rs256:
            do {
                let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
                return algorithm == .ps256 ? .rsaPSS(key) : .rsaPKCS1(key)
            } catch {
                throw IdentityError("RSA key generation failed: \(error)")
            }
        }
    }

    /// The matching public key.
    public var publicKey: PublicKey {
        switch self {
        case .ed25519(let key): return .ed25519(key.publicKey)
        case .p256(let key): return .p256(key.publicKey)
        case .p384(let key): return .p384(key.publicKey)
        case .rsaPSS(let key), .rsaPKCS1(let key):
            let primitives = try? key.publicKey.getKeyPrimitives()
            return .rsa(
                key.publicKey, n: primitives.map { Array($0.modulus) } ?? [],
                e: primitives.map { Array($0.publicExponent) } ?? [])
        }
    }

    /// The JWS algorithm this key signs with.
    public var algorithm: JWSAlgorithm {
        switch self {
        case .ed25519: return .edDSA
        case .p256: return .es256
        case .p384: return .es384
        case .rsaPSS: return .ps256
        case .rsaPKCS1: return .rs256
        }
    }

    /// Signs `data` (JWS signature bytes: raw 64-byte Ed25519, or raw r ‖ s for ECDSA).
    public func sign(_ data: [UInt8]) throws(IdentityError) -> [UInt8] {
        do {
            switch self {
            case .ed25519(let key): return Array(try key.signature(for: data))
            case .p256(let key): return Array(try key.signature(for: data).rawRepresentation)
            case .p384(let key): return Array(try key.signature(for: data).rawRepresentation)
            case .rsaPSS(let key): return Array(try key.signature(for: data, padding: .PSS).rawRepresentation)
            case .rsaPKCS1(let key):
                return Array(try key.signature(for: data, padding: .insecurePKCS1v1_5).rawRepresentation)
            }
        } catch {
            throw IdentityError("signing failed: \(error)")
        }
    }
}

extension PublicKey {
    /// Whether this key verifies JWS algorithm `algorithm` (an RSA key verifies PS256 and
    /// RS256; every other key exactly one algorithm).
    public func supports(_ algorithm: JWSAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.ed25519, .edDSA), (.p256, .es256), (.p384, .es384), (.rsa, .ps256), (.rsa, .rs256): return true
        default: return false
        }
    }

    /// Whether `signature` is a valid `algorithm` signature of `data` by this key.
    public func isValidSignature(_ signature: [UInt8], for data: [UInt8], algorithm: JWSAlgorithm) -> Bool {
        guard supports(algorithm) else { return false }
        switch self {
        case .rsa(let key, _, _):
            let sig = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return key.isValidSignature(sig, for: data, padding: algorithm == .ps256 ? .PSS : .insecurePKCS1v1_5)
        case .ed25519(let key):
            return key.isValidSignature(signature, for: data)
        case .p256(let key):
            guard let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(sig, for: data)
        case .p384(let key):
            guard let sig = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(sig, for: data)
        case .p521(let key):
            guard let sig = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(sig, for: data)
        }
    }
}
