import Crypto

/// A signing key of one of the algorithms data-space identities use.
public enum PrivateKey: Sendable {
    case ed25519(Curve25519.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)

    /// A fresh random key.
    public static func generate(_ algorithm: JWSAlgorithm) throws(IdentityError) -> PrivateKey {
        switch algorithm {
        case .edDSA: return .ed25519(Curve25519.Signing.PrivateKey())
        case .es256: return .p256(P256.Signing.PrivateKey())
        case .es384: return .p384(P384.Signing.PrivateKey())
        }
    }

    /// The matching public key.
    public var publicKey: PublicKey {
        switch self {
        case .ed25519(let key): return .ed25519(key.publicKey)
        case .p256(let key): return .p256(key.publicKey)
        case .p384(let key): return .p384(key.publicKey)
        }
    }

    /// The JWS algorithm this key signs with.
    public var algorithm: JWSAlgorithm {
        switch self {
        case .ed25519: return .edDSA
        case .p256: return .es256
        case .p384: return .es384
        }
    }

    /// Signs `data` (JWS signature bytes: raw 64-byte Ed25519, or raw r ‖ s for ECDSA).
    public func sign(_ data: [UInt8]) throws(IdentityError) -> [UInt8] {
        do {
            switch self {
            case .ed25519(let key): return Array(try key.signature(for: data))
            case .p256(let key): return Array(try key.signature(for: data).rawRepresentation)
            case .p384(let key): return Array(try key.signature(for: data).rawRepresentation)
            }
        } catch {
            throw IdentityError("signing failed: \(error)")
        }
    }
}

extension PublicKey {
    /// The JWS algorithms this key can verify.
    public var algorithm: JWSAlgorithm? {
        switch self {
        case .ed25519: return .edDSA
        case .p256: return .es256
        case .p384: return .es384
        case .p521: return nil
        }
    }

    /// Whether `signature` is a valid signature of `data` by this key.
    public func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool {
        switch self {
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
