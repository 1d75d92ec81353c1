import EspaceClearingHouse
import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Foundation
import Testing

/// Issuing registration-number credentials as `vc+jwt`, verified with `CredentialVerifier`.
@Suite("Notary: issuance")
struct NotaryIssuanceTests {
    static let numbers: [(RegistrationNumberType, String)] = [
        (.vatID, "BE0762747721"), (.leiCode, "HWUPKR0MPOU8FGXBT394"), (.eori, "DE1234567890123"),
        (.euid, "DEK1101R.HRB116737"),
        (.taxID, "123-456-789"), (.local, "HRB 116737"),
    ]

    @Test(arguments: numbers)
    func issuedCredentialVerifiesWhenTheNotaryIsTrusted(_ type: RegistrationNumberType, _ value: String) async throws {
        let notary = try NotaryFixtures.notary()
        let issued = try await notary.issue(try NotaryFixtures.request(type, value), now: NotaryFixtures.now)
        let report = await NotaryFixtures.verifier(trusting: [notary.did]).verify(issued.jwt)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.form == .credentialJWT)
        #expect(report.issuer == notary.did)
        #expect(report.verificationMethod == notary.kid)
        #expect(report.credential?.types == ["VerifiableCredential", type.credentialType])
        let subject = try #require(report.credential?.credentialSubjects.first)
        #expect(subject[type.numberProperty] == .string(issued.checked.number.value))
    }

    @Test(arguments: numbers)
    func refusedWhenTheNotaryIsNotTrusted(_ type: RegistrationNumberType, _ value: String) async throws {
        let notary = try NotaryFixtures.notary()
        let issued = try await notary.issue(try NotaryFixtures.request(type, value), now: NotaryFixtures.now)
        let other = try NotaryFixtures.notary()
        let report = await NotaryFixtures.verifier(trusting: [other.did]).verify(issued.jwt)
        #expect(!report.isValid)
        #expect(report.check(.signature)?.outcome == .passed)
        #expect(report.check(.issuerTrust)?.error?.reason == .untrustedIssuer)
    }

    @Test func tamperedCredentialIsRefused() async throws {
        let notary = try NotaryFixtures.notary()
        let issued = try await notary.issue(try NotaryFixtures.request(.vatID, "BE0762747721"), now: NotaryFixtures.now)
        let parts = issued.jwt.split(separator: ".").map(String.init)
        var payload = issued.credential.json
        payload["credentialSubject"] = [
            "id": .string(NotaryFixtures.subjectId), "gx:vatID": "BE0403019261", "gx:countryCode": "BE",
        ]
        let forged =
            parts[0] + "." + Base64URL.encode(try JSONCanonicalization.canonicalBytes(.object(payload))) + "."
            + parts[2]
        let report = await NotaryFixtures.verifier(trusting: [notary.did]).verify(forged)
        #expect(report.check(.signature)?.error?.reason == .signatureInvalid)
    }

    /// The VAT credential has the live OVH notary credential's members and values (besides
    /// issuer, dates and signature), and what VC 2.0 and the 25.11 shapes add.
    @Test func shapedLikeTheLiveLoireNotaryCredential() async throws {
        let decoded = try JSONParser().parse(try SharedFixtures.bytes("gaiax/loire/participant-vp-2026.decoded.json"))
        let live = try #require(decoded["envelopedCredentialsDecoded"]?.arrayValue?.last?["payload"]?.objectValue)
        let notary = try NotaryFixtures.notary()
        let issued = try await notary.issue(try NotaryFixtures.request(.vatID, "BE0762747721"), now: NotaryFixtures.now)
        let mine = issued.credential.json
        #expect(Set(live.keys).isSubset(of: Set(mine.keys)), "\(live.keys) vs \(mine.keys)")
        for key in ["@context", "type", "id", "name", "description"] { #expect(mine[key] == live[key], "\(key)") }
        let liveSubject = try #require(live["credentialSubject"]?.objectValue)
        let subject = try #require(mine["credentialSubject"]?.objectValue)
        for (key, value) in liveSubject { #expect(subject[key] == value, "credentialSubject.\(key)") }
        let liveEvidence = try #require(live["evidence"]?.objectValue)
        let evidence = try #require(mine["evidence"]?.objectValue)
        #expect(Set(liveEvidence.keys).isSubset(of: Set(evidence.keys)))
        #expect(evidence["gx:evidenceOf"] == liveEvidence["gx:evidenceOf"])
        #expect(evidence["gx:executionDate"] == "2026-03-05T08:56:01Z")
        #expect(evidence["gx:evidenceURL"] == .string(RegistrationNumberCredential.offlineEvidenceURL))
        #expect(evidence["gx:checkDigitsVerified"] == .bool(true))
        #expect(mine["validFrom"] == "2026-03-05T08:56:01Z")
        #expect(mine["validUntil"] == "2026-06-03T08:56:01Z")  // 90 days, as the live one
        #expect(mine["issuer"] == .string(notary.did))
        let header = try CompactJWT(issued.jwt).header
        #expect(header["typ"] == "vc+jwt")
        #expect(header["iss"] == .string(notary.did))
        #expect(header["kid"] == .string(notary.kid))
    }

    @Test func onlineEvidenceAndRegistryCountry() async throws {
        let gleif = ScriptedRegistry(name: "GLEIF") { _ in
            .valid(
                OnlineRecord(
                    registry: "GLEIF", evidenceURL: OnlineRegistries.Endpoint.gleif, countryCode: "US",
                    subdivisionCode: "US-CA"))
        }
        let notary = try NotaryFixtures.notary(registries: OnlineRegistries([.leiCode: gleif]))
        let issued = try await notary.issue(
            try NotaryFixtures.request(.leiCode, "HWUPKR0MPOU8FGXBT394"), now: NotaryFixtures.now)
        let subject = try #require(issued.credential.credentialSubjects.first)
        #expect(subject["schema:leiCode"] == "HWUPKR0MPOU8FGXBT394")
        #expect(subject["gx:countryCode"] == "US")
        #expect(subject["gx:subdivisionCountryCode"] == "US-CA")
        let evidence = try #require(issued.credential.evidence.first)
        #expect(evidence["gx:evidenceURL"] == .string(OnlineRegistries.Endpoint.gleif))
        #expect(evidence["gx:onlineRegistry"] == "GLEIF")
        #expect(issued.credential.contexts.last == ["schema": "https://schema.org/"])
    }

    @Test func eoriCarriesItsCountryName() async throws {
        let issued = try await NotaryFixtures.notary().issue(
            try NotaryFixtures.request(.eori, "xi123456789000"), now: NotaryFixtures.now)
        let subject = try #require(issued.credential.credentialSubjects.first)
        #expect(subject["gx:eori"] == "XI123456789000")
        #expect(subject["gx:country"] == "United Kingdom (Northern Ireland)")
        #expect(subject["gx:countryCode"] == nil)
    }

    @Test func errorsCarryTheirHTTPStatus() async throws {
        let notary = try NotaryFixtures.notary()
        func status(_ body: () async throws -> Void) async -> Int? {
            do { try await body() } catch { return (error as? NotaryError)?.httpStatus ?? -1 }
            return nil
        }
        #expect(
            await status {
                _ = try NotaryRequest(
                    typeSegment: "iban", value: "1", vcId: NotaryFixtures.vcId, subjectId: NotaryFixtures.subjectId)
            } == 400)
        #expect(
            await status {
                _ = try NotaryRequest(
                    type: .vatID, value: "BE0762747721", vcId: nil, subjectId: NotaryFixtures.subjectId)
            } == 400)
        #expect(
            await status {
                _ = try NotaryRequest(
                    type: .vatID, value: "BE0762747721", vcId: NotaryFixtures.vcId, subjectId: "not a url")
            } == 400)
        #expect(
            await status {
                _ = try NotaryRequest(
                    type: .vatID, value: "  ", vcId: NotaryFixtures.vcId, subjectId: NotaryFixtures.subjectId)
            } == 400)
        #expect(
            await status {
                _ = try await notary.issue(try NotaryFixtures.request(.vatID, "BE0762747722"), now: NotaryFixtures.now)
            } == 422)
        #expect(
            await status {
                _ = try await notary.issue(
                    try NotaryFixtures.request(.leiCode, "BE0762747721"), now: NotaryFixtures.now)
            } == 422)
        let down = try NotaryFixtures.notary(registries: OnlineRegistries([.vatID: ScriptedRegistry.down("VIES")]))
        #expect(
            await status {
                _ = try await down.issue(try NotaryFixtures.request(.vatID, "BE0762747721"), now: NotaryFixtures.now)
            } == 503)
        #expect(
            await status {
                _ = try NotaryRequest(
                    typeSegment: "vat-id", value: "BE0762747721", vcId: NotaryFixtures.vcId,
                    subjectId: NotaryFixtures.subjectId)
            } == nil)
    }

    @Test func notaryConfigurationIsChecked() throws {
        let key = try PrivateKey.generate(.es256)
        #expect(throws: NotaryError.self) { _ = try Notary(did: "not-a-did", kid: "#k", key: key) }
        #expect(throws: NotaryError.self) { _ = try Notary(did: "did:web:notary.example#x", kid: "#k", key: key) }
        #expect(throws: NotaryError.self) {
            _ = try Notary(did: "did:web:notary.example", kid: "did:web:other.example#k", key: key)
        }
        #expect(throws: NotaryError.self) {
            _ = try Notary(did: "did:web:notary.example", kid: "#k", key: key, validity: 1)
        }
        let notary = try Notary(did: "did:web:notary.example", kid: "#X509-JWK", key: key)
        #expect(notary.kid == "did:web:notary.example#X509-JWK")
        #expect(notary.validity == 90 * 86_400)
    }
}
