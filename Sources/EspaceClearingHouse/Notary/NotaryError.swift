import EspaceJSON

/// Why the notary did not issue a credential, with the HTTP status a route answers.
public struct NotaryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A missing or malformed parameter (`vcId`, `subjectId`, an empty value): 400.
        case malformedRequest = "malformed-request"
        /// The `{type}` path segment names no registration number type: 400.
        case unknownType = "unknown-type"
        /// The number failed an offline check or an online registry does not know it: 422.
        case invalidNumber = "invalid-number"
        /// The online registry could not answer; retry later: 503.
        case registryUnavailable = "registry-unavailable"
        /// The credential could not be built or signed (the notary's own configuration): 500.
        case issuanceFailed = "issuance-failed"
    }

    /// What kind of refusal this is.
    public let kind: Kind
    /// What was wrong, for people.
    public let message: String
    /// The offline rule that failed (for `.invalidNumber` from an offline check).
    public let invalidNumber: InvalidRegistrationNumber?
    /// Seconds after which a retry makes sense (for `.registryUnavailable`), if known.
    public let retryAfterSeconds: Int?

    public init(
        _ kind: Kind, _ message: String, invalidNumber: InvalidRegistrationNumber? = nil, retryAfterSeconds: Int? = nil
    ) {
        self.kind = kind
        self.message = message
        self.invalidNumber = invalidNumber
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The HTTP status: 400, 422, 503 or 500.
    public var httpStatus: Int {
        switch kind {
        case .malformedRequest, .unknownType: return 400
        case .invalidNumber: return 422
        case .registryUnavailable: return 503
        case .issuanceFailed: return 500
        }
    }

    /// Whether the same request may succeed later.
    public var isRetryable: Bool { kind == .registryUnavailable }

    /// A JSON body for the response: `{"statusCode", "error", "message"}`, plus `rule` and
    /// `position` for an offline rejection and `retryAfter` when known.
    public var jsonBody: JSONObject {
        var body: JSONObject = [
            "statusCode": .number(JSONNumber(httpStatus)), "error": .string(kind.rawValue), "message": .string(message),
        ]
        if let invalidNumber {
            body["rule"] = .string(invalidNumber.rule.rawValue)
            body["position"] = invalidNumber.position.map { JSONValue.number(JSONNumber($0)) } ?? .null
            body["normalized"] = .string(invalidNumber.normalized)
        }
        if let retryAfterSeconds { body["retryAfter"] = .number(JSONNumber(retryAfterSeconds)) }
        return body
    }

    public var description: String { "\(httpStatus) \(kind.rawValue): \(message)" }
}
