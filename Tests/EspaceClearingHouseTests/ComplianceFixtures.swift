import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceStore
import Foundation
import Testing

/// A data space in one process: a development CA (the registry's trust anchor), a clearing
/// house on a did:key (registry, notary, compliance), and a participant on a did:web whose
/// key is certified by the CA (`x5c` in its DID document, resolved locally).
struct ComplianceFixture {
    static let now = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29T12:00:00Z
    static let terms = Registry.TermsAndConditions(version: "1.0", text: "The rules of the test data space.")
    /// The Gaia-X terms and conditions hash the 25.11 shapes accept (and so does compliance).
    static let gaiaXTermsHash = "4bd7554097444c960292b4726c2efa1373485e8a5565d94d41195214c5e0ceb3"

    let ca: DevelopmentCA
    let house: ClearingHouse
    let participant: String
    let participantKey: PrivateKey
    let documents: LocalDocuments

    /// DID documents served from memory (did:web without HTTP).
    struct LocalDocuments: DIDResolver {
        var documents: [String: DIDDocument]
        func resolve(_ did: String) async throws(IdentityError) -> DIDDocument {
            guard let document = documents[did] else { throw IdentityError("unknown DID \(did)", reason: .resolutionFailed) }
            return document
        }
    }

    static func participantDocument(_ did: String, key: PublicKey, chain: CertificateChain?) throws -> DIDDocument {
        let document = try DIDDocument.forNode(did: did, keys: [.init(fragment: "key-1", publicKey: key, algorithm: .es256)])
        guard let chain, case .object(var json) = document.json, var methods = json["verificationMethod"]?.arrayValue,
            case .object(var method) = methods[0], case .object(var jwk) = method["publicKeyJwk"] ?? .null
        else { return document }
        jwk["x5c"] = .array(try chain.x5c().map { .string($0) })
        method["publicKeyJwk"] = .object(jwk)
        methods[0] = .object(method)
        json["verificationMethod"] = .array(methods)
        return try DIDDocument(json: .object(json))
    }

    /// - Parameters:
    ///   - anchored: whether the registry holds the participant's CA.
    ///   - shapes: Turtle shapes the registry enforces.
    static func make(anchored: Bool = true, shapes: [Registry.Shapes] = [], publicURL: String? = nil) async throws -> ComplianceFixture {
        let ca = try DevelopmentCA.root(subject: "CN=Test Root,O=Espace", notBefore: now - 86_400)
        let participantKey = try PrivateKey.generate(.es256)
        let participant = "did:web:participant.example"
        let chain = try ca.issueChain(publicKey: participantKey.publicKey, commonName: "participant.example", dnsNames: ["participant.example"], notBefore: now - 3_600)
        let documents = LocalDocuments(documents: [participant: try participantDocument(participant, key: participantKey.publicKey, chain: chain)])
        var resolvers = DIDResolvers.offline
        resolvers.resolvers["web"] = documents
        let houseKey = try PrivateKey.generate(.es256)
        let houseDID = try DIDKey.did(for: houseKey.publicKey)
        var settings = ClearingHouse.Settings(did: houseDID, key: houseKey, kid: "#" + houseDID.dropFirst("did:key:".count))
        if anchored { settings.trustAnchors = [try CertificateChain(ca.chain).pem()] }
        settings.termsAndConditions = terms
        settings.resolver = resolvers
        settings.shapes = shapes
        settings.publicURL = publicURL
        let house = try await ClearingHouse.open(settings, store: try await Store.sqlite(path: nil), now: now)
        return ComplianceFixture(ca: ca, house: house, participant: participant, participantKey: participantKey, documents: documents)
    }

    static let context: JSONValue = [
        "https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#",
        ["vcard": "http://www.w3.org/2006/vcard/ns#", "schema": "https://schema.org/"],
    ]

