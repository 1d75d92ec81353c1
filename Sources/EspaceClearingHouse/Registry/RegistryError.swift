import EspaceJSON

/// Why a registry or clearing-house request failed, with the HTTP status a route answers.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case badRequest = "bad_request"
        case unauthorized
        case notFound = "not_found"
        case conflict
        case unavailable
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public var httpStatus: Int {
        switch kind {
        case .badRequest: return 400
        case .unauthorized: return 401
        case .notFound: return 404
        case .conflict: return 409
        case .unavailable: return 503
        }
    }
}
