import X509

/// The root certificates a chain must end in to be trusted (for Gaia-X: the registry's
/// trust anchors; for a local data space: the development CA's root).
public struct TrustAnchors: Sendable, Hashable {
    /// The anchor certificates.
    public let certificates: [Certificate]

    /// Anchors from certificates already parsed.
    public init(_ certificates: [Certificate]) {
        self.certificates = certificates
    }

    /// Anchors from one or more PEM texts, each holding one or more certificates.
    public init(pem texts: [String], limits: CertificateChain.Limits = CertificateChain.Limits()) throws(IdentityError)
    {
        var all: [Certificate] = []
        for text in texts {
            all += try CertificateChain(pem: text, limits: limits).certificates
        }
        self.init(all)
    }

    /// Whether there are no anchors (every chain is then refused).
    public var isEmpty: Bool { certificates.isEmpty }

    var store: CertificateStore { CertificateStore(certificates) }
}
