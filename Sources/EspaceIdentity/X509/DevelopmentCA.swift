import Crypto
import Foundation
import SwiftASN1
import X509

/// A small certificate authority for local data spaces and tests, so that `x5u`/`x5c` chains
/// are real X.509 chains: a self-signed root (optionally intermediates under it) that issues
/// leaf certificates for participants' keys. Not for production use.
///
/// All times are injected; nothing reads the clock.
public struct DevelopmentCA: Sendable {
    /// The CA key types offered.
    public enum KeyType: String, Sendable, CaseIterable {
        case p256, p384

        func generate() -> PrivateKey {
            switch self {
            case .p256: return .p256(P256.Signing.PrivateKey())
            case .p384: return .p384(P384.Signing.PrivateKey())
            }
        }
    }

    /// Longest validity accepted, in days (about 30 years).
    public static let maxValidityDays = 11_000

    /// This CA's certificate.
    public let certificate: Certificate
    /// The certificates above this CA, up to and including the root (empty for a root).
    public let issuerChain: [Certificate]
    /// This CA's signing key (P-256 or P-384).
    public let privateKey: PrivateKey

    /// This CA's certificate followed by its issuers: what follows a leaf in a chain.
    public var chain: [Certificate] { [certificate] + issuerChain }
    /// The self-signed root at the top.
    public var root: Certificate { issuerChain.last ?? certificate }

    /// A CA from its certificate(s) and key, e.g. read back from `ca.pem` and `ca-key.pem`.
    /// `certificates` starts with this CA's certificate and may continue with its issuers.
    public init(certificates: [Certificate], privateKey: PrivateKey) throws(IdentityError) {
        guard let first = certificates.first else { throw IdentityError("a CA needs its certificate") }
        guard privateKey.publicKey.certificatePublicKey == first.publicKey else {
            throw IdentityError("the CA key is not the key of CA certificate \(first.subject)", reason: .keyMismatch)
        }
        guard case .isCertificateAuthority(_)? = try? first.extensions.basicConstraints else {
            throw IdentityError("certificate \(first.subject) is not a CA (basicConstraints cA is not true)")
        }
        self.certificate = first
        self.issuerChain = Array(certificates.dropFirst())
        self.privateKey = privateKey
    }

    /// A CA from PEM texts: the certificate bundle (this CA first) and the private key.
    public init(certificatePEM: String, privateKeyPEM: String) throws(IdentityError) {
        let chain = try CertificateChain(pem: certificatePEM)
        try self.init(certificates: chain.certificates, privateKey: try PrivateKey(pem: privateKeyPEM))
    }

    /// A fresh self-signed root CA valid from `notBefore` for `validityDays` days.
    public static func root(
        subject: String, keyType: KeyType = .p256, notBefore: Date, validityDays: Int = 3650
    ) throws(IdentityError) -> DevelopmentCA {
        let key = keyType.generate()
        let name = try DistinguishedNameText.parse(subject)
        let certificate = try makeCertificate(
            publicKey: key.publicKey.certificatePublicKey, subject: name, issuer: name, issuerKey: key,
            notBefore: notBefore, validityDays: validityDays,
            extensions: try caExtensions(key: key.publicKey.certificatePublicKey, issuerKeyIdentifier: nil))
        return try DevelopmentCA(certificates: [certificate], privateKey: key)
    }

    /// A fresh intermediate CA issued by this CA.
    public func intermediate(
        subject: String, keyType: KeyType = .p256, notBefore: Date, validityDays: Int = 1825
    ) throws(IdentityError) -> DevelopmentCA {
        let key = keyType.generate()
        let publicKey = key.publicKey.certificatePublicKey
        let certificate = try Self.makeCertificate(
            publicKey: publicKey, subject: try DistinguishedNameText.parse(subject), issuer: certificate.subject,
            issuerKey: privateKey, notBefore: notBefore, validityDays: validityDays,
            extensions: try Self.caExtensions(key: publicKey, issuerKeyIdentifier: keyIdentifier))
        return try DevelopmentCA(certificates: [certificate] + chain, privateKey: key)
    }

