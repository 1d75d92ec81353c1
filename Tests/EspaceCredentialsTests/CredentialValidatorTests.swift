import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Testing

/// Rules of the validator that the fixtures do not pin down: date syntax, URL syntax, the
/// validity period against the clock, the JSON-LD context check, bounds.
@Suite("Credential validator")
struct CredentialValidatorTests {
    static func credential(_ changes: JSONObject = [:], removing: [String] = []) -> JSONObject {
        var json: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "validFrom": "2026-01-01T00:00:00Z",
            "validUntil": "2027-01-01T00:00:00+01:00",
            "credentialSubject": ["id": "did:example:subject"],
        ]
        for (k, v) in changes { json[k] = v }
        for k in removing { json[k] = nil }
        return json
    }

    @Test func xsdDateTimes() {
        #expect(XSDDateTime.instant("1970-01-01T00:00:00Z", requireTimezone: true) == 0)
        #expect(XSDDateTime.instant("1970-01-01T01:00:00+01:00", requireTimezone: true) == 0)
        #expect(XSDDateTime.instant("2000-01-01T00:00:00.5-06:30", requireTimezone: true) == 946_708_200.5)
        #expect(XSDDateTime.instant("2024-02-29T00:00:00Z", requireTimezone: true) != nil)
        #expect(XSDDateTime.instant("2023-02-29T00:00:00Z", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("2023-02-26T01:02:58", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("2023-02-26T01:02:58", requireTimezone: false) != nil)
        #expect(XSDDateTime.instant("2023-02-26T24:00:00Z", requireTimezone: true) != nil)
        #expect(XSDDateTime.instant("2023-02-26T24:00:01Z", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("2023-02-26T01:02:58+15:00", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("2023-02-26T01:02:58.Z", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("02023-02-26T01:02:58Z", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("2023-2-26T01:02:58Z", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("2023-02-26 01:02:58Z", requireTimezone: true) == nil)
        #expect(XSDDateTime.instant("4023-02-26T01:02:58.447Z", requireTimezone: true) != nil)
        #expect(XSDDateTime.format(0) == "1970-01-01T00:00:00Z")
        #expect(XSDDateTime.format(.infinity) == "9999-12-31T23:59:59Z")
        #expect(XSDDateTime.format(-.infinity) == "0001-01-01T00:00:00Z")
        #expect(XSDDateTime.format(.nan) == "1970-01-01T00:00:00Z")
        #expect(XSDDateTime.instant("9999-12-31T23:59:59Z", requireTimezone: true) == XSDDateTime.representable.upperBound)
        #expect(XSDDateTime.instant("0001-01-01T00:00:00Z", requireTimezone: true) == XSDDateTime.representable.lowerBound)
        #expect(XSDDateTime.format(1_795_910_400) == "2026-11-29T00:00:00Z")
        #expect(XSDDateTime.instant("2026-11-29T00:00:00Z", requireTimezone: true) == 1_795_910_400)
        let tz = XSDDateTime.instant("2023-02-25T19:21:29-06:00", requireTimezone: true)
        #expect(tz == XSDDateTime.instant("2023-02-26T01:21:29Z", requireTimezone: true))
    }

    @Test func urlSyntax() {
        for ok in ["did:example:123", "https://example.com/a?b=c#d", "urn:uuid:9c9a36f8-518f-4976-a934-6649502d0008", "data:application/vc+jwt,a.b.c", "https://例え.jp/%20"] {
            #expect(URLSyntax.isURL(ok), "\(ok)")
        }
        for bad in ["", "fake-issuer", "https ://x", "1http://x", "http:", "http://a b", "http://x/%zz", "z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj"] {
            #expect(!URLSyntax.isURL(bad), "\(bad)")
        }
    }

    @Test func validityPeriodAgainstTheClock() throws {
        let json = Self.credential()
        let inside = CredentialValidator(options: .init(now: XSDDateTime.instant("2026-06-01T00:00:00Z", requireTimezone: true)))
        try inside.validate(document: json)
        let before = CredentialValidator(options: .init(now: XSDDateTime.instant("2025-12-31T23:59:59Z", requireTimezone: true)))
        let early = #expect(throws: IdentityError.self) { try before.validate(document: json) }
        #expect(early?.reason == .notYetValid)
        #expect(early?.message == "credential is not valid yet (validFrom \"2026-01-01T00:00:00Z\")")
        // validUntil is 2026-12-31T23:00:00Z.
        let after = CredentialValidator(options: .init(now: XSDDateTime.instant("2026-12-31T23:00:01Z", requireTimezone: true)))
        let late = #expect(throws: IdentityError.self) { try after.validate(document: json) }
        #expect(late?.reason == .expired)
        var lenient = CredentialValidator.Options(now: XSDDateTime.instant("2026-12-31T23:00:01Z", requireTimezone: true))
        lenient.leeway = 5
        try CredentialValidator(options: lenient).validate(document: json)
    }

    @Test func version11DatesAndClock() throws {
        let json: JSONObject = [
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": "VerifiableCredential",
            "issuer": ["id": "https://example.edu/issuers/14", "name": "Example"],
            "issuanceDate": "2010-01-01T19:23:24",
            "expirationDate": "2020-01-01T19:23:24Z",
            "credentialSubject": ["id": "did:example:subject"],
        ]
        try CredentialValidator().validate(document: json)
        let now = CredentialValidator(options: .init(now: XSDDateTime.instant("2021-01-01T00:00:00Z", requireTimezone: true)))
        let error = #expect(throws: IdentityError.self) { try now.validate(document: json) }
        #expect(error?.reason == .expired)
        #expect(error?.message == "credential expired (expirationDate \"2020-01-01T19:23:24Z\")")
    }

    @Test func version20DatesNeedATimezone() {
        let json = Self.credential(["validFrom": "2026-01-01T00:00:00"])
        let error = #expect(throws: IdentityError.self) { try CredentialValidator().validate(document: json) }
        #expect(error?.message == "credential.validFrom \"2026-01-01T00:00:00\" is not an XML Schema dateTimeStamp")
    }

    @Test func envelopedCredentialDocuments() throws {
        let ok: JSONObject = ["@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential", "id": "data:application/vc+jwt,a.b.c"]
        #expect(try CredentialValidator().validate(document: ok) == .envelopedCredential)
        var noID = ok
        noID["id"] = nil
        let error = #expect(throws: IdentityError.self) { try CredentialValidator().validate(document: noID) }
        #expect(error?.message == "enveloped credential: an EnvelopedVerifiableCredential needs an id holding a data: URL")
        var notData = ok
        notData["id"] = "https://example.com/vc"
        #expect(throws: IdentityError.self) { try CredentialValidator().validate(document: notData) }
    }

    @Test func jsonLDCheckNeedsBundledContexts() {
        let json = Self.credential(["@context": ["https://www.w3.org/ns/credentials/v2", "https://example.com/unknown/v1"]])
        #expect(throws: Never.self) { try CredentialValidator().validate(document: json) }
        let checked = CredentialValidator(options: .init(checkJSONLD: true))
        let error = #expect(throws: IdentityError.self) { try checked.validate(document: json) }
        #expect(error?.reason == .resolutionFailed)
    }

    @Test func undefinedTerms() throws {
        var options = CredentialValidator.Options(checkJSONLD: true)
        options.rejectUndefinedTerms = true
        let strict = CredentialValidator(options: options)
        try strict.validate(document: Self.credential(["credentialSubject": ["id": "did:example:subject", "name": "Alice"]]))
        let v2 = Self.credential(["credentialSubject": ["id": "did:example:subject", "favouriteColour": "blue"]])
        try CredentialValidator(options: .init(checkJSONLD: true)).validate(document: v2)
        let error = #expect(throws: IdentityError.self) { try strict.validate(document: v2) }
        #expect(error?.message == "credential: term \"favouriteColour\" is not defined by the contexts")
        let v1: JSONObject = [
            "@context": ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"],
            "type": ["VerifiableCredential", "UniversityDegreeCredential"], "issuer": "https://example.edu/issuers/14",
            "issuanceDate": "2010-01-01T19:23:24Z",
            "credentialSubject": ["id": "did:example:subject", "degree": ["type": "BachelorDegree", "name": "BSc"]],
        ]
        try strict.validate(document: v1)
        var dropped = v1
        dropped["credentialSubject"] = ["id": "did:example:subject", "favouriteColour": "blue"]
        let v1Error = #expect(throws: IdentityError.self) { try strict.validate(document: dropped) }
        #expect(v1Error?.message == "credential: term \"favouriteColour\" is not defined by the contexts")
        var undefinedType = v1
        undefinedType["type"] = ["VerifiableCredential", "https://example.org/#Defined"]
        try strict.validate(document: undefinedType)
    }

    @Test func boundsOnEntries() {
        var options = CredentialValidator.Options()
        options.maxEntries = 3
        let subjects = JSONValue.array((0..<4).map { _ in ["name": "x"] })
        let error = #expect(throws: IdentityError.self) {
            try CredentialValidator(options: options).validate(document: Self.credential(["credentialSubject": subjects]))
        }
        #expect(error?.reason == .limitExceeded)
    }

    @Test func accessorsReadTheOriginal() throws {
        let json = Self.credential([
            "id": "urn:uuid:1", "issuer": ["id": "did:example:issuer", "name": "I"],
            "credentialStatus": ["type": "BitstringStatusListEntry", "id": "https://example.com/status#1"],
            "proof": [["type": "DataIntegrityProof"], ["type": "DataIntegrityProof"]],
        ])
        let vc = try VerifiableCredential(parsing: Array(JSONValue.object(json).jsonText.utf8))
        #expect(vc.json == json)
        #expect(vc.version == .v2_0)
        #expect(vc.id == "urn:uuid:1")
        #expect(vc.issuerID == "did:example:issuer")
        #expect(vc.types == ["VerifiableCredential"])
        #expect(vc.credentialStatus.count == 1)
        #expect(vc.proofs.count == 2)
        #expect(vc.credentialSubjects.first?["id"] == "did:example:subject")
        #expect(vc.validUntil == "2027-01-01T00:00:00+01:00")
        let notObject = #expect(throws: IdentityError.self) { try VerifiableCredential(parsing: Array("[1]".utf8)) }
        #expect(notObject?.reason == .malformed)
    }
}
