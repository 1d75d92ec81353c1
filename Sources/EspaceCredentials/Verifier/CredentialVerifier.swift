import EspaceIdentity
import EspaceJSON
import Foundation

/// Verifies a credential or presentation in any form Espace reads, and reports every check
/// it made instead of stopping at the first failure.
///
/// Accepted forms: compact `vc+jwt` / `vp+jwt` (VC-JOSE-COSE and the Gaia-X `typ`
/// spellings), VC-JWT 1.1 (`vc` / `vp` claims), and JSON-LD credentials and presentations
/// with embedded proofs (`DataIntegrityProof` eddsa-rdfc-2022 / eddsa-jcs-2022,
/// `JsonWebSignature2020` in its W3C and Gaia-X variants). The form is detected from the
/// input. Checks, in order: `format`, `signature`, `dataModel`, `validityPeriod`, then for
/// credentials `certificateChain`, `issuerTrust` and `status`, for presentations `audience`,
/// `holderBinding` and one nested report per credential.
///
/// Verification never throws: malformed input is a failed `format` check.
public struct CredentialVerifier: Sendable {
    /// What the verifier trusts and expects.
    public var policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Verifies a credential or presentation given as text (a compact JWT or JSON).
    public func verify(_ text: String) async -> VerificationReport {
        await verify(bytes: Array(text.utf8))
    }

    /// Verifies a credential or presentation given as bytes (a compact JWT or JSON, UTF-8).
    public func verify(bytes: [UInt8]) async -> VerificationReport {
        guard bytes.count <= policy.maxInputBytes else {
            return Self.formatFailure(
                IdentityError("the input is larger than \(policy.maxInputBytes) bytes", reason: .limitExceeded))
        }
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
            let end = bytes.lastIndex(where: { !isSpace($0) })
        else {
            return Self.formatFailure(IdentityError("the input is empty"))
        }
        let trimmed = bytes[start...end]
        if trimmed.first == UInt8(ascii: "{") || trimmed.first == UInt8(ascii: "\"") {
            let value: JSONValue
            do {
                value = try JSONParser(limits: JSONLimits(maxBytes: policy.maxInputBytes, maxDepth: 64)).parse(trimmed)
            } catch {
                return Self.formatFailure(IdentityError("the input is not valid JSON: \(error)"))
            }
            switch value {
            case .object(let object): return await verify(json: object)
            case .string(let token): return await verifyToken(token, depth: 0, credentialOnly: false)
            default: return Self.formatFailure(IdentityError("the input JSON is a \(value.typeName), not an object"))
            }
        }
        guard let text = String(validating: trimmed, as: UTF8.self) else {
            return Self.formatFailure(IdentityError("the input is not UTF-8 text"))
        }
        return await verifyToken(text, depth: 0, credentialOnly: false)
    }

    /// Verifies a JSON-LD credential or presentation with embedded proofs (or an
    /// `EnvelopedVerifiableCredential` object).
    public func verify(json: JSONObject) async -> VerificationReport {
        await verifyDocument(json, depth: 0, credentialOnly: false)
    }

    // MARK: Dispatch

    static func formatFailure(_ error: IdentityError, form: VerificationReport.Form? = nil) -> VerificationReport {
        var report = VerificationReport(form: nil)
        report.fail(.format, error, detail: form.map { "read as \($0.rawValue)" } ?? "")
        return report
    }

    /// A compact JWT: `vc+jwt`, `vp+jwt` or VC-JWT 1.1, told apart by `typ` and claims.
    func verifyToken(_ jwt: String, depth: Int, credentialOnly: Bool) async -> VerificationReport {
        guard depth <= policy.maxNesting else {
            return Self.formatFailure(IdentityError("credentials nested deeper than \(policy.maxNesting)", reason: .limitExceeded))
        }
        let token: CompactJWT
        do {
            token = try CompactJWT(jwt)
        } catch {
            return Self.formatFailure(error)
        }
        let typ = token.headerString("typ")?.lowercased()
        if let typ, EnvelopedCredential.acceptedTypes.contains(typ) {
            return await envelopedCredential(jwt)
        }
        if let typ, EnvelopedPresentation.acceptedTypes.contains(typ) {
            guard !credentialOnly else {
                return Self.formatFailure(IdentityError("a presentation (typ \(typ)) where a credential was expected"))
            }
            return await envelopedPresentation(jwt, depth: depth)
        }
        if token.payload["vc"] != nil || token.payload["vp"] != nil {
            return await credentialJWT11(jwt, depth: depth, credentialOnly: credentialOnly)
        }
        return Self.formatFailure(
            IdentityError(
                "the JWT is neither a vc+jwt or vp+jwt (typ \(typ ?? "absent")) nor a VC-JWT 1.1 (no vc or vp claim)",
                reason: .unsupported))
    }

    /// A JSON document: a JSON-LD credential or presentation, or an enveloped credential.
    func verifyDocument(_ json: JSONObject, depth: Int, credentialOnly: Bool) async -> VerificationReport {
        guard depth <= policy.maxNesting else {
            return Self.formatFailure(IdentityError("credentials nested deeper than \(policy.maxNesting)", reason: .limitExceeded))
        }
        let types = json["type"].map { $0.asArray.compactMap(\.stringValue) } ?? []
        if types.contains("EnvelopedVerifiableCredential") {
            guard case .string(let url)? = json["id"] else {
                return Self.formatFailure(IdentityError("the EnvelopedVerifiableCredential has no id holding the credential"))
            }
            do {
                return await verifyToken(try EnvelopedCredential.jwt(fromDataURL: url), depth: depth, credentialOnly: true)
            } catch {
                return Self.formatFailure(error)
            }
        }
        if types.contains("VerifiablePresentation") {
            guard !credentialOnly else {
                return Self.formatFailure(IdentityError("a presentation where a credential was expected"))
            }
            return await embeddedProofPresentation(json, depth: depth)
        }
        if types.contains("VerifiableCredential") {
            return await embeddedProofCredential(json)
        }
        return Self.formatFailure(
            IdentityError("the JSON document's type names neither VerifiableCredential nor VerifiablePresentation"))
    }

    /// A presentation holding more credentials than `EnvelopedPresentation.maxCredentials`
    /// fails its `format` check.
    static func tooManyCredentials(_ presentation: VerifiablePresentation, form: VerificationReport.Form) -> VerificationReport? {
        let count = presentation.verifiableCredentialEntries.count
        guard count > EnvelopedPresentation.maxCredentials else { return nil }
        return formatFailure(
            IdentityError(
                "the presentation holds \(count) credentials, more than the \(EnvelopedPresentation.maxCredentials) accepted",
                reason: .limitExceeded),
            form: form)
    }

    /// The credentials of a presentation, each verified on its own.
    func nestedReports(_ entries: [JSONValue], depth: Int) async -> [VerificationReport] {
        var reports: [VerificationReport] = []
        for entry in entries {
            switch entry {
            case .string(let jwt): reports.append(await verifyToken(jwt, depth: depth + 1, credentialOnly: true))
            case .object(let object): reports.append(await verifyDocument(object, depth: depth + 1, credentialOnly: true))
            default:
                reports.append(Self.formatFailure(IdentityError("a verifiableCredential entry is a \(entry.typeName)")))
            }
        }
        return reports
    }
}
