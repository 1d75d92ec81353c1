import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// Validates certificate chains against trust anchors with swift-certificates' `Verifier`
/// (RFC 5280 path building, signatures, basic constraints, name constraints, validity) plus
/// Espace's `LeafRequirementsPolicy`.
///
/// Rejections, by `IdentityError.reason`:
/// - `.expired` / `.notYetValid`: the leaf, or a presented issuer certificate, is outside its
///   validity period at the validation time (checked before path building, so the cause is
///   told apart);
/// - `.keyMismatch`: the leaf's keyUsage does not allow digitalSignature;
/// - `.unsupported`: the leaf lacks the required certificate policy (e.g. EV);
/// - `.limitExceeded`: the chain is longer than `maxChainLength`;
/// - `.chainNotAnchored`: no valid path from the leaf to a trust anchor (unknown or other
///   root, bad signature, an issuer that is not a CA…);
/// - `.malformed`: an unparsable option or extension.
public struct ChainValidator: Sendable {
    /// What a chain must satisfy.
    public struct Options: Sendable, Equatable {
        /// The time at which every certificate must be valid (injected; no clock is read).
        public var validationTime: Date
        /// Whether the leaf's keyUsage, if present, must allow digitalSignature.
        public var requireDigitalSignature: Bool
        /// A certificate policy OID (dotted, e.g. "2.23.140.1.1" for EV) the leaf must carry.
        public var requiredPolicyOID: String?
        /// Most certificates in a chain, leaf and anchor included.
        public var maxChainLength: Int

        public init(
            validationTime: Date, requireDigitalSignature: Bool = true, requiredPolicyOID: String? = nil,
            maxChainLength: Int = 6
        ) {
            self.validationTime = validationTime
            self.requireDigitalSignature = requireDigitalSignature
            self.requiredPolicyOID = requiredPolicyOID
            self.maxChainLength = maxChainLength
        }

        /// The options Gaia-X production registries apply (`evsslonly=true`): EV policy on the leaf.
        public static func gaiaXProduction(validationTime: Date) -> Options {
            Options(
                validationTime: validationTime, requiredPolicyOID: CertificatePolicies.extendedValidation.description)
        }
    }

    /// A chain that reached an anchor: leaf first, anchor last.
    public struct ValidatedChain: Sendable, Hashable {
        public let certificates: [Certificate]
        public var leaf: Certificate { certificates[0] }
        /// The trust anchor the chain ends in.
        public var anchor: Certificate { certificates[certificates.count - 1] }
    }

    public let anchors: TrustAnchors
    public let options: Options

    public init(anchors: TrustAnchors, options: Options) {
        self.anchors = anchors
        self.options = options
    }

    /// Validates `chain`; returns the path to an anchor or throws with a reason listed above.
    public func validate(_ chain: CertificateChain) async throws(IdentityError) -> ValidatedChain {
        guard !anchors.isEmpty else {
            throw IdentityError("no trust anchors are configured", reason: .chainNotAnchored)
        }
        guard chain.certificates.count <= options.maxChainLength else {
            throw IdentityError(
                "the chain has \(chain.certificates.count) certificates (at most \(options.maxChainLength))",
                reason: .limitExceeded)
        }
        var requiredPolicy: ASN1ObjectIdentifier?
        if let text = options.requiredPolicyOID {
            do {
                requiredPolicy = try ASN1ObjectIdentifier(dotRepresentation: text)
            } catch {
                throw IdentityError("the required policy \"\(text)\" is not a dotted OID")
            }
        }
        // Validity first, leaf then issuers, so expiry is reported as such.
        try Self.checkValidity(chain.leaf, role: "leaf", at: options.validationTime)
        for certificate in chain.issuers where !anchors.certificates.contains(certificate) {
            try Self.checkValidity(certificate, role: "issuer", at: options.validationTime)
        }
        let leafPolicy = LeafRequirementsPolicy(
            maxChainLength: options.maxChainLength, requireDigitalSignature: options.requireDigitalSignature,
            requiredPolicy: requiredPolicy)
        let time = options.validationTime
        var verifier = Verifier(rootCertificates: anchors.store) {
            RFC5280Policy(fixedExpiryValidationTime: time)
            leafPolicy
        }
        let result = await verifier.validate(leaf: chain.leaf, intermediates: CertificateStore(chain.issuers))
        switch result {
        case .validCertificate(let validated):
            return ValidatedChain(certificates: Array(validated))
        case .couldNotValidate(let failures):
            if let error = leafPolicy.leafError(chain.leaf) { throw error }
            if let anchor = anchors.certificates.first(where: { !Self.isValid($0, at: time) }),
                failures.contains(where: { $0.chain.contains(anchor) })
            {
                throw IdentityError(
                    "the trust anchor \(anchor.subject) is outside its validity period at \(time)", reason: .expired)
            }
            let reasons = Set(failures.map { $0.policyFailureReason.description }).sorted()
            let detail = reasons.isEmpty ? "no path to a trust anchor was found" : reasons.joined(separator: "; ")
            throw IdentityError(
                "the chain of \(chain.leaf.subject) (issued by \(chain.leaf.issuer)) does not reach a trust anchor: \(detail)",
                reason: .chainNotAnchored)
        }
    }

    static func isValid(_ certificate: Certificate, at time: Date) -> Bool {
        certificate.notValidBefore <= time && time <= certificate.notValidAfter
    }

    static func checkValidity(_ certificate: Certificate, role: String, at time: Date) throws(IdentityError) {
        if time < certificate.notValidBefore {
            throw IdentityError(
                "the \(role) certificate \(certificate.subject) is not valid before \(certificate.notValidBefore) (validation time \(time))",
                reason: .notYetValid)
        }
        if time > certificate.notValidAfter {
            throw IdentityError(
                "the \(role) certificate \(certificate.subject) expired at \(certificate.notValidAfter) (validation time \(time))",
                reason: .expired)
        }
    }
}
