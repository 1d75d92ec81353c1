import SwiftASN1
import X509

/// The certificatePolicies extension (RFC 5280 §4.2.1.4), reduced to its policy
/// identifiers (qualifiers are skipped). swift-certificates has no type for it.
public struct CertificatePolicies: Sendable, Hashable {
    /// The extension's OID, 2.5.29.32.
    public static let oid: ASN1ObjectIdentifier = [2, 5, 29, 32]
    /// The CA/Browser Forum Extended Validation policy, 2.23.140.1.1.
    public static let extendedValidation: ASN1ObjectIdentifier = [2, 23, 140, 1, 1]
    /// The CA/Browser Forum domain-validated policy, 2.23.140.1.2.1.
    public static let domainValidated: ASN1ObjectIdentifier = [2, 23, 140, 1, 2, 1]
    /// Most policies accepted in one extension.
    static let maxPolicies = 64

    /// The policy identifiers, in order.
    public var identifiers: [ASN1ObjectIdentifier]

    public init(_ identifiers: [ASN1ObjectIdentifier]) {
        self.identifiers = identifiers
    }

    /// The policies of `certificate`; empty if it has no certificatePolicies extension.
    public init(certificate: Certificate) throws(IdentityError) {
        guard let ext = certificate.extensions[oid: Self.oid] else {
            self.identifiers = []
            return
        }
        do {
            let root = try DER.parse(ext.value)
            var found: [ASN1ObjectIdentifier] = []
            try DER.sequence(root, identifier: .sequence) { nodes in
                while let info = nodes.next() {
                    guard found.count < Self.maxPolicies else {
                        throw ASN1Error.invalidASN1Object(reason: "more than \(Self.maxPolicies) policies")
                    }
                    let oid = try DER.sequence(info, identifier: .sequence) { inner in
                        let oid = try ASN1ObjectIdentifier(derEncoded: &inner)
                        // policyQualifiers (optional) are skipped.
                        while inner.next() != nil {}
                        return oid
                    }
                    found.append(oid)
                }
            }
            self.identifiers = found
        } catch {
            throw IdentityError("the certificatePolicies extension of \(certificate.subject) is malformed: \(error)")
        }
    }

    /// The extension carrying these policies (non-critical, without qualifiers).
    public func makeExtension() throws(IdentityError) -> Certificate.Extension {
        do {
            var serializer = DER.Serializer()
            try serializer.appendConstructedNode(identifier: .sequence) { outer in
                for identifier in identifiers {
                    try outer.appendConstructedNode(identifier: .sequence) { info in
                        try info.serialize(identifier)
                    }
                }
            }
            return Certificate.Extension(oid: Self.oid, critical: false, value: serializer.serializedBytes[...])
        } catch {
            throw IdentityError("the certificatePolicies extension could not be encoded: \(error)")
        }
    }
}
