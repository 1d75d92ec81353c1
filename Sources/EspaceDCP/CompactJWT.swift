import EspaceIdentity
import EspaceJSON

/// The header and claims of a compact JWT read *before* its signature is checked, to learn
/// which key to check it with. Nothing read here may be trusted until `JWS.verify` passed.
struct UnverifiedJWT {
    var header: JSONObject
    var claims: JSONObject

    /// Largest token accepted, in bytes.
    static let maxBytes = 64 * 1024

    init(_ token: String) throws(IdentityError) {
        guard token.utf8.count <= Self.maxBytes else {
            throw IdentityError("the token is larger than \(Self.maxBytes) bytes", reason: .limitExceeded)
        }
        let parts = JWS.compactParts(token)
        guard parts.count == 3 else { throw IdentityError("a compact JWT has 3 parts, found \(parts.count)") }
        func object(_ part: Substring, _ what: String) throws(IdentityError) -> JSONObject {
            let bytes = try Base64URL.decode(part)
            guard case .object(let o)? = try? JSONParser().parse(bytes) else {
                throw IdentityError("the JWT \(what) is not a JSON object")
            }
            return o
        }
        header = try object(parts[0], "header")
        claims = try object(parts[1], "payload")
    }

    func string(_ name: String) -> String? { claims[name]?.stringValue }
}

/// Signs `claims` as a compact JWT with `key`, naming `kid` in the header.
func signJWT(_ claims: JSONObject, key: PrivateKey, kid: String, type: String = "JWT") throws(IdentityError) -> String {
    let payload: [UInt8]
    do {
        payload = try JSONSerializer().serializeBytes(.object(claims))
    } catch {
        throw IdentityError("cannot serialize the JWT claims: \(error)")
    }
    return try JWS.sign(payload, key: key, header: ["kid": .string(kid), "typ": .string(type)])
}

/// The DID part of a DID URL (`did:web:example.com#key-1` → `did:web:example.com`).
func didPart(of didURL: String) -> String {
    var end = didURL.endIndex
    if let i = didURL.firstIndex(where: { $0 == "#" || $0 == "?" || $0 == "/" }) { end = i }
    return String(didURL[..<end])
}
