import EspaceJSON

/// The did:jwk method: a DID that is the base64url of a public JWK.
public enum DIDJWK {
    /// The JWK and public key a `did:jwk` identifier encodes (a fragment is ignored).
    public static func publicKey(from did: String) throws(IdentityError) -> (jwk: JWK, key: PublicKey) {
        let object = try jwkObject(from: did)
        let jwk = try JWK(json: .object(object))
        return (jwk, try PublicKey(jwk: jwk))
    }

    /// The JWK object a `did:jwk` identifier encodes, with every member as encoded (`use`,
    /// `alg`, `kid`…); refuses private keys.
    public static func jwkObject(from did: String) throws(IdentityError) -> JSONObject {
        guard did.hasPrefix("did:jwk:") else { throw IdentityError("\(did) is not a did:jwk identifier") }
        var identifier = did.dropFirst("did:jwk:".count)
        if let hash = identifier.firstIndex(of: "#") { identifier = identifier[..<hash] }
        guard identifier.utf8.count <= 8192 else {
            throw IdentityError("did:jwk identifier is too long", reason: .limitExceeded)
        }
        let bytes = try Base64URL.decode(identifier)
        let value: JSONValue
        do {
            value = try JSONParser(limits: JSONLimits(maxBytes: 8192, maxDepth: 4)).parse(bytes)
        } catch {
            throw IdentityError("did:jwk identifier is not a base64url JSON object: \(error)")
        }
        guard case .object(let o) = value else { throw IdentityError("a JWK must be a JSON object") }
        if o["d"] != nil {
            throw IdentityError("did:jwk must not carry a private key (\"d\")")
        }
        return o
    }

    /// The `did:jwk` identifier of a public key (its JWK serialized compactly).
    public static func did(for key: PublicKey) -> String {
        "did:jwk:" + Base64URL.encode(Array(key.jwk.json.jsonText.utf8))
    }
}