    /// Issues a leaf certificate for `publicKey` (Ed25519, EC or RSA): subject CN `commonName`
    /// (plus `organization` if given), subjectAltName dNSName for each of `dnsNames`,
    /// keyUsage digitalSignature (`keyUsageDigitalSignature: false` leaves it out, for tests
    /// of that rejection), certificatePolicies `policyOIDs` (dotted) if any.
    public func issue(
        publicKey: PublicKey, commonName: String, organization: String? = nil, dnsNames: [String] = [],
        policyOIDs: [String] = [], notBefore: Date, validityDays: Int = 365, keyUsageDigitalSignature: Bool = true
    ) throws(IdentityError) -> Certificate {
        guard !commonName.isEmpty, !commonName.contains(","), !(organization ?? "").contains(",") else {
            throw IdentityError("the common name and organization must be non-empty and contain no comma")
        }
        let subject = try DistinguishedNameText.parse("CN=\(commonName)" + (organization.map { ",O=\($0)" } ?? ""))
        var policies: [ASN1ObjectIdentifier] = []
        for text in policyOIDs {
            do {
                policies.append(try ASN1ObjectIdentifier(dotRepresentation: text))
            } catch {
                throw IdentityError("policy \"\(text)\" is not a dotted OID")
            }
        }
        let key = publicKey.certificatePublicKey
        let extensions: Certificate.Extensions
        do {
            let policyExtension = policies.isEmpty ? nil : try CertificatePolicies(policies).makeExtension()
            let akid = keyIdentifier
            extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(
                    keyUsageDigitalSignature ? KeyUsage(digitalSignature: true) : KeyUsage(keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
                SubjectKeyIdentifier(hash: key)
                if let akid { AuthorityKeyIdentifier(keyIdentifier: akid) }
                if !dnsNames.isEmpty { SubjectAlternativeNames(dnsNames.map { GeneralName.dnsName($0) }) }
                if let policyExtension { policyExtension }
            }
        } catch let error as IdentityError {
            throw error
        } catch {
            throw IdentityError("the leaf certificate extensions could not be built: \(error)")
        }
        return try Self.makeCertificate(
            publicKey: key, subject: subject, issuer: certificate.subject, issuerKey: privateKey,
            notBefore: notBefore, validityDays: validityDays, extensions: extensions)
    }

    /// Issues a leaf (see `issue`) and returns its whole chain: leaf, this CA, its issuers.
    public func issueChain(
        publicKey: PublicKey, commonName: String, organization: String? = nil, dnsNames: [String] = [],
        policyOIDs: [String] = [], notBefore: Date, validityDays: Int = 365
    ) throws(IdentityError) -> CertificateChain {
        let leaf = try issue(
            publicKey: publicKey, commonName: commonName, organization: organization, dnsNames: dnsNames,
            policyOIDs: policyOIDs, notBefore: notBefore, validityDays: validityDays)
        return try CertificateChain([leaf] + chain)
    }

    /// This CA's subject key identifier (also written as the authority key identifier of what it issues).
    var keyIdentifier: ArraySlice<UInt8>? {
        (try? certificate.extensions.subjectKeyIdentifier)?.keyIdentifier
    }

    static func caExtensions(key: Certificate.PublicKey, issuerKeyIdentifier: ArraySlice<UInt8>?) throws(IdentityError)
        -> Certificate.Extensions
    {
        do {
            return try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: key)
                if let issuerKeyIdentifier { AuthorityKeyIdentifier(keyIdentifier: issuerKeyIdentifier) }
            }
        } catch {
            throw IdentityError("the CA certificate extensions could not be built: \(error)")
        }
    }

    static func makeCertificate(
        publicKey: Certificate.PublicKey, subject: DistinguishedName, issuer: DistinguishedName, issuerKey: PrivateKey,
        notBefore: Date, validityDays: Int, extensions: Certificate.Extensions
    ) throws(IdentityError) -> Certificate {
        guard (1...maxValidityDays).contains(validityDays) else {
            throw IdentityError(
                "validity of \(validityDays) days is outside 1…\(maxValidityDays)", reason: .limitExceeded)
        }
        // Whole seconds: X.509 times carry no fractions.
        let start = Date(timeIntervalSince1970: notBefore.timeIntervalSince1970.rounded(.down))
        do {
            return try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey, notValidBefore: start,
                notValidAfter: start.addingTimeInterval(Double(validityDays) * 86_400), issuer: issuer,
                subject: subject, extensions: extensions, issuerPrivateKey: issuerKey.certificatePrivateKey)
        } catch {
            throw IdentityError("the certificate for \(subject) could not be signed: \(error)")
        }
    }
}
