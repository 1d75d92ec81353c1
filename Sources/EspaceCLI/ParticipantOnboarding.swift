import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

/// A participant's onboarding with a clearing house, over HTTP, step by step: its legal
/// person and terms acceptance (self-signed), its registration number (from the clearing
/// house's notary), its compliance credential (from the compliance service), all stored in its
/// wallet (the node's DCP credential service). Used by `espace participant onboard` and
/// `espace demo`. The node must be serving its DID document (with its certificate chain as
/// `x5c`) so the clearing house can resolve it.
struct ParticipantOnboarding {
    /// What the participant declares about itself.
    struct Profile {
        var legalName: String
        var countryCode: String
        var vatID: String
    }

    /// What onboarding produced.
    struct Outcome {
        /// The participant's credentials: legal person, terms acceptance, registration number.
        var credentials: [String]
        /// The compliance credential (nil when refused).
        var label: String?
        /// The failed checks the clearing house named (empty on success).
        var refusal: [String]
    }

    let node: NodeAssembly
    let key: PrivateKey
    let profile: Profile
    let http: any HTTPClient
    let out: Narrator

    var baseURL: String { node.document.service.first?.serviceEndpoint.stringValue ?? "" }

    func sign(_ json: JSONObject) throws -> String {
        try IdentitySupport.report { try EnvelopedCredential.sign(credential: VerifiableCredential(json: json), key: key, kid: node.did + "#key-1") }
    }

    func onboard(clearingHouse: String, now: Date) async throws -> Outcome {
        let house = clearingHouse.hasSuffix("/") ? String(clearingHouse.dropLast()) : clearingHouse
        let (termsStatus, termsBody) = try await get(house + "/v2/api/termsAndConditions")
        guard termsStatus == 200, let terms = (try? JSONParser().parse(termsBody))?["hash"]?.stringValue else {
            throw IdentitySupport.Failure("the clearing house at \(house) publishes no terms and conditions (HTTP \(termsStatus))")
        }
        let context: JSONValue = [
            "https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#",
            ["vcard": "http://www.w3.org/2006/vcard/ns#", "schema": "https://schema.org/"],
        ]
        let from = XSDDateTime.format(now.timeIntervalSince1970 - 60)
        let until = XSDDateTime.format(now.timeIntervalSince1970 + 365 * 86_400)
        let numberID = baseURL + "/credentials/registration-number.json"
        let legalPerson = try sign([
            "@context": context, "id": .string(baseURL + "/credentials/legal-person.json"),
            "type": ["VerifiableCredential", "gx:LegalPerson"], "issuer": .string(node.did),
            "validFrom": .string(from), "validUntil": .string(until),
            "credentialSubject": [
                "id": .string(baseURL + "/credentials/legal-person.json#cs"), "schema:name": .string(profile.legalName),
                "gx:registrationNumber": ["id": .string(numberID + "#cs")],
                "gx:legalAddress": ["type": "gx:Address", "gx:countryCode": .string(profile.countryCode)],
                "gx:headquartersAddress": ["type": "gx:Address", "gx:countryCode": .string(profile.countryCode)],
            ],
        ])
        let acceptance = try sign([
            "@context": context, "id": .string(baseURL + "/credentials/terms.json"),
            "type": ["VerifiableCredential", "gx:Issuer"], "issuer": .string(node.did),
            "validFrom": .string(from), "validUntil": .string(until),
            "credentialSubject": ["id": .string(baseURL + "/credentials/terms.json#cs"), "gaiaxTermsAndConditions": .string(terms)],
        ])
        out.say("   signed its gx:LegalPerson (\(profile.legalName), \(profile.countryCode)) and its acceptance of the terms (\(terms.prefix(12))…)")

        let query = "?vcId=\(Self.encode(numberID))&subjectId=\(Self.encode(numberID + "#cs"))"
        let (numberStatus, numberBody) = try await get(house + "/v2/registration-numbers/vat-id/\(Self.encode(profile.vatID))" + query)
        guard numberStatus == 200 else {
            let message = (try? JSONParser().parse(numberBody))?["message"]?.stringValue ?? String(decoding: numberBody, as: UTF8.self)
            out.say("   ✘ the notary refused the VAT ID \(profile.vatID): HTTP \(numberStatus) \(message)")
            return Outcome(credentials: [legalPerson, acceptance], label: nil, refusal: ["registration-number: \(message)"])
        }
        let number = String(decoding: numberBody, as: UTF8.self)
        out.say("   the notary checked \(profile.vatID) and issued a gx:VatID credential")

        let credentials = [legalPerson, acceptance, number]
        let (label, refusal) = try await compliance(credentials, labelID: baseURL + "/credentials/compliance.json", house: house)
        guard let label else { return Outcome(credentials: credentials, label: nil, refusal: refusal) }
        let own = Set((Self.onboardingCredentials + ["compliance"]).map { Self.subject($0, base: baseURL) })
        for jwt in credentials + [label] {
            do {
                _ = try await node.wallet.store(jwt, now: now.timeIntervalSince1970, subjects: own)
            } catch {
                throw IdentitySupport.Failure("the wallet refused a credential: \(error.message)")
            }
        }
        out.say("   its wallet (DCP credential service) now holds the 4 credentials")
        return Outcome(credentials: credentials, label: label, refusal: [])
    }

