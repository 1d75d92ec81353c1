import EspaceJSON

/// The Gaia-X key check in one call: take the chain from a published JWK's `x5c` (preferred)
/// or `x5u`, validate it to the trust anchors, and require the JWK to be the leaf's key.
public enum JWKChainVerifier {
    /// Verifies `jwk` (a published JWK object carrying `x5c` or `x5u`); returns a summary of the
    /// leaf certificate. `http` is needed only for `x5u` (https unless `allowInsecureHTTP`).
    ///
    /// Throws `.malformed` if the JWK has neither member (or a wrongly typed one), the
    /// `ChainValidator` reasons for the chain, and `.jwkNotLeafKey` if the keys differ.
    public static func verify(
        jwk: JSONObject, anchors: TrustAnchors, options: ChainValidator.Options, http: (any HTTPClient)? = nil,
        allowInsecureHTTP: Bool = false
    ) async throws(IdentityError) -> CertificateSummary {
        let key = try PublicKey(jwk: try JWK(json: .object(jwk)))
        let chain: CertificateChain
        if let x5c = jwk["x5c"] {
            guard case .array(let items) = x5c else { throw IdentityError("JWK member \"x5c\" must be an array") }
            var strings: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let s) = item else { throw IdentityError("JWK \"x5c\"[\(index)] must be a string") }
                strings.append(s)
            }
            chain = try CertificateChain(x5c: strings)
        } else if let x5u = jwk["x5u"] {
            guard case .string(let url) = x5u else { throw IdentityError("JWK member \"x5u\" must be a string") }
            guard let http else {
                throw IdentityError(
                    "the JWK names x5u \"\(url)\" but no HTTP client is configured", reason: .resolutionFailed)
            }
            chain = try await X5UFetcher(http: http, allowInsecureHTTP: allowInsecureHTTP).fetch(url)
        } else {
            throw IdentityError("the JWK has neither \"x5c\" nor \"x5u\": no certificate chain to check")
        }
        let validated = try await ChainValidator(anchors: anchors, options: options).validate(chain)
        try LeafKeyCheck.check(key: key, leaf: validated.leaf)
        return try CertificateSummary(validated.leaf)
    }
}
