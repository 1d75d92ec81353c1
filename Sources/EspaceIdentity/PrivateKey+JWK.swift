import Crypto
import EspaceJSON
import _CryptoExtras

extension PrivateKey {
    /// The key as a private JWK (RFC 7517/7518/8037): the public members plus `d` (and for
    /// RSA `p`, `q`, `dp`, `dq`, `qi`), with `alg` naming the JWS algorithm. Keep it secret.
    public func privateJWK() throws(IdentityError) -> JSONObject {
        var o = publicKey.jwk.json.objectValue ?? [:]
        switch self {
        case .ed25519(let key): o["d"] = .string(Base64URL.encode(key.rawRepresentation))
        case .p256(let key): o["d"] = .string(Base64URL.encode(key.rawRepresentation))
        case .p384(let key): o["d"] = .string(Base64URL.encode(key.rawRepresentation))
        case .rsaPSS(let key), .rsaPKCS1(let key):
            let integers = try RSAPrivateKeyDER.integers(Array(key.derRepresentation))
            for (name, value) in zip(["n", "e", "d", "p", "q", "dp", "dq", "qi"], integers.dropFirst()) {
                o[name] = .string(Base64URL.encode(value))
            }
        }
        o["alg"] = .string(algorithm.rawValue)
        return o
    }

    /// Reads a private JWK (OKP Ed25519; EC P-256, P-384; RSA with `n`, `e`, `d`, `p`, `q`).
    /// An RSA key signs RS256 when `alg` says so, PS256 otherwise.
    public init(jwk value: JSONValue) throws(IdentityError) {
        guard case .object(let o) = value else { throw IdentityError("a private JWK must be a JSON object") }
        func member(_ name: String) throws(IdentityError) -> [UInt8] {
            guard case .string(let text)? = o[name] else {
                throw IdentityError("the private JWK has no \"\(name)\" string")
            }
            return try Base64URL.decode(text)
        }
        let kty = o["kty"]?.stringValue ?? ""
        let crv = o["crv"]?.stringValue
        let key: PrivateKey
        do {
            switch (kty, crv) {
            case ("OKP", "Ed25519"?):
                key = .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: try member("d")))
            case ("EC", "P-256"?): key = .p256(try P256.Signing.PrivateKey(rawRepresentation: try member("d")))
            case ("EC", "P-384"?): key = .p384(try P384.Signing.PrivateKey(rawRepresentation: try member("d")))
            case ("RSA", _):
                let rsa = try _RSA.Signing.PrivateKey(
                    n: try member("n"), e: try member("e"), d: try member("d"), p: try member("p"), q: try member("q"))
                key = o["alg"]?.stringValue == "RS256" ? .rsaPKCS1(rsa) : .rsaPSS(rsa)
            default:
                throw IdentityError("unsupported private JWK \(kty)\(crv.map { " " + $0 } ?? "")", reason: .unsupported)
            }
        } catch let error as IdentityError {
            throw error
        } catch {
            throw IdentityError("the JWK does not hold a valid private key: \(error)")
        }
        // The public members, when given, must be this key's.
        if o["x"] != nil || o["n"] != nil {
            let published = try JWK(json: value)
            guard published == key.publicKey.jwk else {
                throw IdentityError(
                    "the private JWK's public members do not match its private key", reason: .keyMismatch)
            }
        }
        self = key
    }
}

/// Reads the integers of a PKCS #1 RSAPrivateKey (version, n, e, d, p, q, dp, dq, qi).
enum RSAPrivateKeyDER {
    static func integers(_ der: [UInt8]) throws(IdentityError) -> [[UInt8]] {
        var i = 0
        func length() throws(IdentityError) -> Int {
            guard i < der.count else { throw IdentityError("truncated RSA key DER") }
            let first = der[i]
            i += 1
            if first < 0x80 { return Int(first) }
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 3, i + count <= der.count else { throw IdentityError("bad RSA key DER length") }
            var value = 0
            for _ in 0..<count {
                value = value << 8 | Int(der[i])
                i += 1
            }
            return value
        }
        guard der.first == 0x30 else { throw IdentityError("RSA key DER is not a SEQUENCE") }
        i = 1
        let total = try length()
        guard i + total <= der.count else { throw IdentityError("truncated RSA key DER") }
        var out: [[UInt8]] = []
        while i < der.count, out.count < 9 {
            guard der[i] == 0x02 else { throw IdentityError("RSA key DER member is not an INTEGER") }
            i += 1
            let count = try length()
            guard i + count <= der.count else { throw IdentityError("truncated RSA key DER") }
            var value = Array(der[i..<(i + count)])
            while value.count > 1, value[0] == 0 { value.removeFirst() }
            out.append(value)
            i += count
        }
        guard out.count == 9 else { throw IdentityError("RSA key DER does not hold the nine PKCS #1 integers") }
        return out
    }
}
