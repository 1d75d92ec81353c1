import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Foundation
import Testing

/// The VC Data Model 2.0 test-suite inputs: `*-ok.json` accepted, `*-fail.json` and
/// `*-fail-or-inject.json` rejected, each with the message that names its fault.
@Suite("VC Data Model 2.0 fixtures")
struct VCDataModel20FixtureTests {
    static let folder = "conformance/vc/vc-data-model-2.0-test-suite/tests/input"
    /// 2026-11-29T00:00:00Z: the clock the upstream harness's PAST/FUTURE DATE placeholders
    /// are resolved against.
    static let now = 1_795_910_400.0

    /// Every fixture with its JSON (placeholders resolved as the upstream harness does).
    static func fixtures() throws -> [(name: String, json: JSONObject)] {
        try SharedFixtures.files(under: folder, suffixes: [".json"]).map { file in
            let value = try JSONParser().parse(file.bytes)
            guard case .object(let object) = resolvePlaceholders(value) else { throw IdentityError("\(file.name) is not an object") }
            return (String(file.name.split(separator: "/").last ?? ""), object)
        }
    }

    static func resolvePlaceholders(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string("PAST DATE"): return .string(XSDDateTime.format(now - 365 * 86_400))
        case .string("FUTURE DATE"): return .string(XSDDateTime.format(now + 365 * 86_400))
        case .array(let items): return .array(items.map(resolvePlaceholders))
        case .object(let object): return .object(object.mapValues(resolvePlaceholders))
        default: return value
        }
    }

    /// Credentials are issuer inputs (the issuer supplies `issuer`), except the one whose
    /// fault is the missing issuer (a verifier input: an issuer would fill it in);
    /// presentations are verifier inputs.
    static func validator(for name: String) -> CredentialValidator {
        var options = CredentialValidator.Options(checkJSONLD: true)
        let verifierInput = name.hasPrefix("presentation-") || name == "credential-no-issuer-fail.json"
        options.mode = verifierInput ? .verification : .issuanceRequest
        return CredentialValidator(options: options)
    }

    /// What each rejected fixture's message says.
    static let expectedRejections: [String: String] = [
        "credential-context-combo3-fail.json": "@context[1] \"https ://not-a-url/contexts/example/v1\" is not a URL",
        "credential-context-combo4-fail.json": "@context[1] must be a URL or an object, found number",
        "credential-evidence-missing-type-fail.json": "credential.evidence.type is missing",
        "credential-id-multi-fail.json": "credential.id must be a single URL string, found array",
        "credential-id-nonidentifier-fail.json": "credential.id must be a single URL string, found null",
        "credential-id-not-url-fail.json": "credential.id \"https ://not-a-url/vcs/343cf54b-2c38-480e-b6e8-7302332eae75\" is not a URL",
        "credential-id-subject-multi-fail.json": "credential.credentialSubject.id must be a single URL string, found array",
        "credential-issuer-no-url-fail.json": "credential.issuer \"fake-issuer\" is not a URL",
        "credential-issuer-null-fail.json": "credential.issuer must be a URL or an object with an id, found null",
        "credential-issuer-object-id-no-url-fail.json": "credential.issuer.id \"fake-issuer\" is not a URL",
        "credential-issuer-object-id-null-fail.json": "credential.issuer.id must be a URL string, found null",
        "credential-missing-base-context-fail-or-inject.json": "the first @context value must be https://www.w3.org/ns/credentials/v2",
        "credential-missing-required-type-fail.json": "does not include VerifiableCredential",
        "credential-no-context-fail-or-inject.json": "credential: @context is missing",
        "credential-no-issuer-fail.json": "credential.issuer is missing",
        "credential-no-subject-fail.json": "credential.credentialSubject is missing",
        "credential-no-type-fail.json": "credential.type is missing",
        "credential-proof-missing-type-fail.json": "credential.proof.type is missing",
        "credential-redef-type-fail.json": "redefines a protected term",
        "credential-redef-type2-fail.json": "redefines a protected term",
        "credential-refresh-no-type-fail.json": "credential.refreshService.type is missing",
        "credential-schema-no-id-fail.json": "credential.credentialSchema.id is missing",
        "credential-schema-no-type-fail.json": "credential.credentialSchema.type is missing",
        "credential-schema-non-url-id-fail.json": "credential.credentialSchema.id \"https ://not-a-url.org/cd28a5c0-a3ca-4057-9e18-074769a54fdb\" is not a URL",
        "credential-status-missing-type-fail.json": "credential.credentialStatus.type is missing",
        "credential-status-multiple-id-fail.json": "credential.credentialStatus.id must be a single URL string, found array",
        "credential-status-nonurl-id-fail.json": "credential.credentialStatus.id \"https ://not-a-url/statusList/4\" is not a URL",
        "credential-status-type-nonurl-fail.json": "credential.credentialStatus.type values must be non-empty strings",
        "credential-subject-multiple-empty-fail.json": "credential.credentialSubject[1] has no claims",
        "credential-subject-no-claims-fail.json": "credential.credentialSubject has no claims",
        "credential-termsofuse-missing-type-fail.json": "credential.termsOfUse.type is missing",
        "credential-termsofuse-no-type-fail.json": "credential.termsOfUse.type is missing",
        "credential-type-mapped-nonurl-fail.json": "ExampleTestCredential",
        "credential-type-unmapped-fail.json": "type \"ExampleTestCredential\" does not expand to a URL",
        "credential-validUntil-validFrom-fail.json": "credential.validUntil \"2025-11-29T00:00:00Z\" is before validFrom \"2027-11-29T00:00:00Z\"",
        "credential-validfrom-invalid-fail.json": "credential.validFrom \"Sat 25 Feb 2023 07:16:31 PM CST\" is not an XML Schema dateTimeStamp",
        "credential-validuntil-invalid-fail.json": "credential.validUntil \"Sun, 26 Feb 2023 01:22:14 +0000\" is not an XML Schema dateTimeStamp",
        "credential-description-extra-prop-en-fail.json": "credential.description: a language value object may only hold @value, @language and @direction, found \"url\"",
        "credential-name-extra-prop-en-fail.json": "credential.name: a language value object may only hold @value, @language and @direction, found \"url\"",
        "issuer-description-extra-prop-en-fail.json": "credential.issuer.description: a language value object may only hold",
        "issuer-name-extra-prop-en-fail.json": "credential.issuer.name: a language value object may only hold",
        "presentation-context-order-fail.json": "presentation: the first @context value must be",
        "presentation-enveloped-vc-missing-type-fail.json": "presentation.verifiableCredential[0].type is missing",
        "presentation-holder-fail.json": "presentation.holder \"z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj\" is not a URL",
        "presentation-holder-name-fail.json": "presentation.holder is an object without id",
        "presentation-holder-object-fail.json": "presentation.holder.id \"z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj\" is not a URL",
        "presentation-missing-base-context-fail.json": "presentation: the first @context value must be",
        "presentation-missing-required-type-fail.json": "does not include VerifiablePresentation",
        "presentation-no-context-fail-or-inject.json": "presentation: @context is missing",
        "presentation-no-type-fail.json": "presentation.type is missing",
        "presentation-vc-as-string-fail.json": "presentation.verifiableCredential[0] must be a credential object",
        "presentation-vc-missing-required-type-fail.json": "presentation.verifiableCredential[0].type must have at least one value",
    ]

    /// Self-asserted presentation cases: structurally valid, and judged by the
    /// `requireSelfAsserted` policy.
    static let selfAsserted: [String: Bool] = [
        "presentation-self-asserted-vc-ok.json": true,
        "presentation-self-asserted-vc-holder-mismatch.json": false,
        "presentation-self-asserted-vc-issuer-mismatch.json": false,
        "presentation-self-asserted-vc-no-holder.json": false,
    ]

    @Test func everyFixtureIsClassified() throws {
        var accepted = 0
        var rejected = 0
        var wrong: [String] = []
        let all = try Self.fixtures()
        for (name, json) in all {
            let shouldAccept = name.hasSuffix("-ok.json") || Self.selfAsserted[name] != nil
            do throws(IdentityError) {
                // The harness posts presentation inputs to a presentation endpoint.
                if name.hasPrefix("presentation-") {
                    try Self.validator(for: name).validate(presentation: VerifiablePresentation(json: json))
                } else {
                    try Self.validator(for: name).validate(document: json)
                }
                if shouldAccept { accepted += 1 } else { wrong.append("\(name): accepted") }
            } catch {
                if shouldAccept {
                    wrong.append("\(name): rejected (\(error.message))")
                } else if let expected = Self.expectedRejections[name], error.message.contains(expected), error.reason == .malformed {
                    rejected += 1
                } else {
                    wrong.append("\(name): rejected with \"\(error.message)\" (\(error.reason))")
                }
            }
        }
        #expect(wrong == [])
        #expect(all.count == 120)
        #expect(accepted == 68)  // 65 ok + 3 self-asserted cases that are valid in structure
        #expect(rejected == 52)  // 49 fail + 3 fail-or-inject
        #expect(Self.expectedRejections.count == 52)
    }

    @Test func selfAssertedPresentationsFollowThePolicy() throws {
        var options = CredentialValidator.Options()
        options.requireSelfAsserted = true
        let validator = CredentialValidator(options: options)
        let all = try Self.fixtures()
        for (name, accept) in Self.selfAsserted {
            let json = try #require(all.first { $0.name == name }?.json)
            if accept {
                #expect(throws: Never.self) { try validator.validate(document: json) }
            } else {
                let error = #expect(throws: IdentityError.self, "\(name)") { try validator.validate(document: json) }
                #expect(error?.reason == .wrongIssuer)
            }
        }
    }

    /// Once the issuer supplies its id, every accepted credential input is a valid issued
    /// credential too; and without an issuer a credential fails verification.
    @Test func acceptedCredentialInputsVerifyOnceIssued() throws {
        let verifier = CredentialValidator(options: .init(mode: .verification, checkJSONLD: true))
        var checked = 0
        for (name, json) in try Self.fixtures() where name.hasSuffix("-ok.json") && !name.hasPrefix("presentation-") {
            var issued = json
            switch issued["issuer"] {
            case .object(var object)?:
                object["id"] = "did:example:issuer"
                issued["issuer"] = .object(object)
            case nil: issued["issuer"] = "did:example:issuer"
            default: break
            }
            #expect(throws: Never.self, "\(name)") { try verifier.validate(document: issued) }
            checked += 1
        }
        #expect(checked == 54)
        let noIssuer = try #require(try Self.fixtures().first { $0.name == "credential-ok.json" }?.json)
        let error = #expect(throws: IdentityError.self) { try verifier.validate(document: noIssuer) }
        #expect(error?.message == "credential.issuer is missing")
    }
}
