import EspaceIdentity
import EspaceJSON

/// The JOSE forms: `vc+jwt`, `vp+jwt` and VC-JWT 1.1.
extension CredentialVerifier {
    func envelopedCredential(_ jwt: String) async -> VerificationReport {
        let decoded: EnvelopedCredential.Decoded
        do {
            decoded = try EnvelopedCredential.decode(jwt)
        } catch {
            return Self.formatFailure(error, form: .credentialJWT)
        }
        var report = VerificationReport(form: .credentialJWT)
        report.pass(.format, "vc+jwt (typ \(decoded.token.headerString("typ") ?? ""))")
        report.credential = decoded.credential
        report.issuer = decoded.credential.issuerID
        let method = await joseSignature(
            &report, decoded.token, signer: decoded.credential.issuerID, relationship: .assertionMethod,
            what: "credential issuer")
        await credentialChecks(
            &report, decoded.credential, method: method, signatureVerified: method != nil, claims: decoded.token.payload)
        return report
    }

    func envelopedPresentation(_ jwt: String, depth: Int) async -> VerificationReport {
        let decoded: EnvelopedPresentation.Decoded
        do {
            decoded = try EnvelopedPresentation.decode(jwt)
        } catch {
            return Self.formatFailure(error, form: .presentationJWT)
        }
        var report = VerificationReport(form: .presentationJWT)
        report.pass(.format, "vp+jwt (typ \(decoded.token.headerString("typ") ?? "")), \(decoded.credentials.count) credentials")
        report.presentation = decoded.presentation
        let presenter = decoded.presentation.presenterID ?? decoded.token.headerString("iss")
        report.issuer = presenter
        let method = await joseSignature(
            &report, decoded.token, signer: presenter, relationship: .authentication, what: "presentation holder")
        let claims = decoded.token.payload
        await presentationChecks(
            &report, decoded.presentation, presenter: presenter, claims: claims,
            audiences: (claims["aud"]?.asArray ?? []).compactMap(\.stringValue), nonce: claims["nonce"]?.stringValue,
            entries: decoded.credentials.map { .string($0.token.compact) }, depth: depth, signatureVerified: method != nil)
        return report
    }

    func credentialJWT11(_ jwt: String, depth: Int, credentialOnly: Bool) async -> VerificationReport {
        let decoded: CredentialJWT11.Decoded
        do {
            decoded = try CredentialJWT11.decode(jwt)
        } catch {
            return Self.formatFailure(error, form: .credentialJWT11)
        }
        let iss = decoded.claims["iss"]?.stringValue
        if let credential = decoded.credential {
            var report = VerificationReport(form: .credentialJWT11)
            report.pass(.format, "VC-JWT 1.1 with a vc claim")
            report.credential = credential
            report.issuer = credential.issuerID ?? iss
            let method = await joseSignature(
                &report, decoded.token, signer: iss, relationship: .assertionMethod, what: "credential issuer")
            await credentialChecks(&report, credential, method: method, signatureVerified: method != nil, claims: decoded.claims)
            return report
        }
        guard let presentation = decoded.presentation else {
            return Self.formatFailure(IdentityError("the VC-JWT carries neither a credential nor a presentation"))
        }
        guard !credentialOnly else {
            return Self.formatFailure(IdentityError("a VC-JWT 1.1 presentation where a credential was expected"))
        }
        if let failure = Self.tooManyCredentials(presentation, form: .presentationJWT11) { return failure }
        var report = VerificationReport(form: .presentationJWT11)
        report.pass(.format, "VC-JWT 1.1 with a vp claim")
        report.presentation = presentation
        report.issuer = iss
        let method = await joseSignature(
            &report, decoded.token, signer: iss, relationship: .authentication, what: "presentation holder")
        await presentationChecks(
            &report, presentation, presenter: iss, claims: decoded.claims,
            audiences: (decoded.claims["aud"]?.asArray ?? []).compactMap(\.stringValue),
            nonce: decoded.claims["nonce"]?.stringValue, entries: presentation.verifiableCredentialEntries, depth: depth,
            signatureVerified: method != nil)
        return report
    }

    /// The `signature` check of a JOSE form: the header `iss` (if any) is the signer, the
    /// `kid` is a key of the signer authorised for `relationship`, and the signature holds.
    func joseSignature(
        _ report: inout VerificationReport, _ token: CompactJWT, signer: String?, relationship: VerificationRelationship,
        what: String
    ) async -> ResolvedVerificationMethod? {
        guard let signer else {
            report.fail(.signature, IdentityError("no \(what) is named, so no key can be looked up", reason: .malformed))
            return nil
        }
        do throws(IdentityError) {
            try JOSEKeyCheck.checkHeaderIssuer(token, expected: signer, what: what)
            let method = try await JOSEKeyCheck.verify(
                token, issuer: signer, relationship: relationship, resolver: policy.resolver)
            report.verificationMethod = method.id
            report.pass(
                .signature, "\(token.headerString("alg") ?? "") signature by \(method.id) (\(relationship.rawValue))")
            return method
        } catch {
            report.fail(.signature, error, detail: token.headerString("kid").map { "kid \($0)" } ?? "")
            return nil
        }
    }
}
