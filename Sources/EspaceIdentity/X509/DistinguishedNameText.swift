import Foundation
import SwiftASN1
import X509

/// Parses the simple RFC 4514-style `CN=…,O=…` subject strings (most specific first) the development CA accepts: attributes
/// CN, O, OU, C, L, ST, DC separated by commas, without escapes (commas and backslashes in
/// values are refused).
enum DistinguishedNameText {
    static let maxLength = 1024

    static func parse(_ text: String) throws(IdentityError) -> DistinguishedName {
        guard text.utf8.count <= maxLength else {
            throw IdentityError(
                "subject \"\(text.prefix(40))…\" is longer than \(maxLength) bytes", reason: .limitExceeded)
        }
        guard !text.contains("\\") else {
            throw IdentityError("subject \"\(text)\": escaped characters are not supported", reason: .unsupported)
        }
        var rdns: [RelativeDistinguishedName] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw IdentityError("subject \"\(text)\": \"\(part)\" is not TYPE=value") }
            let type = pair[0].trimmingCharacters(in: .whitespaces).uppercased()
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw IdentityError("subject \"\(text)\": \(type) has an empty value") }
            let attribute: RelativeDistinguishedName.Attribute
            switch type {
            case "CN": attribute = .init(type: .RDNAttributeType.commonName, utf8String: value)
            case "O": attribute = .init(type: .RDNAttributeType.organizationName, utf8String: value)
            case "OU": attribute = .init(type: .RDNAttributeType.organizationalUnitName, utf8String: value)
            case "L": attribute = .init(type: .RDNAttributeType.localityName, utf8String: value)
            case "ST": attribute = .init(type: .RDNAttributeType.stateOrProvinceName, utf8String: value)
            case "DC":
                do {
                    attribute = try .init(type: .RDNAttributeType.domainComponent, ia5String: value)
                } catch {
                    throw IdentityError("subject \"\(text)\": DC \"\(value)\" is not ASCII")
                }
            case "C":
                guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw IdentityError("subject \"\(text)\": C must be a two-letter country code")
                }
                do {
                    attribute = try .init(type: .RDNAttributeType.countryName, printableString: value.uppercased())
                } catch {
                    throw IdentityError("subject \"\(text)\": C \"\(value)\" is not printable")
                }
            default:
                throw IdentityError(
                    "subject \"\(text)\": attribute \(type) is not supported (CN, O, OU, C, L, ST, DC)",
                    reason: .unsupported)
            }
            rdns.append(RelativeDistinguishedName(attribute))
        }
        // RFC 4514 writes the most specific RDN first; the DER sequence starts at the top.
        return DistinguishedName(rdns.reversed())
    }
}
