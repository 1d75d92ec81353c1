import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import EspaceTestSupport
import Foundation
import Testing

/// The VC Data Model 1.x test-suite inputs: `example-N*.jsonld` accepted, `*-bad-*`
/// rejected with the message naming the fault. The zero-knowledge examples (015) run with
/// the suite's ZKP profile: a proof and a credentialSchema are required. The 1.x suite does
/// no JSON-LD processing, and seven of its valid examples use types that the v1 contexts
/// (which have no `@vocab`) leave undefined, so the JSON-LD check is run separately.
@Suite("VC Data Model 1.x fixtures")
struct VCDataModel11FixtureTests {
    static let folder = "conformance/vc/vc-test-suite-1.x/test/vc-data-model-1.0/input"

    static func validator(for name: String, checkJSONLD: Bool = false) -> CredentialValidator {
        var options = CredentialValidator.Options(mode: .verification, checkJSONLD: checkJSONLD)
        if name.hasPrefix("example-015-zkp") {
            options.requireProof = true
            options.requireCredentialSchema = true
        }
        return CredentialValidator(options: options)
    }

    static let expectedRejections: [String: String] = [
        "example-1-bad-cardinality.jsonld": "credential: @context is empty",
        "example-1-bad-url.jsonld": "credential: the first @context value must be",
        "example-2-bad-cardinality.jsonld": "credential.id must be a single URL string, found array",
        "example-3-bad-cardinality.jsonld": "credential.type must have at least one value",
        "example-3-bad-missing-type.jsonld": "does not include VerifiableCredential",
        "example-4-bad-issuanceDate-cardinality.jsonld": "credential.issuanceDate must be a single date-time string, found array",
        "example-4-bad-issuanceDate.jsonld": "credential.issuanceDate \"01/01/2010\" is not an XML Schema dateTime",
        "example-4-bad-issuer-cardinality.jsonld": "credential.issuer must be a URL or an object with an id, found array",
        "example-4-bad-issuer-uri.jsonld": "credential.issuer \"example\" is not a URL",
        "example-4-bad-missing-issuanceDate.jsonld": "credential.issuanceDate is missing",
        "example-4-bad-missing-issuer.jsonld": "credential.issuer is missing",
        "example-5-bad-proof-missing-type.jsonld": "credential.proof.type is missing",
        "example-6-bad-cardinality.jsonld": "credential.expirationDate must be a single date-time string, found array",
        "example-6-bad-expirationDate.jsonld": "credential.expirationDate \"01/01/2020\" is not an XML Schema dateTime",
        "example-7-bad-missing-id.jsonld": "credential.credentialStatus.id is missing",
        "example-7-bad-missing-type.jsonld": "credential.credentialStatus.type is missing",
        "example-8-bad-missing-proof-type.jsonld": "presentation.proof.type is missing",
        "example-8-bad-type.jsonld": "does not include VerifiablePresentation",
        "example-014-bad-no-credential-subject.jsonld": "credential.credentialSubject is missing",
        "example-015-zkp-bad-no-credential-schema-id.jsonld": "credential.credentialSchema.id is missing",
        "example-015-zkp-bad-no-credential-schema-type.jsonld": "credential.credentialSchema.type is missing",
        "example-015-zkp-bad-no-credential-schema.jsonld": "credentialSchema is required (zero-knowledge profile) but missing",
        "example-015-zkp-bad-no-proof.jsonld": "credential.proof is missing, and a proof is required",
        "example-015-zkp-bad-proof-missing-type.jsonld": "credential.proof.type is missing",
        "example-015-zkp-vp-bad-missing-proof.jsonld": "presentation.proof is missing, and a proof is required",
        "example-015-zkp-vp-bad-no-credential-schema.jsonld": "presentation.verifiableCredential[0]: credentialSchema is required",
    ]

    @Test func everyFixtureIsClassified() throws {
        let files = try SharedFixtures.files(under: Self.folder, suffixes: [".jsonld"])
        var accepted = 0
        var rejected = 0
        var wrong: [String] = []
        for file in files {
            let name = String(file.name.split(separator: "/").last ?? "")
            let shouldAccept = !name.contains("-bad-")
            guard case .object(let json) = try JSONParser().parse(file.bytes) else {
                wrong.append("\(name): not an object")
                continue
            }
            do throws(IdentityError) {
                try Self.validator(for: name).validate(document: json)
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
        #expect(files.count == 52)
        #expect(accepted == 26)
        #expect(rejected == 26)
    }

    /// Valid examples whose types the v1 contexts do not define.
    static let undefinedTypes: [String: String] = [
        "example-013.jsonld": "DocumentVerification",
        "example-016-jwt-presentation-no-iss.jsonld": "CredentialManagerPresentation",
        "example-016-jwt-presentation-no-jti.jsonld": "CredentialManagerPresentation",
        "example-016-jwt-presentation.jsonld": "CredentialManagerPresentation",
        "example-016-jwt-with-embedded-proof.jsonld": "NonJwsProof",
        "example-7.jsonld": "CredentialStatusList2017",
        "example-8.jsonld": "CredentialManagerPresentation",
    ]

    @Test func jsonLDCheckFindsTheUndefinedTypes() throws {
        var passed = 0
        var wrong: [String] = []
        for file in try SharedFixtures.files(under: Self.folder, suffixes: [".jsonld"]) {
            let name = String(file.name.split(separator: "/").last ?? "")
            guard !name.contains("-bad-"), case .object(let json) = try JSONParser().parse(file.bytes) else { continue }
            do throws(IdentityError) {
                try Self.validator(for: name, checkJSONLD: true).validate(document: json)
                if Self.undefinedTypes[name] == nil { passed += 1 } else { wrong.append("\(name): accepted") }
            } catch {
                if let type = Self.undefinedTypes[name], error.message.contains("type \"\(type)\" does not expand to a URL") {
                    continue
                }
                wrong.append("\(name): \(error.message)")
            }
        }
        #expect(wrong == [])
        #expect(passed == 19)
    }

    /// `example-016-jwt.jwt`: a VC-JWT 1.1 whose claims rebuild the credential; its `vc`
    /// context is `https://w3.org/2018/credentials/v1` (no `www`), which is not the base
    /// context, so the rebuilt credential is rejected.
    @Test func example016JWTDecodesAndItsContextIsNotTheBaseContext() throws {
        let text = String(decoding: try SharedFixtures.bytes(Self.folder + "/example-016-jwt.jwt"), as: UTF8.self)
        let decoded = try CredentialJWT11.decode(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let credential = try #require(decoded.credential)
        #expect(decoded.header["alg"] == "RS256")
        #expect(credential.issuerID == "did:example:abfe13f712120431c276e12ecab")
        #expect(credential.id == "http://example.edu/credentials/3732")
        #expect(credential.issuanceDate == "2018-11-06T08:42:04Z")
        #expect(credential.expirationDate == "2019-11-06T08:42:03Z")
        #expect(credential.credentialSubjects.first?["id"] == "did:example:ebfeb1f712ebc6f1c276e12ec21")
        let error = #expect(throws: IdentityError.self) { try CredentialValidator().validate(credential: credential) }
        #expect(error?.message.contains("the first @context value must be") == true)
    }
}
