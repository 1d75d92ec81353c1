import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Foundation
import Testing

/// Real Gaia-X Loire artifacts (2026): the participant VP-JWT with its three enveloped
/// VC-JWTs, and the compliance LabelCredential whose `gx:compliantCredentials` digests
/// must match them. The issuers' keys are not available offline, so signatures are not
/// checked here (the signature path is tested with local keys).
@Suite("Gaia-X Loire evidence")
struct LoireEvidenceTests {
    static func jwt(_ name: String) throws -> String {
        String(decoding: try SharedFixtures.bytes("gaiax/loire/" + name), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Between the credentials' validFrom (2026-03-05) and the compliance credential's validUntil (2026-06-03).
    static let validator = CredentialValidator(options: .gaiaXLoire(now: 1_775_000_000))

    @Test func participantPresentationDecodesAndValidates() throws {
        let decoded = try EnvelopedPresentation.decode(try Self.jwt("participant-vp-2026.signed.jwt"))
        #expect(decoded.header["alg"] == "ES256")
        #expect(decoded.header["typ"] == "vp+jwt")
        #expect(decoded.header["cty"] == "vp")
        #expect(decoded.header["kid"] == "did:web:gaia-x.eu#key-0")
        #expect(decoded.presentation.presenterID == "did:web:gaia-x.eu")
        try Self.validator.validate(presentation: decoded.presentation)
        #expect(decoded.credentials.map { $0.header["typ"]?.stringValue } == ["vc+jwt", "vc+jwt", "vc+ld+jwt"])
        #expect(decoded.credentials.map { $0.header["cty"]?.stringValue } == ["vc", "vc", "vc+ld"])
        #expect(decoded.credentials.map { $0.header["alg"]?.stringValue } == ["ES256", "ES256", "PS256"])
        #expect(decoded.credentials.map(\.credential.issuerID) == ["did:web:gaia-x.eu", "did:web:gaia-x.eu", "did:web:notary.gxdch.gaiax.ovh:v2"])
        for credential in decoded.credentials {
            #expect(credential.header["iss"] == credential.credential.issuer)
            try Self.validator.validate(credential: credential.credential)
        }
    }

    /// The notary's VatID credential has `evidence` without `type`, which VC 2.0 requires:
    /// the default (strict) validator says so; the Loire profile accepts it.
    @Test func notaryEvidenceHasNoType() throws {
        let presented = try EnvelopedPresentation.decode(try Self.jwt("participant-vp-2026.signed.jwt")).credentials
        let vatID = try #require(presented.first { $0.credential.types.contains("gx:VatID") })
        let error = #expect(throws: IdentityError.self) { try CredentialValidator().validate(credential: vatID.credential) }
        #expect(error?.message == "credential.evidence.type is missing")
        for vc in presented where vc.credential != vatID.credential {
            try CredentialValidator().validate(credential: vc.credential)
        }
        try Self.validator.validate(credential: vatID.credential)
    }

    @Test func decodedPayloadsMatchTheReferenceDecode() throws {
        let reference = try JSONParser().parse(try SharedFixtures.bytes("gaiax/loire/participant-vp-2026.decoded.json"))
        let decoded = try EnvelopedPresentation.decode(try Self.jwt("participant-vp-2026.signed.jwt"))
        #expect(JSONValue.object(decoded.header) == reference["protectedHeader"])
        #expect(JSONValue.object(decoded.presentation.json) == reference["payload"])
        let credentials = reference["envelopedCredentialsDecoded"]?.arrayValue ?? []
        #expect(credentials.count == 3)
        for (mine, theirs) in zip(decoded.credentials, credentials) {
            #expect(JSONValue.object(mine.header) == theirs["protectedHeader"])
            #expect(JSONValue.object(mine.credential.json) == theirs["payload"])
        }
    }

    @Test func complianceCredentialDigestsMatchThePresentedCredentials() throws {
        let compliance = try EnvelopedCredential.decode(try Self.jwt("compliance-label-credential-2026.signed.jwt"))
        #expect(compliance.header["alg"] == "PS256")
        #expect(compliance.header["typ"] == "vc+jwt")
        #expect(compliance.header["cty"] == "vc")
        #expect(compliance.header["iss"] == "did:web:compliance.gxdch.gaiax.ovh:v2")
        #expect(compliance.credential.types == ["VerifiableCredential", "gx:LabelCredential"])
        try Self.validator.validate(credential: compliance.credential)

        let listed = compliance.credential.credentialSubjects.first?["gx:compliantCredentials"]?.arrayValue ?? []
        #expect(listed.count == 3)
        let presented = try EnvelopedPresentation.decode(try Self.jwt("participant-vp-2026.signed.jwt")).credentials
        var matched = 0
        for entry in listed {
            let vc = try #require(presented.first { $0.credential.id == entry["id"]?.stringValue })
            let sri = try #require(entry["gx:digestSRI"]?.stringValue)
            #expect(try DigestSRI.compute(.object(vc.credential.json)) == sri)
            #expect(try DigestSRI.verify(sri, .object(vc.credential.json)))
            #expect(vc.credential.types.contains(entry["type"]?.stringValue ?? "?"))
            matched += 1
        }
        #expect(matched == 3)
    }

    /// With the bundled contexts, all four credentials expand. The gx:Issuer one needs the
    /// property-scoped context of `gaiaxTermsAndConditions` (development context) to
    /// redefine `description`, which the VC v2 context protects, on a string value:
    /// Espace lets property-scoped contexts override protection there as on objects
    /// (Expansion step 4.2; pyld and jsonld.js accept it too).
    @Test func jsonLDCheckOfTheLoireCredentials() throws {
        var options = CredentialValidator.Options.gaiaXLoire(now: nil)
        options.checkJSONLD = true
        let checked = CredentialValidator(options: options)
        let compliance = try EnvelopedCredential.decode(try Self.jwt("compliance-label-credential-2026.signed.jwt"))
        try checked.validate(credential: compliance.credential)
        let presented = try EnvelopedPresentation.decode(try Self.jwt("participant-vp-2026.signed.jwt")).credentials
        var expanded = 0
        for vc in presented {
            try checked.validate(credential: vc.credential)
            expanded += 1
        }
        #expect(expanded == 3)
        #expect(presented.contains { $0.credential.types.contains("gx:Issuer") })
    }

    @Test func digestSRIAcceptsBase64AndRejectsOthers() throws {
        let value: JSONValue = ["b": 2, "a": [1.5, "x"]]
        let hex = try DigestSRI.compute(value)
        // SHA-256 of {"a":[1.5,"x"],"b":2} (computed with Python's hashlib).
        #expect(hex == "sha256-9d2d5023722806603b789c1acf2a8e3be1cd88e46fab93731a1cc82a7d083554")
        #expect(try DigestSRI.verify("sha256-nS1QI3IoBmA7eJwazyqOO+HNiORvq5NzGhzIKn0INVQ=", value))
        #expect(try DigestSRI.verify(hex, value))
        #expect(try DigestSRI.verify(hex, ["b": 3, "a": [1.5, "x"]]) == false)
        let sha384 = #expect(throws: IdentityError.self) { try DigestSRI.verify("sha384-abc", value) }
        #expect(sha384?.reason == .unsupported)
        let garbage = #expect(throws: IdentityError.self) { try DigestSRI.verify("sha256-zz", value) }
        #expect(garbage?.reason == .malformed)
    }
}
