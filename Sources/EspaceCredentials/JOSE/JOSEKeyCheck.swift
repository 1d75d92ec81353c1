import EspaceIdentity
import EspaceJSON

/// Finds and checks the key that signed a secured credential or presentation, then its
/// signature: the header `kid` (a `#fragment` is relative to the issuer) must be a key of
/// the issuer, authorised for `relationship`; the key's published JWK `alg`, if any, must
/// be the header `alg`.
enum JOSEKeyCheck {
    static func verify(
        _ token: CompactJWT, issuer: String, relationship: VerificationRelationship,
        resolver: any VerificationMethodResolver
    ) async throws(IdentityError) -> ResolvedVerificationMethod {
        let alg = try token.algorithm()
        guard let kid = token.headerString("kid"), !kid.isEmpty else {
            throw IdentityError("the JOSE header has no \"kid\" naming the signing key")
        }
        let kidURL = kid.hasPrefix("#") ? issuer + kid : kid
        let controller = kidURL.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? kidURL
        guard controller == issuer else {
            throw IdentityError("the kid \(kidURL) is a key of \(controller), not of the issuer \(issuer)", reason: .wrongIssuer)
        }
        let method = try await resolver.resolveVerificationMethod(kidURL, for: relationship)
        if case .string(let published)? = method.publishedJWK?["alg"], published != alg.rawValue {
            throw IdentityError("the key \(kidURL) is published for \(published), but the JWT is signed with \(alg.rawValue)", reason: .keyMismatch)
        }
        _ = try JWS.verify(token.compact, key: method.publicKey)
        return method
    }

    /// The header `iss` must be `expected` when present.
    static func checkHeaderIssuer(_ token: CompactJWT, expected: String, what: String) throws(IdentityError) {
        guard let value = token.header["iss"] else { return }
        guard case .string(let iss) = value, iss == expected else {
            throw IdentityError("the JOSE header iss \(value.jsonText) is not the \(what) \(expected)", reason: .wrongIssuer)
        }
    }

    /// Checks `typ` (required) and `cty` (optional) against the accepted spellings.
    static func checkMediaTypes(_ token: CompactJWT, typ: Set<String>, cty: Set<String>) throws(IdentityError) {
        guard let value = token.header["typ"] else {
            throw IdentityError("the JOSE header has no \"typ\" (expected one of \(typ.sorted()))")
        }
        guard case .string(let t) = value, typ.contains(t.lowercased()) else {
            throw IdentityError("the JOSE header typ \(value.jsonText) is not one of \(typ.sorted())", reason: .unsupported)
        }
        if let value = token.header["cty"] {
            guard case .string(let c) = value, cty.contains(c.lowercased()) else {
                throw IdentityError("the JOSE header cty \(value.jsonText) is not one of \(cty.sorted())", reason: .unsupported)
            }
        }
    }

    /// Serializes a payload object with RFC 8785 JCS (so a digest of the payload bytes is
    /// the Gaia-X digestSRI) and signs it with the given header members.
    static func sign(_ payload: JSONObject, key: PrivateKey, header: JSONObject) throws(IdentityError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try JSONCanonicalization.canonicalBytes(.object(payload))
        } catch {
            throw IdentityError("cannot serialize the JWT payload: \(error)")
        }
        return try JWS.sign(bytes, key: key, header: header)
    }
}
