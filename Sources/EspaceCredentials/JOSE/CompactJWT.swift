import EspaceIdentity
import EspaceJSON

/// A compact JWS/JWT split and decoded, not yet verified: its protected header and its
/// payload object.
public struct CompactJWT: Sendable {
    /// The token as received.
    public let compact: String
    /// The protected header.
    public let header: JSONObject
    /// The payload object.
    public let payload: JSONObject

    /// Longest token accepted (a VP enveloping a few credentials is tens of kilobytes).
    public static let maxBytes = 1 << 20

    /// Decodes `compact` (three base64url parts, header and payload JSON objects).
    public init(_ compact: String) throws(IdentityError) {
        guard compact.utf8.count <= Self.maxBytes else {
            throw IdentityError("the JWT is longer than \(Self.maxBytes) bytes", reason: .limitExceeded)
        }
        let parts = JWS.compactParts(compact)
        guard parts.count == 3 else { throw IdentityError("a compact JWT has 3 parts, found \(parts.count)") }
        let limits = JSONLimits(maxBytes: Self.maxBytes, maxDepth: 64)
        self.compact = compact
        self.header = try JSONDocument.object(try Base64URL.decode(parts[0]), what: "JWT header", limits: limits)
        self.payload = try JSONDocument.object(try Base64URL.decode(parts[1]), what: "JWT payload", limits: limits)
    }

    /// A string member of the header.
    public func headerString(_ name: String) -> String? { header[name]?.stringValue }

    /// The header's `alg`, which must name a supported algorithm (`none` never is).
    public func algorithm() throws(IdentityError) -> JWSAlgorithm {
        guard let name = headerString("alg") else { throw IdentityError("the JWT header has no \"alg\"") }
        guard let alg = JWSAlgorithm(rawValue: name) else {
            throw IdentityError("JWT algorithm \"\(name)\" is not supported", reason: .unsupported)
        }
        return alg
    }
}
