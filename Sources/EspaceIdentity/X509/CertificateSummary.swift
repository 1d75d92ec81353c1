import EspaceJSON
import Foundation
import X509

/// What a caller needs to know about a validated leaf certificate.
public struct CertificateSummary: Sendable, Equatable {
    /// The subject distinguished name (RFC 4514 string form).
    public var subject: String
    /// The issuer distinguished name.
    public var issuer: String
    /// The serial number, as colon-separated hex.
    public var serialNumber: String
    public var notBefore: Date
    public var notAfter: Date
    /// The certificatePolicies identifiers, dotted.
    public var policyOIDs: [String]
    /// The subjectAltName dNSName entries.
    public var dnsNames: [String]

    /// Summarises `certificate`.
    public init(_ certificate: Certificate) throws(IdentityError) {
        subject = certificate.subject.description
        issuer = certificate.issuer.description
        serialNumber = certificate.serialNumber.description
        notBefore = certificate.notValidBefore
        notAfter = certificate.notValidAfter
        policyOIDs = try CertificatePolicies(certificate: certificate).identifiers.map { $0.description }
        var names: [String] = []
        let san: SubjectAlternativeNames?
        do {
            san = try certificate.extensions.subjectAlternativeNames
        } catch {
            throw IdentityError("the subjectAltName extension of \(certificate.subject) is malformed: \(error)")
        }
        for name in san ?? SubjectAlternativeNames() {
            if case .dnsName(let dns) = name { names.append(dns) }
        }
        dnsNames = names
    }

    /// The summary as a JSON object (dates in RFC 3339 UTC).
    public var json: JSONValue {
        let format = ISO8601DateFormatter()
        var o = JSONObject()
        o["subject"] = .string(subject)
        o["issuer"] = .string(issuer)
        o["serialNumber"] = .string(serialNumber)
        o["notBefore"] = .string(format.string(from: notBefore))
        o["notAfter"] = .string(format.string(from: notAfter))
        o["policies"] = .array(policyOIDs.map { .string($0) })
        o["dnsNames"] = .array(dnsNames.map { .string($0) })
        return .object(o)
    }
}
