import EspaceIdentity
import EspaceJSON

/// VC-JWT as VC Data Model 1.1 §6.3.1 defines it: the credential in a `vc` claim (a
/// presentation in `vp`), with `iss` (issuer or holder), `sub` (subject id), `nbf`
/// (issuanceDate), `exp` (expirationDate), `jti` (id), and `aud`/`nonce` for presentations.
public enum CredentialJWT11 {
    /// A decoded, not yet verified, VC-JWT 1.1 with the credential or presentation rebuilt
    /// from the claims.
    public struct Decoded: Sendable {
        /// The token, split and decoded.
        public let token: CompactJWT
        /// The credential (`vc` claim, completed from the registered claims), if any.
        public let credential: VerifiableCredential?
        /// The presentation (`vp` claim, completed from the registered claims), if any.
        public let presentation: VerifiablePresentation?
        public var header: JSONObject { token.header }
        public var claims: JSONObject { token.payload }
    }

    /// Decodes a VC-JWT 1.1 and rebuilds the credential or presentation: `iss` sets the
    /// issuer (holder), `jti` the id, `sub` the subject id, `nbf`/`exp` the issuance and
    /// expiration dates. A claim that disagrees with the same property inside `vc`/`vp` is
    /// `.wrongIssuer` (issuer, holder) or `.malformed`.
    public static func decode(_ jwt: String) throws(IdentityError) -> Decoded {
        let token = try CompactJWT(jwt)
        let claims = token.payload
        switch (claims["vc"], claims["vp"]) {
        case (.object(var vc)?, nil):
            try merge(&vc, "issuer", from: claims, claim: "iss", reason: .wrongIssuer, compare: { $0.stringValue ?? $0["id"]?.stringValue })
            try merge(&vc, "id", from: claims, claim: "jti")
            try mergeDate(&vc, "issuanceDate", from: claims, claim: "nbf")
            try mergeDate(&vc, "expirationDate", from: claims, claim: "exp")
            if claims["sub"] != nil {
                guard case .object(var subject)? = vc["credentialSubject"] else {
                    throw IdentityError("the JWT has a sub claim but vc.credentialSubject is not a single object")
                }
                try merge(&subject, "id", from: claims, claim: "sub")
                vc["credentialSubject"] = .object(subject)
            }
            return Decoded(token: token, credential: VerifiableCredential(json: vc), presentation: nil)
        case (nil, .object(var vp)?):
            try merge(&vp, "holder", from: claims, claim: "iss", reason: .wrongIssuer, compare: { $0.stringValue ?? $0["id"]?.stringValue })
            try merge(&vp, "id", from: claims, claim: "jti")
            return Decoded(token: token, credential: nil, presentation: VerifiablePresentation(json: vp))
        case (nil, nil):
            throw IdentityError("the JWT has neither a vc nor a vp claim, so it is not a VC-JWT 1.1")
        default:
            throw IdentityError("the JWT must have exactly one of the vc and vp claims, each an object")
        }
    }

    /// Signs a 1.1 credential as a VC-JWT: `issuer` → `iss`, `id` → `jti`, `issuanceDate` →
    /// `nbf`, `expirationDate` → `exp`, a single subject's `id` → `sub` (moved out of `vc`).
    public static func sign(credential: VerifiableCredential, key: PrivateKey, kid: String) throws(IdentityError) -> String {
        var vc = credential.json
        var claims: JSONObject = [:]
        guard let issuer = credential.issuerID else { throw IdentityError("the credential has no issuer") }
        claims["iss"] = .string(issuer)
        if case .string = vc["issuer"] { vc["issuer"] = nil }
        if let id = credential.id {
            claims["jti"] = .string(id)
            vc["id"] = nil
        }
        for (name, claim) in [("issuanceDate", "nbf"), ("expirationDate", "exp")] {
            guard let text = vc[name]?.stringValue else { continue }
            guard let instant = XSDDateTime.instant(text, requireTimezone: false) else {
                throw IdentityError("credential.\(name) \"\(text)\" is not an XML Schema dateTime")
            }
            claims[claim] = .number(JSONNumber(Int(instant.rounded(.down))))
            vc[name] = nil
        }
        if case .object(var subject)? = vc["credentialSubject"], case .string(let sub)? = subject["id"] {
            claims["sub"] = .string(sub)
            subject["id"] = nil
            vc["credentialSubject"] = .object(subject)
        }
        claims["vc"] = .object(vc)
        return try JWS.sign(try bytes(claims), key: key, header: ["typ": "JWT", "kid": .string(kid)])
    }

