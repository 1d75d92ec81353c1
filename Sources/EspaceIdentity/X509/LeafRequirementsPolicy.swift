import SwiftASN1
import X509

/// A swift-certificates `VerifierPolicy` enforcing what Espace requires of a chain beyond
/// RFC 5280: a bounded length, a leaf usable for signatures and, optionally, a leaf carrying
/// a given certificate policy (Gaia-X production registries require EV, 2.23.140.1.1).
public struct LeafRequirementsPolicy: VerifierPolicy, Sendable {
    /// This policy reads certificatePolicies, so a critical one does not make the chain fail.
    public let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [CertificatePolicies.oid]

    /// Most certificates a chain may have, leaf and root included.
    public var maxChainLength: Int
    /// Whether the leaf must allow digitalSignature.
    public var requireDigitalSignature: Bool
    /// A policy OID the leaf must list in certificatePolicies, if any.
    public var requiredPolicy: ASN1ObjectIdentifier?

    public init(maxChainLength: Int, requireDigitalSignature: Bool, requiredPolicy: ASN1ObjectIdentifier?) {
        self.maxChainLength = maxChainLength
        self.requireDigitalSignature = requireDigitalSignature
        self.requiredPolicy = requiredPolicy
    }

    public func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) -> PolicyEvaluationResult {
        guard chain.count <= maxChainLength else {
            let count = chain.count
            let max = maxChainLength
            return .failsToMeetPolicy(reason: "the chain has \(count) certificates (at most \(max))")
        }
        if let error = leafError(chain.leaf) {
            return .failsToMeetPolicy(reason: error.message)
        }
        return .meetsPolicy
    }

    /// Why `leaf` fails the leaf requirements, or nil if it meets them.
    ///
    /// A leaf without keyUsage is unrestricted (RFC 5280 §4.2.1.3) and passes; one whose
    /// keyUsage lacks digitalSignature fails with `.keyMismatch` (its key may not sign).
    /// A leaf without the required policy fails with `.unsupported` (a certificate of a kind
    /// the trust policy does not accept, e.g. domain-validated where EV is required).
    public func leafError(_ leaf: Certificate) -> IdentityError? {
        if requireDigitalSignature {
            let usage: KeyUsage?
            do {
                usage = try leaf.extensions.keyUsage
            } catch {
                return IdentityError("the keyUsage extension of \(leaf.subject) is malformed: \(error)")
            }
            if let usage, !usage.digitalSignature {
                return IdentityError(
                    "the leaf certificate \(leaf.subject) does not allow digitalSignature in its keyUsage",
                    reason: .keyMismatch)
            }
        }
        if let requiredPolicy {
            let policies: CertificatePolicies
            do {
                policies = try CertificatePolicies(certificate: leaf)
            } catch {
                return error
            }
            if !policies.identifiers.contains(requiredPolicy) {
                return IdentityError(
                    "the leaf certificate \(leaf.subject) does not carry certificate policy \(requiredPolicy)",
                    reason: .unsupported)
            }
        }
        return nil
    }
}
