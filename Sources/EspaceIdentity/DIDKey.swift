import Crypto

/// The did:key method: a DID that is its own public key (multibase base58btc of the
/// multicodec-prefixed key). Ed25519, P-256, P-384 and P-521 keys are supported.
public enum DIDKey {
    /// The public key a `did:key` identifier encodes (a fragment, if any, is ignored).
    public static func publicKey(from did: String) throws(IdentityError) -> PublicKey {
        guard did.hasPrefix("did:key:") else { throw IdentityError("\(did) is not a did:key identifier") }
        var identifier = did.dropFirst("did:key:".count)
        if let hash = identifier.firstIndex(of: "#") { identifier = identifier[..<hash] }
        guard identifier.first == "z" else {
            throw IdentityError("did:key identifiers are base58btc multibase (a leading 'z'): \(did)")
        }
        return try publicKey(multicodec: try Base58.decode(identifier.dropFirst()), in: did)
    }

    /// The public key of multicodec-prefixed key bytes (the payload of did:key and of
    /// `publicKeyMultibase`); `place` names where they came from in errors.
    public static func publicKey(multicodec bytes: [UInt8], in place: String) throws(IdentityError) -> PublicKey {
        let (code, payload) = try Multicodec.decode(bytes)
        do {
            switch Multicodec(rawValue: code) {
            case .ed25519Public?:
                return .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: payload))
            case .p256Public?:
                return .p256(try P256.Signing.PublicKey(compressedRepresentation: payload))
            case .p384Public?:
                return .p384(try P384.Signing.PublicKey(compressedRepresentation: payload))
            case .p521Public?:
                return .p521(try P521.Signing.PublicKey(compressedRepresentation: payload))
            default:
                throw IdentityError(
                    "unsupported multicodec key type 0x\(String(code, radix: 16)) in \(place)", reason: .unsupported)
            }
        } catch let error as IdentityError {
            throw error
        } catch {
            throw IdentityError("\(place) does not hold a valid public key: \(error)")
        }
    }

    /// The `did:key` identifier of a public key.
    public static func did(for key: PublicKey) throws(IdentityError) -> String {
        guard let bytes = key.multicodecBytes else { throw IdentityError("this key type has no did:key form here") }
        return "did:key:z" + Base58.encode(bytes)
    }
}
