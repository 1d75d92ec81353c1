import Crypto
import EspaceIdentity

/// Multikey secret keys (`secretKeyMultibase` / `privateKeyMultibase`): multibase base58btc
/// of the multicodec `ed25519-priv` (0x1300) code and the 32-byte seed.
public enum MultikeySecretKey {
    /// The multicodec code of Ed25519 secret keys.
    public static let ed25519PrivateCode: UInt64 = 0x1300

    /// The signing key a `z…` Multikey secret encodes.
    public static func privateKey(fromMultibase text: String) throws(IdentityError) -> PrivateKey {
        guard text.first == "z" else { throw IdentityError("a Multikey secret is multibase base58btc (starts with \"z\")") }
        let (code, payload) = try Multicodec.decode(try Base58.decode(text.dropFirst()))
        guard code == ed25519PrivateCode else {
            throw IdentityError("Multikey secret code 0x\(String(code, radix: 16)) is not supported", reason: .unsupported)
        }
        guard payload.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: payload) else {
            throw IdentityError("an Ed25519 secret key has 32 bytes, found \(payload.count)")
        }
        return .ed25519(key)
    }
}
