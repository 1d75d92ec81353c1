import EspaceCredentials
import EspaceIdentity
import EspaceJSON
import Foundation

/// Checks a participant's compliance credential the way any other participant does: issued
/// by one of the clearing houses the data space's registry lists (any of them: trust is
/// distributed), valid now, and about the very credentials presented with it (each
/// `gx:digestSRI` matches one of them).
public struct ComplianceVerifier: Sendable {
    /// The outcome.
    public struct Outcome: Sendable {
        /// The clearing house that issued the label.
        public var issuer: String?
        /// `SC`, `L1`, `L2` or `L3`.
        public var level: String?
        /// What failed (empty when the label is accepted).
        public var failures: [String]

        public var isAccepted: Bool { failures.isEmpty }
    }

    /// The clearing houses whose labels are accepted (`GET /v2/api/complianceIssuers`).
    public var trustedClearingHouses: Set<String>
    public var resolver: any VerificationMethodResolver
    /// Checks the label's revocation status (the clearing house's list); nil: not checked.
    public var statusChecker: StatusListChecker?

    public init(
        trustedClearingHouses: Set<String>, resolver: any VerificationMethodResolver, statusChecker: StatusListChecker? = nil
    ) {
        self.trustedClearingHouses = trustedClearingHouses
        self.resolver = resolver
        self.statusChecker = statusChecker
    }

    /// A verifier that fetches the clearing houses' revocation lists through `http` and checks
    /// them (signed by a listed clearing house, valid), as a participant does.
    public static func fetchingStatus(
        trustedClearingHouses: Set<String>, resolver: any VerificationMethodResolver, http: any HTTPClient, now: Date
    ) -> ComplianceVerifier {
        let policy = CredentialVerifier.Policy(now: now, resolver: resolver, trustedIssuers: trustedClearingHouses)
        return ComplianceVerifier(
            trustedClearingHouses: trustedClearingHouses, resolver: resolver,
            statusChecker: StatusListChecker(source: VerifyingStatusListSource(http: http, policy: policy)))
    }

    /// Verifies the label `jwt` at `now`; with `credentials` (the `vc+jwt`s it was issued for),
    /// also that every one of them is among its compliant credentials, unchanged.
    public func verify(label jwt: String, credentials: [String] = [], now: Date) async -> Outcome {
        var policy = CredentialVerifier.Policy(now: now, resolver: resolver, trustedIssuers: trustedClearingHouses)
        policy.validatorOptions.checkJSONLD = false
        policy.statusChecker = statusChecker
        let report = await CredentialVerifier(policy: policy).verify(jwt)
        var outcome = Outcome(issuer: report.issuer, level: nil, failures: report.failures.map { "\($0.name.rawValue): \($0.error?.message ?? "")" })
        guard let credential = report.credential else {
            if outcome.failures.isEmpty { outcome.failures.append("format: the label is not a credential") }
            return outcome
        }
        guard GaiaX.hasType(credential.types, "LabelCredential") else {
            outcome.failures.append("type: the credential is not a gx:LabelCredential")
            return outcome
        }
        let subject = GaiaX.subjects(credential.json).first ?? [:]
        outcome.level = GaiaX.property(subject, "labelLevel")?.stringValue
        let digests = (GaiaX.property(subject, "compliantCredentials")?.asArray ?? []).compactMap {
            $0.objectValue.flatMap { GaiaX.property($0, "digestSRI")?.stringValue }
        }
        for (index, presented) in credentials.enumerated() {
            guard let payload = try? EnvelopedCredential.decode(presented).credential.json else {
                outcome.failures.append("credentials[\(index)]: not a vc+jwt")
                continue
            }
            let covered = digests.contains { (try? DigestSRI.verify($0, .object(payload))) == true }
            if !covered {
                outcome.failures.append(
                    "credentials[\(index)] (\(payload["id"]?.stringValue ?? "no id")) is not among the label's compliant credentials, or was changed")
            }
        }
        return outcome
    }
}
