import EspaceIdentity
import EspaceJSON

/// Presentations secured with JOSE (`vp+jwt`), as VC-JOSE-COSE and Gaia-X Loire use them:
/// the presentation JSON at the payload root, credentials enveloped as
/// `EnvelopedVerifiableCredential` entries whose `id` is `data:application/vc+jwt,<jwt>`.
public enum EnvelopedPresentation {
    /// `typ` values accepted on input.
    public static let acceptedTypes: Set<String> = ["vp+jwt", "vp+ld+jwt", "vp+ld+json+jwt"]
    /// `cty` values accepted on input.
    public static let acceptedContentTypes: Set<String> = ["vp", "vp+ld", "vp+ld+json"]

    /// A decoded, not yet verified, presentation JWT with its enveloped credentials decoded.
    public struct Decoded: Sendable {
        /// The token, split and decoded.
        public let token: CompactJWT
        public let presentation: VerifiablePresentation
        /// Each `EnvelopedVerifiableCredential` entry, decoded, in order.
        public let credentials: [EnvelopedCredential.Decoded]
        public var header: JSONObject { token.header }
    }

    /// A verified presentation JWT and its verified credentials.
    public struct Verified: Sendable {
        public let presentation: VerifiablePresentation
        public let header: JSONObject
        public let verificationMethod: ResolvedVerificationMethod
        public let credentials: [EnvelopedCredential.Verified]
    }

    /// What the verifier expects of a presentation JWT beyond its signatures.
    public struct Expectations: Sendable {
        /// The audience the presentation must name (`aud`), if any.
        public var audience: String?
        /// The challenge the presentation must echo (`nonce`), if any.
        public var nonce: String?

        public init(audience: String? = nil, nonce: String? = nil) {
            self.audience = audience
            self.nonce = nonce
        }
    }

    /// Most credentials accepted in one presentation.
    public static let maxCredentials = 256

    /// Signs `presentation` as a `vp+jwt` (header `typ: vp+jwt`, `cty: vp`, `iss` = the
    /// presenter, `kid`).
    public static func sign(presentation: VerifiablePresentation, key: PrivateKey, kid: String) throws(IdentityError) -> String {
        guard let presenter = presentation.presenterID else {
            throw IdentityError("the presentation names no holder to put in the JOSE header")
        }
        let header: JSONObject = ["typ": "vp+jwt", "cty": "vp", "iss": .string(presenter), "kid": .string(kid)]
        return try JOSEKeyCheck.sign(presentation.json, key: key, header: header)
    }

    /// Decodes a presentation JWT and each enveloped credential in it, checking their form.
    /// Credentials embedded as plain objects are refused (`.unsupported`): nothing here
    /// would check their issuer's signature.
    public static func decode(_ jwt: String) throws(IdentityError) -> Decoded {
        let token = try CompactJWT(jwt)
        try JOSEKeyCheck.checkMediaTypes(token, typ: acceptedTypes, cty: acceptedContentTypes)
        for wrapper in ["vc", "vp"] where token.payload[wrapper] != nil {
            throw IdentityError("the payload has a \"\(wrapper)\" claim: a vp+jwt carries the presentation at the payload root, not wrapped (VC-JWT 1.1 form)")
        }
        let presentation = VerifiablePresentation(json: token.payload)
        let entries = presentation.verifiableCredentialEntries
        guard entries.count <= maxCredentials else {
            throw IdentityError("the presentation holds more than \(maxCredentials) credentials", reason: .limitExceeded)
        }
        var credentials: [EnvelopedCredential.Decoded] = []
        for (i, entry) in entries.enumerated() {
            guard case .object(let object) = entry, VerifiableCredential(json: object).isEnveloped else {
                throw IdentityError(
                    "verifiableCredential[\(i)] is not an EnvelopedVerifiableCredential: a vp+jwt carries its credentials enveloped, each secured by its issuer",
                    reason: .unsupported)
            }
            guard case .string(let url)? = object["id"] else {
                throw IdentityError("verifiableCredential[\(i)] has no id holding the enveloped credential")
            }
            do throws(IdentityError) {
                credentials.append(try EnvelopedCredential.decode(try EnvelopedCredential.jwt(fromDataURL: url)))
            } catch {
                throw IdentityError("verifiableCredential[\(i)]: \(error.message)", reason: error.reason)
            }
        }
        return Decoded(token: token, presentation: presentation, credentials: credentials)
    }

    /// Verifies a presentation JWT: form, the presenter's key (`kid` under
    /// `authentication`), signature, header `iss` = holder, audience and nonce, the
    /// presentation's structure and validity period, then every enveloped credential.
    public static func verify(
        _ jwt: String, resolver: any VerificationMethodResolver, validator: CredentialValidator = CredentialValidator(),
        expectations: Expectations = Expectations()
    ) async throws(IdentityError) -> Verified {
        let decoded = try decode(jwt)
        let presenter: String
        if let named = decoded.presentation.presenterID {
            try JOSEKeyCheck.checkHeaderIssuer(decoded.token, expected: named, what: "presentation holder")
            presenter = named
        } else if let iss = decoded.token.headerString("iss") {
            presenter = iss
        } else {
            throw IdentityError("neither the presentation (holder) nor the JOSE header (iss) names the presenter")
        }
        let method = try await JOSEKeyCheck.verify(decoded.token, issuer: presenter, relationship: .authentication, resolver: resolver)
        try checkAudienceAndNonce(decoded.token.payload, expectations)
        if let now = validator.options.now {
            var claims = JWT.Expectations(now: now)
            claims.requireExpiry = false
            claims.leeway = validator.options.leeway
            try JWT.check(decoded.token.payload, claims)
        }
        try validator.validate(presentation: decoded.presentation)
        var credentials: [EnvelopedCredential.Verified] = []
        for (i, credential) in decoded.credentials.enumerated() {
            do throws(IdentityError) {
                credentials.append(try await EnvelopedCredential.verify(credential.token.compact, resolver: resolver, validator: validator))
            } catch {
                throw IdentityError("enveloped credential \(i): \(error.message)", reason: error.reason)
            }
        }
        return Verified(presentation: decoded.presentation, header: decoded.header, verificationMethod: method, credentials: credentials)
    }

    static func checkAudienceAndNonce(_ claims: JSONObject, _ e: Expectations) throws(IdentityError) {
        if let audience = e.audience {
            let names = claims["aud"]?.asArray ?? []
            guard names.contains(.string(audience)) else {
                throw IdentityError("the presentation is not addressed to \(audience) (aud)", reason: .wrongAudience)
            }
        }
        if let nonce = e.nonce {
            guard claims["nonce"] == .string(nonce) else {
                throw IdentityError("the presentation does not echo the expected nonce", reason: .replayed)
            }
        }
    }
}