    func sign(_ json: JSONObject, key: PrivateKey? = nil, kid: String? = nil) throws -> String {
        try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: key ?? participantKey, kid: kid ?? participant + "#key-1")
    }

    func legalPerson(registrationNumber: String = "https://participant.example/vat.json#cs", issuer: String? = nil) -> JSONObject {
        [
            "@context": Self.context, "id": "https://participant.example/legal-person.json",
            "type": ["VerifiableCredential", "gx:LegalPerson"], "issuer": .string(issuer ?? participant),
            "validFrom": "2026-11-01T00:00:00Z", "validUntil": "2027-11-01T00:00:00Z",
            "credentialSubject": [
                "id": "https://participant.example/legal-person.json#cs", "schema:name": "Participant SA",
                "gx:registrationNumber": ["id": .string(registrationNumber)],
                "gx:legalAddress": ["type": "gx:Address", "gx:countryCode": "BE"],
                "gx:headquartersAddress": ["type": "gx:Address", "gx:countryCode": "BE"],
            ],
        ]
    }

    func issuerCredential(hash: String? = nil) -> JSONObject {
        [
            "@context": Self.context, "id": "https://participant.example/terms.json",
            "type": ["VerifiableCredential", "gx:Issuer"], "issuer": .string(participant),
            "validFrom": "2026-11-01T00:00:00Z", "validUntil": "2027-11-01T00:00:00Z",
            "credentialSubject": ["id": "https://participant.example/terms.json#cs", "gaiaxTermsAndConditions": .string(hash ?? Self.gaiaXTermsHash)],
        ]
    }

    func serviceOffering(provider: String = "https://participant.example/legal-person.json#cs") -> JSONObject {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#", ["schema": "https://schema.org/"]],
            "id": "https://participant.example/offering.json", "type": ["VerifiableCredential", "gx:ServiceOffering"],
            "issuer": .string(participant), "validFrom": "2026-11-01T00:00:00Z", "validUntil": "2027-11-01T00:00:00Z",
            "credentialSubject": [
                "id": "https://participant.example/offering.json#cs", "schema:name": "Weather observations",
                "gx:providedBy": ["id": .string(provider)],
                "gx:serviceOfferingTermsAndConditions": [
                    "type": "gx:TermsAndConditions",
                    "gx:url": ["@value": "https://participant.example/terms", "@type": "http://www.w3.org/2001/XMLSchema#anyURI"],
                    "gx:hash": .string(String(repeating: "ab", count: 32)),
                ],
            ],
        ]
    }

    /// A label level 1 declaration by the participant for its offering; `answers` overrides
    /// the default "Confirm" of the criteria named.
    func levelOneDeclaration(answers: [String: String] = [:], assignedTo: String = "https://participant.example/offering.json#cs") -> JSONObject {
        var criteria: JSONObject = ["type": "gx:ServiceOfferingCriteria"]
        for criterion in LabelCriteria.gaiaX2210.levels[.labelLevel1] ?? [] {
            criteria["gx:" + criterion.id] = ["type": "gx:CriteriaResponse", "gx:response": .string(answers[criterion.id] ?? "Confirm")]
        }
        for (id, answer) in answers where answer == "-" { criteria["gx:" + id] = nil }
        return [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#"],
            "id": "https://participant.example/label-level-1.json", "type": ["VerifiableCredential", "gx:ServiceOfferingLabelLevel1"],
            "issuer": .string(participant), "validFrom": "2026-11-01T00:00:00Z", "validUntil": "2027-11-01T00:00:00Z",
            "credentialSubject": [
                "id": "https://participant.example/label-level-1.json#cs", "type": "gx:ServiceOfferingLabelLevel1",
                "gx:assignedTo": ["id": .string(assignedTo)], "gx:criteria": .object(criteria),
            ],
        ]
    }

    /// The registration-number credential from `notary` (default: the clearing house's own).
    func vatID(notary: Notary? = nil) async throws -> String {
        let request = try NotaryRequest(
            typeSegment: "vat-id", value: "BE0123456749", vcId: "https://participant.example/vat.json",
            subjectId: "https://participant.example/vat.json#cs")
        return try await (notary ?? house.notary).issue(request, now: Self.now - 3_600).jwt
    }

    func presentation(_ credentials: [String], key: PrivateKey? = nil) throws -> String {
        try Presentation.envelop(
            credentials: credentials, holder: participant, key: key ?? participantKey, kid: participant + "#key-1",
            holderAsIssuer: true)
    }

    /// A presentation with everything compliance needs.
    func conformingPresentation() async throws -> String {
        try presentation([try sign(legalPerson()), try sign(issuerCredential()), try await vatID()])
    }

    /// The failed checks of a refused label-level-1 request.
    func failedLevelOne(_ presentation: String) async -> [ComplianceCheck] {
        do {
            _ = try await house.compliance.assess(presentation, level: .labelLevel1, vcid: "https://ch.example/l1/2", now: ComplianceFixture.now)
            Issue.record("expected a refusal")
            return []
        } catch {
            return error.failures
        }
    }

    /// The names of the failed checks of a refused request.
    func failedChecks(_ presentation: String, at time: Date = ComplianceFixture.now) async -> [ComplianceCheck] {
        do {
            _ = try await house.compliance.assess(presentation, level: .standardCompliance, vcid: "https://ch.example/c/1", now: time)
            Issue.record("expected a refusal")
            return []
        } catch {
            return error.failures
        }
    }
}
