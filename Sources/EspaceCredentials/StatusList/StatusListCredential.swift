import EspaceIdentity
import EspaceJSON
import Foundation

/// A status list credential, read (from verified JSON) or built (unsigned; the caller signs).
public struct StatusListCredential: Sendable {
    /// The format: Bitstring Status List v1.0 or StatusList2021.
    public var format: StatusListFormat
    /// The purposes the list serves (one, or several for multi-purpose lists).
    public var purposes: [String]
    /// The decoded list.
    public var list: StatusList
    /// `validFrom` / `issuanceDate`, if given.
    public var validFrom: Date?
    /// `validUntil` / `expirationDate`, if given.
    public var validUntil: Date?
    /// The `ttl` (milliseconds in the specification), as seconds.
    public var ttl: TimeInterval?

    /// Reads a status list credential (already verified by the caller) for entries of
    /// `statusSize` bits; `minimumBytes` is the smallest bitstring accepted.
    public init(
        json: JSONObject, statusSize: Int = 1, minimumBytes: Int = StatusList.minimumEntries / 8,
        maxBytes: Int = StatusList.defaultMaxBytes
    ) throws(IdentityError) {
        let types = Set((json["type"]?.asArray ?? []).compactMap(\.stringValue))
        if types.contains("BitstringStatusListCredential") {
            format = .bitstring
        } else if types.contains("StatusList2021Credential") {
            format = .statusList2021
        } else {
            throw IdentityError("the status list credential is neither a BitstringStatusListCredential nor a StatusList2021Credential")
        }
        guard let subject = json["credentialSubject"]?.objectValue else {
            throw IdentityError("the status list credential's credentialSubject is not one object")
        }
        let subjectType = format == .bitstring ? "BitstringStatusList" : "StatusList2021"
        guard subject["type"]?.asArray.contains(.string(subjectType)) == true else {
            throw IdentityError("the status list credential's subject is not of type \(subjectType)")
        }
        purposes = (subject["statusPurpose"]?.asArray ?? []).compactMap(\.stringValue)
        guard !purposes.isEmpty else { throw IdentityError("the status list has no statusPurpose") }
        guard let encoded = subject["encodedList"]?.stringValue else { throw IdentityError("the status list has no encodedList") }
        list = try StatusList.decode(encoded, statusSize: statusSize, minimumBytes: minimumBytes, maxBytes: maxBytes)
        let from = json["validFrom"]?.stringValue ?? json["issuanceDate"]?.stringValue
        let until = json["validUntil"]?.stringValue ?? json["expirationDate"]?.stringValue
        validFrom = nil
        validUntil = nil
        if let from { validFrom = try ProofDateTime.parse(from, member: "the status list's validFrom") }
        if let until { validUntil = try ProofDateTime.parse(until, member: "the status list's validUntil") }
        if let ttlValue = subject["ttl"] {
            guard let ms = StatusListEntry.integerValue(ttlValue) else { throw IdentityError("the status list's ttl is not an integer") }
            ttl = TimeInterval(ms) / 1000
        }
    }

    /// An unsigned status list credential for `list`, ready to be signed by the caller. (For
    /// lists of several bits per entry, `statusSize` goes in the entries that point here.)
    /// `ttlMilliseconds` is written for Bitstring lists only.
    public static func build(
        id: String, issuer: String, purpose: StatusPurpose, list: StatusList, format: StatusListFormat = .bitstring,
        validFrom: Date? = nil, validUntil: Date? = nil, ttlMilliseconds: Int? = nil
    ) -> JSONObject {
        var subject: JSONObject = ["id": .string(id + "#list")]
        subject["type"] = .string(format == .bitstring ? "BitstringStatusList" : "StatusList2021")
        subject["statusPurpose"] = .string(purpose.rawValue)
        subject["encodedList"] = .string(list.encoded(format))
        // StatusList2021's context defines no `ttl` (Bitstring Status List added it).
        if let ttlMilliseconds, format == .bitstring { subject["ttl"] = .number(JSONNumber(ttlMilliseconds)) }
        var credential: JSONObject = [:]
        switch format {
        case .bitstring:
            credential["@context"] = ["https://www.w3.org/ns/credentials/v2"]
            credential["id"] = .string(id)
            credential["type"] = ["VerifiableCredential", "BitstringStatusListCredential"]
            credential["issuer"] = .string(issuer)
            if let validFrom { credential["validFrom"] = .string(ProofDateTime.format(validFrom)) }
            if let validUntil { credential["validUntil"] = .string(ProofDateTime.format(validUntil)) }
        case .statusList2021:
            credential["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/vc/status-list/2021/v1"]
            credential["id"] = .string(id)
            credential["type"] = ["VerifiableCredential", "StatusList2021Credential"]
            credential["issuer"] = .string(issuer)
            credential["issuanceDate"] = .string(ProofDateTime.format(validFrom ?? Date(timeIntervalSince1970: 0)))
            if let validUntil { credential["expirationDate"] = .string(ProofDateTime.format(validUntil)) }
        }
        credential["credentialSubject"] = .object(subject)
        return credential
    }
}

extension StatusListEntry {
    static func integerValue(_ value: JSONValue) -> Int? {
        try? integer(value, name: "value", required: true)
    }
}
