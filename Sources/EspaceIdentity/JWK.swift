import Crypto
import EspaceJSON

/// A public JSON Web Key (RFC 7517): the members needed to identify and use public keys.
public struct JWK: Sendable, Equatable {
    public var kty: String
    public var crv: String?
    public var x: String?
    public var y: String?
    public var n: String?
    public var e: String?

    public init(kty: String, crv: String? = nil, x: String? = nil, y: String? = nil, n: String? = nil, e: String? = nil) {
        self.kty = kty
        self.crv = crv
        self.x = x
        self.y = y
        self.n = n
        self.e = e
    }

    /// Reads the public members of a JWK object.
    public init(json: JSONValue) throws(IdentityError) {
        guard case .object(let o) = json else { throw IdentityError("a JWK must be a JSON object") }
        guard case .string(let kty)? = o["kty"] else { throw IdentityError("JWK has no \"kty\" string") }
        func member(_ name: String) throws(IdentityError) -> String? {
            switch o[name] {
            case nil: return nil
            case .string(let s)?: return s
            default: throw IdentityError("JWK member \"\(name)\" must be a string")
            }
        }
        self.init(kty: kty, crv: try member("crv"), x: try member("x"), y: try member("y"), n: try member("n"), e: try member("e"))
    }

    /// The JWK as a JSON object.
    public var json: JSONValue {
        var o = JSONObject()
        o["kty"] = .string(kty)
        if let crv { o["crv"] = .string(crv) }
        if let x { o["x"] = .string(x) }
        if let y { o["y"] = .string(y) }
        if let n { o["n"] = .string(n) }
        if let e { o["e"] = .string(e) }
        return .object(o)
    }

    /// The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order,
    /// without whitespace, base64url-encoded.
    public func thumbprint() throws(IdentityError) -> String {
        var required = JSONObject()
        switch kty {
        case "EC":
            guard let crv, let x, let y else { throw IdentityError("EC JWK needs crv, x and y") }
            required = ["crv": .string(crv), "kty": "EC", "x": .string(x), "y": .string(y)]
        case "OKP":
            guard let crv, let x else { throw IdentityError("OKP JWK needs crv and x") }
            required = ["crv": .string(crv), "kty": "OKP", "x": .string(x)]
        case "RSA":
            guard let n, let e else { throw IdentityError("RSA JWK needs n and e") }
            required = ["e": .string(e), "kty": "RSA", "n": .string(n)]
        default:
            throw IdentityError("unsupported JWK key type \(kty)")
        }
        let bytes: [UInt8]
        do {
            bytes = try JSONCanonicalization.canonicalBytes(.object(required))
        } catch {
            throw IdentityError("\(error)")
        }
        return Base64URL.encode(Array(SHA256.hash(data: bytes)))
    }
}
