import Crypto
import EspaceIdentity
import EspaceJSON

/// Gaia-X `digestSRI`: `"sha256-"` + lowercase hex SHA-256 of the RFC 8785 (JCS) form of a
/// credential (the decoded VC-JWT payload). Verification also accepts W3C SRI's base64 form.
public enum DigestSRI {
    /// The digest of `value` in the Gaia-X form.
    public static func compute(_ value: JSONValue) throws(IdentityError) -> String {
        "sha256-" + Hex.encode(try sha256(value))
    }

    /// Whether `sri` (`sha256-<hex>` or `sha256-<base64>`) is the digest of `value`.
    /// Other algorithms than SHA-256 are `.unsupported`; a wrong form is `.malformed`.
    public static func verify(_ sri: String, _ value: JSONValue) throws(IdentityError) -> Bool {
        guard sri.hasPrefix("sha256-") else {
            throw IdentityError("digestSRI \"\(sri.prefix(40))\" does not use sha256", reason: .unsupported)
        }
        let encoded = String(sri.dropFirst(7))
        let expected: [UInt8]
        if encoded.count == 64, let bytes = Hex.decode(encoded) {
            expected = bytes
        } else if encoded.count == 44, let bytes = fromBase64(encoded), bytes.count == 32 {
            expected = bytes
        } else {
            throw IdentityError("digestSRI \"\(sri.prefix(80))\" is neither 64 hex digits nor 44 base64 characters")
        }
        return try sha256(value) == expected
    }

    static func sha256(_ value: JSONValue) throws(IdentityError) -> [UInt8] {
        do {
            return Array(SHA256.hash(data: try JSONCanonicalization.canonicalBytes(value)))
        } catch {
            throw IdentityError("cannot canonicalize the credential (RFC 8785): \(error)")
        }
    }


    /// Standard base64 (with padding), as SRI writes digests.
    static func fromBase64(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0 else { return nil }
        var url = ""
        for c in text {
            switch c {
            case "+": url.append("-")
            case "/": url.append("_")
            case "=": continue
            case "-", "_": return nil
            default: url.append(c)
            }
        }
        return try? Base64URL.decode(url)
    }
}
