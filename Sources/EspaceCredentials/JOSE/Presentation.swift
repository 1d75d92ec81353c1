import EspaceIdentity
import EspaceJSON

/// Builds presentations for a holder.
public enum Presentation {
    /// Envelops credential JWTs (`vc+jwt`, each checked to decode as one) in a VC 2.0
    /// presentation from `holder` and signs it as a `vp+jwt` with `key` (`kid` names it).
    ///
    /// - Parameters:
    ///   - audience: the verifier the presentation is for (`aud` claim).
    ///   - nonce: the verifier's challenge (`nonce` claim).
    ///   - validity: seconds since 1970 written as `validFrom`/`validUntil` (Gaia-X Loire
    ///     presentations carry them).
    ///   - holderAsIssuer: also name the holder as `issuer`, as Gaia-X Loire presentations do.
    public static func envelop(
        credentials: [String], holder: String, key: PrivateKey, kid: String, audience: String? = nil,
        nonce: String? = nil, validity: ClosedRange<Double>? = nil, holderAsIssuer: Bool = false
    ) throws(IdentityError) -> String {
        guard URLSyntax.isURL(holder) else { throw IdentityError("the holder \"\(holder)\" is not a URL") }
        guard credentials.count <= EnvelopedPresentation.maxCredentials else {
            throw IdentityError("more than \(EnvelopedPresentation.maxCredentials) credentials", reason: .limitExceeded)
        }
        var entries: [JSONValue] = []
        for (i, jwt) in credentials.enumerated() {
            do throws(IdentityError) {
                _ = try EnvelopedCredential.decode(jwt)
            } catch {
                throw IdentityError("credential \(i): \(error.message)", reason: error.reason)
            }
            entries.append([
                "@context": .string(DataModelVersion.v2_0.baseContext), "id": .string(EnvelopedCredential.dataURL(jwt)),
                "type": "EnvelopedVerifiableCredential",
            ])
        }
        var vp: JSONObject = [
            "@context": [.string(DataModelVersion.v2_0.baseContext)], "type": "VerifiablePresentation", "holder": .string(holder),
            "verifiableCredential": .array(entries),
        ]
        if holderAsIssuer { vp["issuer"] = .string(holder) }
        if let validity {
            try XSDDateTime.checkRepresentable(validity)
            vp["validFrom"] = .string(XSDDateTime.format(validity.lowerBound))
            vp["validUntil"] = .string(XSDDateTime.format(validity.upperBound))
        }
        if let audience { vp["aud"] = .string(audience) }
        if let nonce { vp["nonce"] = .string(nonce) }
        return try EnvelopedPresentation.sign(presentation: VerifiablePresentation(json: vp), key: key, kid: kid)
    }
}
