import EspaceIdentity
import EspaceJSON

/// The JSON-LD forms: credentials and presentations with embedded proofs.
extension CredentialVerifier {
    func embeddedProofCredential(_ json: JSONObject) async -> VerificationReport {
        var report = VerificationReport(form: .credentialJSONLD)
        let credential = VerifiableCredential(json: json)
        report.pass(.format, "JSON-LD credential with \(credential.proofs.count) embedded proof(s)")
        report.credential = credential
        report.issuer = credential.issuerID
        let verified = await embeddedSignature(
            &report, json, signer: credential.issuerID, purpose: .assertionMethod, role: "issuer")
        await credentialChecks(&report, credential, method: nil, signatureVerified: verified, claims: nil)
        return report
    }

    func embeddedProofPresentation(_ json: JSONObject, depth: Int) async -> VerificationReport {
        let presentation = VerifiablePresentation(json: json)
        if let failure = Self.tooManyCredentials(presentation, form: .presentationJSONLD) { return failure }
        var report = VerificationReport(form: .presentationJSONLD)
        report.pass(
            .format,
            "JSON-LD presentation with \(presentation.proofs.count) embedded proof(s), \(presentation.verifiableCredentialEntries.count) credentials"
        )
        report.presentation = presentation
        report.issuer = presentation.presenterID
        let verified = await embeddedSignature(
            &report, json, signer: presentation.presenterID, purpose: .authentication, role: "holder")
        let proofs = presentation.proofs
        let domains = proofs.flatMap { ($0["domain"]?.asArray ?? []).compactMap(\.stringValue) }
        await presentationChecks(
            &report, presentation, presenter: presentation.presenterID, claims: nil, audiences: domains,
            nonce: proofs.lazy.compactMap { $0["challenge"]?.stringValue }.first,
            entries: presentation.verifiableCredentialEntries, depth: depth, signatureVerified: verified)
        return report
    }

    /// The `signature` check of a JSON-LD form: every embedded proof verifies (challenge and
    /// domain are checked by `audience`), and with `bindKeyToIssuer` each proof's
    /// verification method belongs to the signer.
    func embeddedSignature(
        _ report: inout VerificationReport, _ document: JSONObject, signer: String?, purpose: VerificationRelationship,
        role: String
    ) async -> Bool {
        let expectations = ProofExpectations(purpose: purpose, now: policy.now, clockSkew: policy.leeway)
        let checks = await policy.proofVerifier.check(document, resolver: policy.resolver, expectations: expectations)
        report.proofs = checks
        report.verificationMethod = checks.first?.verificationMethod
        for (i, check) in checks.enumerated() {
            if let error = check.error {
                report.fail(.signature, error, detail: Self.describe(check, index: i))
                return false
            }
        }
        if policy.bindKeyToIssuer {
            guard let signer else {
                report.fail(.signature, IdentityError("the document names no \(role), so its proofs cannot be bound to one"))
                return false
            }
            for check in checks {
                let controller = String(check.verificationMethod.prefix { $0 != "#" })
                guard controller == signer else {
                    report.fail(
                        .signature,
                        IdentityError(
                            "the proof's verification method \(check.verificationMethod) is not a key of the \(role) \(signer)",
                            reason: .wrongIssuer))
                    return false
                }
            }
        }
        report.pass(.signature, checks.enumerated().map { Self.describe($1, index: $0) }.joined(separator: "; "))
        return true
    }

    static func describe(_ check: ProofCheck, index: Int) -> String {
        let suite = check.suite.isEmpty ? check.proofType : check.suite
        return "proof \(index): \(suite) by \(check.verificationMethod.isEmpty ? "(none)" : check.verificationMethod)"
    }
}
