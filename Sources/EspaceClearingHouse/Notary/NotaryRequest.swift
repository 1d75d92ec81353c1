import EspaceCredentials

/// One request to the notary, as `GET /v2/registration-numbers/{type}/{value}?vcId=&subjectId=`
/// carries it (the route decodes the path and query; this checks the parameters).
public struct NotaryRequest: Sendable, Equatable {
    /// Longest `vcId` or `subjectId` accepted, in UTF-8 bytes.
    public static let maxIdentifierBytes = 2_048
    /// Longest `value` accepted, in UTF-8 bytes (the validators bound it further).
    public static let maxValueBytes = 256

    /// The kind of number asked for.
    public let type: RegistrationNumberType
    /// The number as given (the validators normalise it).
    public let value: String
    /// The `id` of the credential to issue (where the holder will publish it): a URL.
    public let vcId: String
    /// The `credentialSubject.id`: a URL or a DID (by convention `vcId#cs`).
    public let subjectId: String

    /// A request with a known type; throws `.malformedRequest` (400) for an empty or oversized
    /// value and for a `vcId` or `subjectId` that is missing or not a URL.
    public init(type: RegistrationNumberType, value: String, vcId: String?, subjectId: String?) throws(NotaryError) {
        guard !value.trimmingSpaces.isEmpty else {
            throw NotaryError(.malformedRequest, "the registration number is empty")
        }
        guard value.utf8.count <= Self.maxValueBytes else {
            throw NotaryError(.malformedRequest, "the registration number is longer than \(Self.maxValueBytes) bytes")
        }
        self.type = type
        self.value = value
        self.vcId = try Self.identifier(vcId, name: "vcId")
        self.subjectId = try Self.identifier(subjectId, name: "subjectId")
    }

    /// A request from the path segment `{type}` (`vat-id`, `lei-code`, `eori`, `euid`,
    /// `tax-id`, `local`); an unknown one throws `.unknownType` (400).
    public init(typeSegment: String, value: String, vcId: String?, subjectId: String?) throws(NotaryError) {
        guard let type = RegistrationNumberType(pathSegment: typeSegment) else {
            let known = RegistrationNumberType.allCases.map(\.rawValue).joined(separator: ", ")
            throw NotaryError(
                .unknownType, "unknown registration number type \"\(typeSegment.prefix(64))\" (known: \(known))")
        }
        try self.init(type: type, value: value, vcId: vcId, subjectId: subjectId)
    }

    private static func identifier(_ text: String?, name: String) throws(NotaryError) -> String {
        guard let text, !text.isEmpty else {
            throw NotaryError(.malformedRequest, "the query parameter \(name) is required")
        }
        guard text.utf8.count <= maxIdentifierBytes else {
            throw NotaryError(.malformedRequest, "\(name) is longer than \(maxIdentifierBytes) bytes")
        }
        guard URLSyntax.isURL(text) else {
            throw NotaryError(.malformedRequest, "\(name) \"\(text.prefix(128))\" is not a URL or DID")
        }
        return text
    }
}
