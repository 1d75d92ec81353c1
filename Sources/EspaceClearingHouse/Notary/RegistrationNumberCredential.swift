import EspaceCredentials
import EspaceJSON
import Foundation

/// The registration-number credential of Gaia-X Loire (ontology 25.11), shaped like the one
/// the OVH notary issues: VC 2.0, the Gaia-X development context, `type`
/// `["VerifiableCredential", "gx:VatID"]` (or LeiCode, EORI, EUID, TaxID,
/// LocalRegistrationNumber), the number in the subject under the property the shapes name,
/// and one `evidence` entry saying how it was checked.
public enum RegistrationNumberCredential {
    /// The contexts of every notary credential.
    public static let baseContexts: [JSONValue] = [
        "https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#",
    ]

    /// `gx:evidenceURL` of a number checked offline only (no registry consulted).
    public static let offlineEvidenceURL = "urn:espace:notary:offline-check"

    /// The unsigned credential for `checked`, issued by `issuer` at `checked.checkedAt` for `validity` seconds.
    public static func build(
        _ checked: CheckedRegistrationNumber, request: NotaryRequest, issuer: String, validity: TimeInterval
    ) -> JSONObject {
        let type = checked.number.type
        let start = checked.checkedAt.timeIntervalSince1970.rounded(.down)
        var contexts = baseContexts
        if type.numberProperty.hasPrefix("schema:") { contexts.append(["schema": "https://schema.org/"]) }
        var credential: JSONObject = [
            "@context": .array(contexts),
            "type": ["VerifiableCredential", .string(type.credentialType)],
            "id": .string(request.vcId),
            "name": .string(type.displayName),
            "description": .string(type.displayDescription),
            "issuer": .string(issuer),
            "validFrom": .string(XSDDateTime.format(start)),
            "validUntil": .string(XSDDateTime.format(start + validity)),
        ]
        credential["credentialSubject"] = .object(subject(checked, id: request.subjectId))
        credential["evidence"] = .object(evidence(checked, at: start))
        return credential
    }

    /// `credentialSubject`: the id, the type (so the subject itself is the shape's focus node),
    /// the number and what the shapes allow beside it (`gx:countryCode` for VAT IDs and LEIs,
    /// `gx:subdivisionCountryCode` for LEIs when the registry states it, `gx:country` for EORI).
    static func subject(_ checked: CheckedRegistrationNumber, id: String) -> JSONObject {
        let number = checked.number
        var subject: JSONObject = [
            "id": .string(id), "type": .string(number.type.credentialType),
            number.type.numberProperty: .string(number.value),
        ]
        switch number.type {
        case .vatID, .leiCode:
            if let country = checked.countryCode { subject["gx:countryCode"] = .string(country) }
            if number.type == .leiCode, let subdivision = checked.online?.subdivisionCode {
                subject["gx:subdivisionCountryCode"] = .string(subdivision)
            }
        case .eori:
            if let name = EORIValidator.countryName(of: number.value) { subject["gx:country"] = .string(name) }
        case .euid, .taxID, .local:
            break
        }
        return subject
    }

    /// The evidence entry: the Loire members (`gx:evidenceOf`, `gx:evidenceURL`,
    /// `gx:executionDate`), a `type` (VC 2.0 requires one), the offline rule applied, whether
    /// check digits were verified, and the registry consulted.
    static func evidence(_ checked: CheckedRegistrationNumber, at start: Double) -> JSONObject {
        var evidence: JSONObject = [
            "type": "gx:Evidence",
            "gx:evidenceOf": .string(checked.number.type.credentialType),
            "gx:evidenceURL": .string(checked.online?.evidenceURL ?? offlineEvidenceURL),
            "gx:executionDate": .string(XSDDateTime.format(start)),
            "gx:offlineCheck": .string(checked.number.check.algorithm),
            "gx:checkDigitsVerified": .bool(checked.number.check.checkDigitsVerified),
        ]
        if let online = checked.online { evidence["gx:onlineRegistry"] = .string(online.registry) }
        return evidence
    }
}