    /// Signs a 1.1 presentation as a VC-JWT: `holder` → `iss`, `id` → `jti`, plus `aud`,
    /// `nonce`, and `nbf`/`exp` from `validity` (seconds since 1970).
    public static func sign(
        presentation: VerifiablePresentation, key: PrivateKey, kid: String, audience: String? = nil, nonce: String? = nil,
        validity: ClosedRange<Double>? = nil
    ) throws(IdentityError) -> String {
        var vp = presentation.json
        var claims: JSONObject = [:]
        guard let holder = presentation.holderID else { throw IdentityError("the presentation has no holder") }
        claims["iss"] = .string(holder)
        vp["holder"] = nil
        if let id = presentation.id {
            claims["jti"] = .string(id)
            vp["id"] = nil
        }
        if let audience { claims["aud"] = .string(audience) }
        if let nonce { claims["nonce"] = .string(nonce) }
        if let validity {
            try XSDDateTime.checkRepresentable(validity)
            claims["nbf"] = .number(JSONNumber(Int(validity.lowerBound.rounded(.down))))
            claims["exp"] = .number(JSONNumber(Int(validity.upperBound.rounded(.down))))
        }
        claims["vp"] = .object(vp)
        return try JWS.sign(try bytes(claims), key: key, header: ["typ": "JWT", "kid": .string(kid)])
    }

    /// Verifies a VC-JWT 1.1: the key (`kid`, relative to `iss`) under `assertionMethod`
    /// for credentials or `authentication` for presentations, the signature, the JWT time
    /// claims against the validator's clock, `aud`/`nonce` for presentations, then the
    /// rebuilt credential or presentation with `validator`, and for a presentation each
    /// credential JWT in it (other embedded credentials are refused as `.unsupported`).
    public static func verify(
        _ jwt: String, resolver: any VerificationMethodResolver, validator: CredentialValidator = CredentialValidator(),
        expectations: EnvelopedPresentation.Expectations = EnvelopedPresentation.Expectations()
    ) async throws(IdentityError) -> Decoded {
        let decoded = try decode(jwt)
        guard case .string(let iss)? = decoded.claims["iss"] else {
            throw IdentityError("the VC-JWT has no iss claim naming its issuer or holder")
        }
        let relationship: VerificationRelationship = decoded.credential != nil ? .assertionMethod : .authentication
        _ = try await JOSEKeyCheck.verify(decoded.token, issuer: iss, relationship: relationship, resolver: resolver)
        if let now = validator.options.now {
            var claims = JWT.Expectations(now: now)
            claims.requireExpiry = false
            claims.leeway = validator.options.leeway
            try JWT.check(decoded.claims, claims)
        }
        if let credential = decoded.credential {
            try validator.validate(credential: credential)
        } else if let presentation = decoded.presentation {
            try EnvelopedPresentation.checkAudienceAndNonce(decoded.claims, expectations)
            try validator.validate(presentation: presentation)
            let entries = presentation.verifiableCredentialEntries
            guard entries.count <= EnvelopedPresentation.maxCredentials else {
                throw IdentityError("the presentation holds more than \(EnvelopedPresentation.maxCredentials) credentials", reason: .limitExceeded)
            }
            for (i, entry) in entries.enumerated() {
                guard case .string(let credentialJWT) = entry else {
                    throw IdentityError("vp.verifiableCredential[\(i)] is not a VC-JWT; only JWT credentials are verified here", reason: .unsupported)
                }
                do throws(IdentityError) {
                    let inner = try await verify(credentialJWT, resolver: resolver, validator: validator)
                    guard inner.credential != nil else { throw IdentityError("it is a presentation, not a credential") }
                } catch {
                    throw IdentityError("vp.verifiableCredential[\(i)]: \(error.message)", reason: error.reason)
                }
            }
        }
        return decoded
    }

    static func bytes(_ claims: JSONObject) throws(IdentityError) -> [UInt8] {
        do {
            return try JSONSerializer().serializeBytes(.object(claims))
        } catch {
            throw IdentityError("cannot serialize the JWT claims: \(error)")
        }
    }

    /// Sets `property` from `claim`, or checks they agree when both are present.
    static func merge(
        _ object: inout JSONObject, _ property: String, from claims: JSONObject, claim: String,
        reason: IdentityError.Reason = .malformed, compare: (JSONValue) -> String? = { $0.stringValue }
    ) throws(IdentityError) {
        guard let value = claims[claim] else { return }
        guard case .string(let text) = value else { throw IdentityError("the JWT claim \(claim) must be a string") }
        if let existing = object[property] {
            guard compare(existing) == text else {
                throw IdentityError("the JWT claim \(claim) \"\(text)\" disagrees with \(property) \(existing.jsonText)", reason: reason)
            }
        } else {
            object[property] = .string(text)
        }
    }

    /// Sets a 1.1 date property from a NumericDate claim, or checks they agree (to the second).
    static func mergeDate(_ object: inout JSONObject, _ property: String, from claims: JSONObject, claim: String) throws(IdentityError) {
        guard let value = claims[claim] else { return }
        guard case .number(let n) = value, n.doubleValue.isFinite, abs(n.doubleValue) < 1e12 else {
            throw IdentityError("the JWT claim \(claim) must be a number of seconds")
        }
        let text = XSDDateTime.format(n.doubleValue)
        if let existing = object[property] {
            guard case .string(let s) = existing, let instant = XSDDateTime.instant(s, requireTimezone: false),
                instant.rounded(.down) == n.doubleValue.rounded(.down)
            else {
                throw IdentityError("the JWT claim \(claim) disagrees with \(property) \(existing.jsonText)")
            }
        } else {
            object[property] = .string(text)
        }
    }
}
