import Crypto
import SwiftASN1
import X509
import _CryptoExtras

extension PrivateKey {
    /// The fixed PKCS #8 prefix of an Ed25519 private key (RFC 8410 §7) before its 32 bytes.
    static let ed25519PKCS8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]
    /// Largest PEM private key accepted, in bytes.
    static let maxPEMBytes = 16 * 1024

    /// Reads a PEM private key: PKCS #8 `PRIVATE KEY` (Ed25519, P-256, P-384, RSA), SEC 1
    /// `EC PRIVATE KEY` or PKCS #1 `RSA PRIVATE KEY`. RSA keys sign with `rsaAlgorithm`
    /// (PS256 unless told otherwise, as Gaia-X does).
    public init(pem: String, rsaAlgorithm: JWSAlgorithm = .ps256) throws(IdentityError) {
        guard pem.utf8.count <= Self.maxPEMBytes else {
            throw IdentityError("the PEM private key is larger than \(Self.maxPEMBytes) bytes", reason: .limitExceeded)
        }
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw IdentityError("the private key is not valid PEM: \(error)")
        }
        switch document.discriminator {
        case "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY": break
        default: throw IdentityError("PEM block \"\(document.discriminator)\" is not a private key")
        }
        let der = document.derBytes
        if der.count == 48, Array(der.prefix(16)) == Self.ed25519PKCS8Prefix,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        {
            self = .ed25519(key)
        } else if let key = try? P256.Signing.PrivateKey(pemRepresentation: pem) {
            self = .p256(key)
        } else if let key = try? P384.Signing.PrivateKey(pemRepresentation: pem) {
            self = .p384(key)
        } else if let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pem) {
            guard key.keySizeInBits >= PublicKey.minimumRSABits else {
                throw IdentityError(
                    "RSA keys of \(key.keySizeInBits) bits are refused (at least \(PublicKey.minimumRSABits))")
            }
            self = rsaAlgorithm == .rs256 ? .rsaPKCS1(key) : .rsaPSS(key)
        } else {
            throw IdentityError(
                "the PEM private key is not an Ed25519, P-256, P-384 or RSA key Espace can read", reason: .unsupported)
        }
    }

    /// The key as swift-certificates represents it (for signing certificates).
    public var certificatePrivateKey: Certificate.PrivateKey {
        switch self {
        case .ed25519(let key): return Certificate.PrivateKey(key)
        case .p256(let key): return Certificate.PrivateKey(key)
        case .p384(let key): return Certificate.PrivateKey(key)
        case .rsaPSS(let key), .rsaPKCS1(let key): return Certificate.PrivateKey(key)
        }
    }

    /// The key as PEM: PKCS #8 `PRIVATE KEY` for Ed25519 and EC keys, PKCS #1
    /// `RSA PRIVATE KEY` for RSA keys.
    public func pem() throws(IdentityError) -> String {
        do {
            return try certificatePrivateKey.serializeAsPEM().pemString
        } catch {
            throw IdentityError("the private key could not be encoded as PEM: \(error)")
        }
    }
}
