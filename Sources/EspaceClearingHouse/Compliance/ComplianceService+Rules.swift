import EspaceJSON
import Foundation

extension ComplianceService {
    /// The Gaia-X rules over the decoded credentials: a legal person and terms acceptance by
    /// the participant, a registration number by a trusted notary, and consistency.
    func rules(_ payloads: [JSONObject], participant: String) async throws(ComplianceRefusal) -> [ComplianceCheck] {
        var checks: [ComplianceCheck] = []
        func types(_ payload: JSONObject) -> [String] { payload["type"]?.asArray.compactMap(\.stringValue) ?? [] }
        func issuer(_ payload: JSONObject) -> String? { payload["issuer"]?.stringValue ?? payload["issuer"]?["id"]?.stringValue }
        let indexed = Array(payloads.enumerated())

        // gx:LegalPerson by the participant.
        let legalPersons = indexed.filter { GaiaX.hasType(types($0.element), "LegalPerson") }
        if legalPersons.isEmpty {
            checks.append(ComplianceCheck(.legalPerson, passed: false, path: "verifiableCredential", "the presentation holds no gx:LegalPerson credential"))
        }
        for (index, payload) in legalPersons {
            let by = issuer(payload) ?? "nobody"
            checks.append(
                ComplianceCheck(
                    .legalPerson, passed: by == participant, path: "verifiableCredential[\(index)].issuer",
                    by == participant ? "the gx:LegalPerson is issued by the participant \(participant)"
                        : "the gx:LegalPerson is issued by \(by), not by the participant \(participant)"))
        }

        // A registration number from a trusted notary.
        let notaries: [String]
        do {
            notaries = try await registry.store.trustedIssuers(.notary)
        } catch {
            throw ComplianceRefusal(status: 503, failures: [ComplianceCheck(.trustedNotary, passed: false, "the registry cannot be read: \(error)")])
        }
        let numbers = indexed.filter { entry in GaiaX.registrationNumberTypes.contains { GaiaX.hasType(types(entry.element), $0) } }
        if numbers.isEmpty {
            checks.append(
                ComplianceCheck(
                    .registrationNumber, passed: false, path: "verifiableCredential",
                    "the presentation holds no registration-number credential (gx:VatID, gx:LeiCode, gx:EORI, gx:EUID, gx:TaxID or gx:LocalRegistrationNumber)"))
        } else {
            checks.append(ComplianceCheck(.registrationNumber, passed: true, "\(numbers.count) registration-number credential(s)"))
        }
        for (index, payload) in numbers {
            let by = issuer(payload) ?? "nobody"
            let trusted = notaries.contains(by)
            checks.append(
                ComplianceCheck(
                    .trustedNotary, passed: trusted, path: "verifiableCredential[\(index)].issuer",
                    trusted ? "\(by) is a trusted notary" : "\(by) is not a notary the registry trusts"))
        }

        // Terms and conditions accepted by the participant.
        let accepted = Set([registry.termsAndConditions?.hash].compactMap { $0 }).union(GaiaX.gaiaXTermsHashes)
        let issuers = indexed.filter { GaiaX.hasType(types($0.element), "Issuer") }
        if issuers.isEmpty {
            checks.append(ComplianceCheck(.termsAndConditions, passed: false, path: "verifiableCredential", "the presentation holds no gx:Issuer credential accepting the terms and conditions"))
        }
        for (index, payload) in issuers {
            let hash = GaiaX.subjects(payload).compactMap { GaiaX.property($0, "gaiaxTermsAndConditions")?.stringValue }.first
            let by = issuer(payload) ?? "nobody"
            let ok = hash.map(accepted.contains) ?? false
            let path = "verifiableCredential[\(index)].credentialSubject.gaiaxTermsAndConditions"
            if by != participant {
                checks.append(ComplianceCheck(.termsAndConditions, passed: false, path: "verifiableCredential[\(index)].issuer", "the gx:Issuer is issued by \(by), not by the participant"))
            } else {
                checks.append(
                    ComplianceCheck(
                        .termsAndConditions, passed: ok, path: path,
                        ok ? "the participant accepts the terms and conditions (\(hash ?? ""))"
                            : "\(hash.map { "\"\($0)\"" } ?? "no hash") is not the hash of the terms and conditions\(registry.termsAndConditions.map { " (version \($0.version): \($0.hash))" } ?? "")"))
            }
        }

        // Consistency: the legal person's registration number is a notary's subject.
        let numberSubjects = Set(numbers.flatMap { GaiaX.subjects($0.element).compactMap { $0["id"]?.stringValue } })
        for (index, payload) in legalPersons {
            for subject in GaiaX.subjects(payload) {
                let referenced = GaiaX.ids(GaiaX.property(subject, "registrationNumber"))
                let path = "verifiableCredential[\(index)].credentialSubject.gx:registrationNumber"
                if referenced.isEmpty {
                    checks.append(ComplianceCheck(.consistency, passed: false, path: path, "the gx:LegalPerson names no registration number"))
                } else if let missing = referenced.first(where: { !numberSubjects.contains($0) }) {
                    checks.append(
                        ComplianceCheck(.consistency, passed: false, path: path, "the registration number \(missing) is not the subject of a registration-number credential in the presentation"))
                } else {
                    checks.append(ComplianceCheck(.consistency, passed: true, path: path, "the registration number is certified by a notary"))
                }
            }
        }
        // A service offering is provided by the participant's legal person.
        let legalPersonIDs = Set(legalPersons.flatMap { GaiaX.subjects($0.element).compactMap { $0["id"]?.stringValue } })
        for (index, payload) in indexed where GaiaX.hasType(types(payload), "ServiceOffering") {
            for subject in GaiaX.subjects(payload) {
                let providers = GaiaX.ids(GaiaX.property(subject, "providedBy"))
                let path = "verifiableCredential[\(index)].credentialSubject.gx:providedBy"
                let ok = !providers.isEmpty && providers.allSatisfy(legalPersonIDs.contains)
                checks.append(
                    ComplianceCheck(
                        .consistency, passed: ok, path: path,
                        ok ? "the service offering is provided by the participant"
                            : "the service offering's provider \(providers.first ?? "(none)") is not the legal person in the presentation"))
            }
        }
        return checks
    }
}
