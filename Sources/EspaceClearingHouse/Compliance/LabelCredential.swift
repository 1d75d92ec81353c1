import EspaceCredentials
import EspaceJSON
import Foundation

/// The compliance output: a `gx:LabelCredential` shaped like the real Loire one
/// (`shared/gaiax/loire/compliance-label-credential-2026.decoded.json`).
enum LabelCredential {
    /// The criteria the standard-compliance checks verify (Compliance Document 25.10, participant).
    static let standardComplianceCriteria = [
        "https://docs.gaia-x.eu/policy-rules-committee/compliance-document/25.10/criteria_participant/#PA1.1"
    ]

    static func build(
        id: String, issuer: String, level: String, engineVersion: String, rulesVersion: String, credentials: [JSONObject],
        validatedCriteria: [String], declaredCriteria: [String] = [], now: Date, validity: TimeInterval
    ) throws -> VerifiableCredential {
        var compliant: [JSONValue] = []
        for payload in credentials {
            let type = payload["type"]?.asArray.compactMap(\.stringValue).first { $0 != "VerifiableCredential" } ?? "VerifiableCredential"
            var entry: JSONObject = ["type": .string(type), "gx:digestSRI": .string(try DigestSRI.compute(.object(payload)))]
            if let credentialID = payload["id"]?.stringValue { entry["id"] = .string(credentialID) }
            compliant.append(.object(entry))
        }
        var json: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#"],
            "type": ["VerifiableCredential", "gx:LabelCredential"],
            "id": .string(id),
            "issuer": .string(issuer),
            "validFrom": .string(XSDDateTime.format(now.timeIntervalSince1970)),
            "validUntil": .string(XSDDateTime.format(now.timeIntervalSince1970 + validity)),
            "credentialSubject": [
                "id": .string(id + "#cs"),
                "gx:labelLevel": .string(level),
                "gx:engineVersion": .string(engineVersion),
                "gx:rulesVersion": .string(rulesVersion),
                "gx:compliantCredentials": .array(compliant),
                "gx:validatedCriteria": .array((validatedCriteria + declaredCriteria).map { .string($0) }),
            ],
        ]
        if !declaredCriteria.isEmpty {
            // What was verified from the credentials and what was accepted as the participant's
            // declaration (outside the subject, whose Gaia-X shape is closed).
            json["evidence"] = [
                [
                    "type": "gx:CriteriaAssessment",
                    "gx:verifiedCriteria": .array(validatedCriteria.map { .string($0) }),
                    "gx:declaredCriteria": .array(declaredCriteria.map { .string($0) }),
                ]
            ]
        }
        return VerifiableCredential(json: json)
    }
}
