import EspaceIdentity
import EspaceJSON

/// Credentials secured with JOSE as VC-JOSE-COSE and Gaia-X Loire use them (`vc+jwt`): the
/// credential JSON is the JWT payload itself (no `vc` claim), the issuer and key are named
/// by the protected header's `iss` and `kid`.
public enum EnvelopedCredential {
    /// `typ` values accepted on input (Loire notaries write `vc+ld+jwt`, ICAM 24.07 `vc+ld+json+jwt`).
    public static let acceptedTypes: Set<String> = ["vc+jwt", "vc+ld+jwt", "vc+ld+json+jwt"]
    /// `cty` values accepted on input.
    public static let acceptedContentTypes: Set<String> = ["vc", "vc+ld", "vc+ld+json"]
    /// Media types of `data:` URLs that envelop a credential JWT in a presentation.
    public static let dataURLMediaTypes: Set<String> = ["application/vc+jwt", "application/vc+ld+json+jwt", "application/vc+ld+jwt"]

    /// A decoded, not yet verified, credential JWT.
    public struct Decoded: Sendable {
        /// The token, split and decoded.
        public let token: CompactJWT
        public let credential: VerifiableCredential
        /// The protected header.
        public var header: JSONObject { token.header }
    }

    /// A verified credential JWT: the credential, its header and the key that signed it.
    public struct Verified: Sendable {
        public let credential: VerifiableCredential
        public let header: JSONObject
        public let verificationMethod: ResolvedVerificationMethod
    }

    /// Signs `credential` as a `vc+jwt` (header `typ: vc+jwt`, `cty: vc`, `iss` = the
    /// credential's issuer, `kid`), the payload being the credential in JCS form.
    public static func sign(credential: VerifiableCredential, key: PrivateKey, kid: String) throws(IdentityError) -> String {
        guard let issuer = credential.issuerID else {
            throw IdentityError("the credential has no issuer id to put in the JOSE header")
        }
        let header: JSONObject = ["typ": "vc+jwt", "cty": "vc", "iss": .string(issuer), "kid": .string(kid)]
        return try JOSEKeyCheck.sign(credential.json, key: key, header: header)
    }

    /// Decodes a credential JWT and checks its form: accepted `typ`/`cty`, no `vc`/`vp`
    /// wrapper claims, a credential object at the payload root.
    public static func decode(_ jwt: String) throws(IdentityError) -> Decoded {
        let token = try CompactJWT(jwt)
        try JOSEKeyCheck.checkMediaTypes(token, typ: acceptedTypes, cty: acceptedContentTypes)
        for wrapper in ["vc", "vp"] where token.payload[wrapper] != nil {
            throw IdentityError("the payload has a \"\(wrapper)\" claim: a vc+jwt carries the credential at the payload root, not wrapped (VC-JWT 1.1 form)")
        }
        return Decoded(token: token, credential: VerifiableCredential(json: token.payload))
    }

    /// Verifies a credential JWT: form, key (`kid` under `assertionMethod` of the issuer),
    /// signature, header `iss` = credential issuer, then the credential with `validator`
    /// (whose clock checks the validity period).
    public static func verify(
        _ jwt: String, resolver: any VerificationMethodResolver, validator: CredentialValidator = CredentialValidator()
    ) async throws(IdentityError) -> Verified {
        let decoded = try decode(jwt)
        guard let issuer = decoded.credential.issuerID else { throw IdentityError("the credential has no issuer") }
        try JOSEKeyCheck.checkHeaderIssuer(decoded.token, expected: issuer, what: "credential issuer")
        let method = try await JOSEKeyCheck.verify(decoded.token, issuer: issuer, relationship: .assertionMethod, resolver: resolver)
        var strict = validator
        strict.options.mode = .verification
        try strict.validate(credential: decoded.credential)
        return Verified(credential: decoded.credential, header: decoded.header, verificationMethod: method)
    }

    /// The `data:` URL that envelops `jwt` in a presentation.
    public static func dataURL(_ jwt: String) -> String { "data:application/vc+jwt," + jwt }

    /// The credential JWT inside an enveloping `data:` URL.
    public static func jwt(fromDataURL text: String) throws(IdentityError) -> String {
        let url = try DataURL(text)
        guard dataURLMediaTypes.contains(url.mediaType) else {
            throw IdentityError("the data: URL's media type \(url.mediaType) is not one of \(dataURLMediaTypes.sorted())", reason: .unsupported)
        }
        guard !url.parameters.contains(where: { $0.lowercased() == "base64" }) else {
            throw IdentityError("the data: URL is base64-encoded; an enveloped JWT is written as is", reason: .unsupported)
        }
        return url.data
    }
}
