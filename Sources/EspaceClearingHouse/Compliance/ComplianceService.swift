import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

/// The compliance service of a clearing house: checks a participant's presentation
/// (`vp+jwt` of enveloped `vc+jwt` credentials) and issues the compliance label credential.
///
/// Every check is named (`ComplianceCheck.Name`) and every failure reported with the place
/// it concerns; the credential is issued only when all pass. Signatures, certificate chains,
/// validity and status are the `CredentialVerifier`'s; the Gaia-X rules (the required
/// credentials, a trusted notary, the terms and conditions, consistency) are checked here;
/// shape conformance is the injected `ShapeConformance`.
public struct ComplianceService: Sendable {
    /// The label levels requested by path (`/credential-offers/{level}`).
    public enum Level: String, Sendable, CaseIterable {
        case standardCompliance = "standard-compliance"
        case labelLevel1 = "label-level-1"
        case labelLevel2 = "label-level-2"
        case labelLevel3 = "label-level-3"

        /// The `gx:labelLevel` value written.
        public var label: String {
            switch self {
            case .standardCompliance: return "SC"
            case .labelLevel1: return "L1"
            case .labelLevel2: return "L2"
            case .labelLevel3: return "L3"
            }
        }
    }

    /// What was issued.
    public struct Issued: Sendable {
        public let jwt: String
        public let credential: VerifiableCredential
        /// The participant (the presentation's holder).
        public let participant: String
        /// Every check made (all passed).
        public let checks: [ComplianceCheck]
    }

    public let did: String
    let key: PrivateKey
    let kid: String
    public let registry: Registry
    /// Resolves participants' and notaries' DIDs (did:web through the SSRF guard, did:key offline).
    public var resolver: any VerificationMethodResolver
    /// Fetches `x5u` chains and status lists (nil: only `x5c` chains; status lists unchecked).
    public var http: (any HTTPClient)?
    public var allowInsecureHTTP: Bool
    /// SHACL conformance of each credential (nil: the `shapes` check is reported as not made).
    public var shapeConformance: (any ShapeConformance)?
    /// How long the compliance credential is valid (90 days, as the Loire clearing houses issue).
    public var validity: TimeInterval = 90 * 86_400
    /// The engine and rules versions written in the credential.
    public var engineVersion: String
    public var rulesVersion = "CD25.10"
    /// The criteria of the label levels offered (level 1 from the Gaia-X 22.10 declaration).
    public var labelCriteria = LabelCriteria.gaiaX2210
    /// Where this clearing house publishes the revocation list of its compliance credentials
    /// (`{publicURL}/v2/api/status/compliance`) and the log allocating their indexes; nil:
    /// credentials carry no status.
    public var status: (listURL: String, log: ComplianceLog)?

    public init(
        did: String, key: PrivateKey, kid: String, registry: Registry, resolver: any VerificationMethodResolver,
        http: (any HTTPClient)? = nil, allowInsecureHTTP: Bool = false, engineVersion: String
    ) {
        self.did = did
        self.key = key
        self.kid = kid.hasPrefix("#") ? did + kid : kid
        self.registry = registry
        self.resolver = resolver
        self.http = http
        self.allowInsecureHTTP = allowInsecureHTTP
        self.engineVersion = engineVersion
    }

