import EspaceIdentity

/// Why a DCP request was refused, with the HTTP status the protocol prescribes.
public enum DCPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A malformed message or scope: 400.
    case badRequest(String)
    /// A missing, invalid or insufficient token: 401.
    case unauthorized(IdentityError)
    /// The token is valid but does not grant this request: 403.
    case forbidden(String)
    /// A feature the protocol lets implementations leave out (presentation definitions): 501.
    case notImplemented(String)
    /// The counterpart (DID document, credential service) failed or answered wrongly: 502.
    case upstream(IdentityError)

    /// The HTTP status code for this error.
    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notImplemented: return 501
        case .upstream: return 502
        }
    }

    public var description: String {
        switch self {
        case .badRequest(let m), .forbidden(let m), .notImplemented(let m): return m
        case .unauthorized(let e), .upstream(let e): return e.message
        }
    }

    /// The identity-layer reason behind the error, if there is one.
    public var reason: IdentityError.Reason? {
        switch self {
        case .unauthorized(let e), .upstream(let e): return e.reason
        default: return nil
        }
    }
}