    /// Presents `credentials` (a `vp+jwt` signed by the participant) to the clearing house's
    /// compliance service: the label credential, or the failed checks.
    func compliance(_ credentials: [String], labelID: String, house: String) async throws -> (String?, [String]) {
        let presentation = try IdentitySupport.report {
            try Presentation.envelop(credentials: credentials, holder: node.did, key: key, kid: node.did + "#key-1", holderAsIssuer: true)
        }
        let request = HTTPRequest(
            method: "POST", url: house + "/v2/api/credential-offers/standard-compliance?vcid=\(Self.encode(labelID))",
            headers: [(name: "Content-Type", value: "application/vp+jwt")], body: Array(presentation.utf8))
        let response = try await send(request)
        guard response.status == 201 else {
            let results = (try? JSONParser().parse(response.body))?["results"]?.asArray ?? []
            let failed = results.map { "\($0["check"]?.stringValue ?? "?") at \($0["path"]?.stringValue ?? ""): \($0["message"]?.stringValue ?? "")" }
            out.say("   ✘ compliance refused (HTTP \(response.status)):")
            for line in failed { out.say("     - \(line)") }
            return (nil, failed.isEmpty ? ["HTTP \(response.status)"] : failed)
        }
        out.say("   the clearing house checked the presentation and issued a gx:LabelCredential (SC)")
        return (String(decoding: response.body, as: UTF8.self), [])
    }

    /// A `gx:ServiceOffering` by the participant, provided by its legal person, certified with
    /// the credentials of its onboarding; the offering and its label are stored in the wallet.
    func certifyOffering(
        slug: String, name: String, description: String, termsURL: String, termsHash: String, keywords: [String],
        onboarded credentials: [String], house clearingHouse: String, now: Date
    ) async throws -> Outcome {
        let house = clearingHouse.hasSuffix("/") ? String(clearingHouse.dropLast()) : clearingHouse
        let legalPerson = credentials.compactMap { try? EnvelopedCredential.decode($0).credential }
            .first { $0.types.contains("gx:LegalPerson") }
        guard let provider = legalPerson?.credentialSubjects.first?["id"]?.stringValue else {
            throw IdentitySupport.Failure("the wallet holds no gx:LegalPerson credential: onboard first")
        }
        let id = baseURL + "/credentials/offering-\(slug).json"
        let labelID = baseURL + "/credentials/offering-\(slug)-compliance.json"
        var subject: JSONObject = [
            "id": .string(id + "#cs"), "schema:name": .string(name), "schema:description": .string(description),
            "gx:providedBy": ["id": .string(provider)],
            "gx:serviceOfferingTermsAndConditions": [
                "type": "gx:TermsAndConditions",
                "gx:url": ["@value": .string(termsURL), "@type": "http://www.w3.org/2001/XMLSchema#anyURI"],
                "gx:hash": .string(termsHash),
            ],
        ]
        if !keywords.isEmpty { subject["gx:keyword"] = .array(keywords.map { .string($0) }) }
        let offering = try sign([
            "@context": [
                "https://www.w3.org/ns/credentials/v2", "https://w3id.org/gaia-x/development#", ["schema": "https://schema.org/"],
            ],
            "id": .string(id), "type": ["VerifiableCredential", "gx:ServiceOffering"], "issuer": .string(node.did),
            "validFrom": .string(XSDDateTime.format(now.timeIntervalSince1970 - 60)),
            "validUntil": .string(XSDDateTime.format(now.timeIntervalSince1970 + 365 * 86_400)),
            "credentialSubject": .object(subject),
        ])
        out.say("   signed the gx:ServiceOffering \"\(name)\", provided by \(provider)")
        let presented = credentials + [offering]
        let (label, refusal) = try await compliance(presented, labelID: labelID, house: house)
        guard let label else { return Outcome(credentials: [offering], label: nil, refusal: refusal) }
        let own = Set(["offering-\(slug)", "offering-\(slug)-compliance"].map { Self.subject($0, base: baseURL) })
        for jwt in [offering, label] {
            do {
                _ = try await node.wallet.store(jwt, now: now.timeIntervalSince1970, subjects: own)
            } catch {
                throw IdentitySupport.Failure("the wallet refused a credential: \(error.message)")
            }
        }
        return Outcome(credentials: [offering], label: label, refusal: [])
    }

    func get(_ url: String) async throws -> (Int, [UInt8]) {
        let response = try await send(HTTPRequest(url: url))
        return (response.status, response.body)
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await http.send(request, limits: HTTPLimits(maxResponseBytes: 1 << 20, timeout: .seconds(30)))
        } catch {
            throw IdentitySupport.Failure("\(request.method) \(request.url): \(error.message)")
        }
    }

    /// The credentials onboarding writes to a wallet, as `credentials/NAME.jwt`.
    static let onboardingCredentials = ["legal-person", "terms", "registration-number"]

    /// The subject id of the participant's document `NAME` (`BASE/credentials/NAME.json#cs`):
    /// a wallet file `credentials/NAME.jwt` holds the credential about it.
    static func subject(_ name: String, base: String) -> String { base + "/credentials/\(name).json#cs" }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