    /// Checks `presentation` (a compact `vp+jwt`) and, when every check passes, issues the
    /// label credential with id `vcid` at `now`.
    public func assess(_ presentation: String, level: Level, vcid: String, now: Date) async throws(ComplianceRefusal)
        -> Issued
    {
        guard level == .standardCompliance || labelCriteria.levels[level] != nil else {
            throw ComplianceRefusal(
                status: 501,
                failures: [
                    ComplianceCheck(
                        .format, passed: false,
                        "\(level.rawValue) is not offered: this clearing house has no criteria catalogue for it")
                ])
        }
        guard URLSyntax.isURL(vcid) else {
            throw ComplianceRefusal(
                status: 400, failures: [ComplianceCheck(.format, passed: false, "vcid \"\(vcid)\" is not a URL")])
        }
        let decoded: EnvelopedPresentation.Decoded
        do {
            decoded = try EnvelopedPresentation.decode(presentation.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ComplianceRefusal(
                status: 400, failures: [ComplianceCheck(.format, passed: false, "the body is not a vp+jwt: \(error.message)")])
        }
        var checks = await verification(presentation, now: now)
        let participant =
            decoded.presentation.holderID ?? decoded.presentation.json["issuer"]?.stringValue
            ?? decoded.header["iss"]?.stringValue ?? ""
        let payloads = decoded.credentials.map(\.credential.json)
        checks += try await rules(payloads, participant: participant)
        if let shapeConformance {
            checks += shapeConformance.check(payloads).map {
                ComplianceCheck(
                    .shapes, passed: false,
                    path: ($0.credential.map { "verifiableCredential[\($0)]" } ?? "verifiableCredential") + $0.path,
                    $0.message)
            }
            if !checks.contains(where: { $0.name == .shapes }) {
                checks.append(ComplianceCheck(.shapes, passed: true, "every credential conforms to the registry's shapes"))
            }
        }
        var declared: [String] = []
        if level != .standardCompliance {
            let (criteriaChecks, accepted) = self.criteriaChecks(payloads, level: level, participant: participant)
            checks += criteriaChecks
            declared = accepted
        }
        let failures = checks.filter { !$0.passed }
        guard failures.isEmpty else { throw ComplianceRefusal(status: 409, failures: failures) }
        do {
            var credential = try LabelCredential.build(
                id: vcid, issuer: did, level: level.label, engineVersion: engineVersion, rulesVersion: rulesVersion,
                credentials: payloads, validatedCriteria: LabelCredential.standardComplianceCriteria,
                declaredCriteria: declared.map { "gx:" + $0 }, now: now, validity: validity)
            if let status {
                let index = try await status.log.statusIndex(for: vcid)
                var json = credential.json
                json["credentialStatus"] = [
                    "id": .string(status.listURL + "#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                    "statusListIndex": .string(String(index)), "statusListCredential": .string(status.listURL),
                ]
                credential = VerifiableCredential(json: json)
            }
            let jwt = try EnvelopedCredential.sign(credential: credential, key: key, kid: kid)
            return Issued(jwt: jwt, credential: credential, participant: participant, checks: checks)
        } catch {
            throw ComplianceRefusal(
                status: 500, failures: [ComplianceCheck(.format, passed: false, "the credential could not be issued: \(error)")])
        }
    }

    /// Signatures, chains, validity, status and data model, from the credential verifier's report.
    func verification(_ presentation: String, now: Date) async -> [ComplianceCheck] {
        var policy = CredentialVerifier.Policy(now: now, resolver: resolver)
        let notaries = (try? await registry.store.trustedIssuers(.notary)) ?? []
        policy.trustedIssuers = Set(notaries)
        if let anchors = try? TrustAnchors(pem: (try? await registry.store.trustAnchors().map(\.pem)) ?? []), !anchors.isEmpty {
            policy.x509 = .init(
                anchors: anchors,
                requiredPolicyOID: registry.requireEV ? CredentialVerifier.X509IssuerTrust.evPolicyOID : nil, http: http,
                allowInsecureHTTP: allowInsecureHTTP)
        }
        if let http {
            policy.statusChecker = StatusListChecker(
                source: VerifyingStatusListSource(http: http, policy: CredentialVerifier.Policy(now: now, resolver: resolver, trustedIssuers: Set(notaries))))
        }
        let report = await CredentialVerifier(policy: policy).verify(presentation)
        let houses = (try? await registry.store.trustedIssuers(.clearingHouse)) ?? []
        let registered = Set(notaries + houses)
        var checks = Self.map(report, path: "", registered: registered)
        for (index, credential) in report.credentials.enumerated() {
            checks += Self.map(credential, path: "verifiableCredential[\(index)]", registered: registered)
        }
        return checks
    }

    /// The verifier's checks as compliance checks. A credential from an issuer the registry
    /// itself trusts (a notary, a clearing house) needs no certificate chain: the registry
    /// vouches for its DID.
    static func map(_ report: VerificationReport, path: String, registered: Set<String>) -> [ComplianceCheck] {
        let vouched = !path.isEmpty && report.issuer.map(registered.contains) == true
        return report.checks.compactMap { check in
            if vouched, check.name == .certificateChain {
                return ComplianceCheck(
                    .certificateChain, passed: true, path: path,
                    "\(report.issuer ?? "") is trusted by the registry (notary or clearing house)")
            }
            let name: ComplianceCheck.Name
            switch check.name {
            case .format: name = .format
            case .signature: name = path.isEmpty ? .presentationSignature : .credentialSignature
            case .dataModel: name = .dataModel
            case .validityPeriod: name = .validity
            case .certificateChain: name = .certificateChain
            case .issuerTrust: name = .certificateChain
            case .status: name = .revocation
            case .audience, .holderBinding: return nil
            }
            switch check.outcome {
            case .passed: return ComplianceCheck(name, passed: true, path: path, check.detail)
            case .failed(let error): return ComplianceCheck(name, passed: false, path: path, error.message)
            case .skipped(let why):
                // A chain that cannot be checked (no anchors, no x5c/x5u) is a failure here: the
                // clearing house certifies only keys a trust anchor vouches for.
                if check.name == .certificateChain, !path.isEmpty {
                    return ComplianceCheck(name, passed: false, path: path, why)
                }
                return nil
            }
        }
    }
}

/// SHACL conformance of a presentation's credentials (checked together, as they refer to
/// each other): the violations, each traced to its credential.
public protocol ShapeConformance: Sendable {
    func check(_ credentials: [JSONObject]) -> [ShapeViolation]
}

/// One shape violation: the credential (index in the presentation; nil when it cannot be
/// told), the path in it, and what is wrong.
public struct ShapeViolation: Sendable, Equatable {
    public var credential: Int?
    public var path: String
    public var message: String

    public init(credential: Int?, path: String, message: String) {
        self.credential = credential
        self.path = path
        self.message = message
    }
}
