import Crypto

extension VerificationMethod {
    /// The public key this method publishes: from `publicKeyJwk`, `publicKeyMultibase`
    /// (multicodec-prefixed, as Multikey and Ed25519VerificationKey2020 use it) or
    /// `publicKeyBase58` (raw Ed25519 key of Ed25519VerificationKey2018).
    public func publicKey() throws(IdentityError) -> PublicKey {
        if let publicKeyJwk {
            do {
                return try PublicKey(jwk: try JWK(json: .object(publicKeyJwk)))
            } catch {
                throw IdentityError("publicKeyJwk of \(id): \(error.message)", reason: error.reason)
            }
        }
        if let publicKeyMultibase {
            guard publicKeyMultibase.first == "z" else {
                throw IdentityError("publicKeyMultibase of \(id) is not base58btc multibase")
            }
            return try DIDKey.publicKey(
                multicodec: try Base58.decode(publicKeyMultibase.dropFirst()), in: "publicKeyMultibase of \(id)")
        }
        if let publicKeyBase58 {
            guard type == "Ed25519VerificationKey2018" else {
                throw IdentityError(
                    "publicKeyBase58 is read only for Ed25519VerificationKey2018, not \(type) (\(id))",
                    reason: .unsupported)
            }
            do {
                return .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: try Base58.decode(publicKeyBase58)))
            } catch let error as IdentityError {
                throw error
            } catch {
                throw IdentityError("publicKeyBase58 of \(id) is not an Ed25519 key: \(error)")
            }
        }
        throw IdentityError("verification method \(id) publishes no public key")
    }
}
