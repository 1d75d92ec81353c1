import Foundation
import SwiftASN1
import X509

/// An X.509 certificate chain as a JOSE key or a Gaia-X `x5u` file carries it: the leaf
/// first, then the certificates that issued it, usually ending with a self-signed root.
///
/// Parsing is bounded (`Limits`): the number of certificates and the size of each, and of a
/// PEM bundle as a whole. Parsing says nothing about trust; see `ChainValidator`.
public struct CertificateChain: Sendable, Hashable {
    /// Bounds applied while parsing.
    public struct Limits: Sendable, Equatable {
        /// Most certificates a chain may hold.
        public var maxCertificates: Int
        /// Largest DER certificate, in bytes.
        public var maxCertificateBytes: Int
        /// Largest PEM bundle, in bytes.
        public var maxPEMBytes: Int

        public init(maxCertificates: Int = 10, maxCertificateBytes: Int = 64 * 1024, maxPEMBytes: Int = 512 * 1024) {
            self.maxCertificates = maxCertificates
            self.maxCertificateBytes = maxCertificateBytes
            self.maxPEMBytes = maxPEMBytes
        }
    }

    /// The certificates, leaf first.
    public let certificates: [Certificate]

    /// The end-entity certificate (the first one).
    public var leaf: Certificate { certificates[0] }

    /// The certificates after the leaf (intermediates and possibly the root).
    public var issuers: ArraySlice<Certificate> { certificates.dropFirst() }

    /// A chain of the given certificates, leaf first; refuses an empty list.
    public init(_ certificates: [Certificate]) throws(IdentityError) {
        guard !certificates.isEmpty else { throw IdentityError("a certificate chain needs at least one certificate") }
        self.certificates = certificates
    }

    /// Parses a PEM bundle: one or more `-----BEGIN CERTIFICATE-----` blocks, leaf first.
    /// Text outside the blocks is ignored; blocks of any other type are refused.
    public init(pem: String, limits: Limits = Limits()) throws(IdentityError) {
        guard pem.utf8.count <= limits.maxPEMBytes else {
            throw IdentityError(
                "the PEM certificate chain has \(pem.utf8.count) bytes (at most \(limits.maxPEMBytes))",
                reason: .limitExceeded)
        }
        let blocks = pem.components(separatedBy: "-----BEGIN ").count - 1
        guard blocks > 0 else { throw IdentityError("the PEM text holds no -----BEGIN CERTIFICATE----- block") }
        guard blocks <= limits.maxCertificates else {
            throw IdentityError(
                "the PEM certificate chain has \(blocks) blocks (at most \(limits.maxCertificates))",
                reason: .limitExceeded)
        }
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw IdentityError("the PEM certificate chain is not valid PEM: \(error)")
        }
        var certificates: [Certificate] = []
        for (index, document) in documents.enumerated() {
            guard document.discriminator == "CERTIFICATE" else {
                throw IdentityError(
                    "PEM block \(index + 1) is a \"\(document.discriminator)\", not a \"CERTIFICATE\"")
            }
            certificates.append(
                try Self.certificate(der: document.derBytes, position: "PEM block \(index + 1)", limits: limits))
        }
        try self.init(certificates)
    }

    /// Parses a JWK `x5c` array (RFC 7517 §4.7): standard base64 (not base64url) DER
    /// certificates, leaf first.
    public init(x5c: [String], limits: Limits = Limits()) throws(IdentityError) {
        guard !x5c.isEmpty else { throw IdentityError("\"x5c\" is an empty array") }
        guard x5c.count <= limits.maxCertificates else {
            throw IdentityError(
                "\"x5c\" has \(x5c.count) certificates (at most \(limits.maxCertificates))", reason: .limitExceeded)
        }
        var certificates: [Certificate] = []
        for (index, text) in x5c.enumerated() {
            guard text.utf8.count <= (limits.maxCertificateBytes / 3 + 1) * 4 else {
                throw IdentityError(
                    "\"x5c\"[\(index)] is larger than \(limits.maxCertificateBytes) bytes", reason: .limitExceeded)
            }
            guard let data = Data(base64Encoded: text) else {
                throw IdentityError("\"x5c\"[\(index)] is not standard base64 (RFC 7517 §4.7)")
            }
            certificates.append(try Self.certificate(der: Array(data), position: "\"x5c\"[\(index)]", limits: limits))
        }
        try self.init(certificates)
    }

    /// The chain as a PEM bundle, leaf first.
    public func pem() throws(IdentityError) -> String {
        var text = ""
        for certificate in certificates {
            do {
                text += try certificate.serializeAsPEM().pemString + "\n"
            } catch {
                throw IdentityError("a certificate could not be encoded as PEM: \(error)")
            }
        }
        return text
    }

    /// The chain as a JWK `x5c` array (standard base64 DER).
    public func x5c() throws(IdentityError) -> [String] {
        var out: [String] = []
        for certificate in certificates {
            out.append(Data(try Self.der(of: certificate)).base64EncodedString())
        }
        return out
    }

    /// The DER bytes of `certificate`.
    static func der(of certificate: Certificate) throws(IdentityError) -> [UInt8] {
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return serializer.serializedBytes
        } catch {
            throw IdentityError("a certificate could not be DER-encoded: \(error)")
        }
    }

    static func certificate(der: [UInt8], position: String, limits: Limits) throws(IdentityError) -> Certificate {
        guard der.count <= limits.maxCertificateBytes else {
            throw IdentityError(
                "\(position) has \(der.count) bytes (at most \(limits.maxCertificateBytes))", reason: .limitExceeded)
        }
        do {
            return try Certificate(derEncoded: der)
        } catch {
            throw IdentityError("\(position) is not a valid X.509 certificate: \(error)")
        }
    }
}
