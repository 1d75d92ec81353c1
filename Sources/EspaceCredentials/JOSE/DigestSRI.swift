import Crypto
import EspaceIdentity
import EspaceJSON

/// Gaia-X `digestSRI`: `"sha256-"` + lowercase hex SHA-256 of the RFC 8785 (JCS) form of a
/// credential (the decoded VC-JWT payload). Verification also accepts W3C SRI's base64 form.
public enum DigestSRI {
    /// The digest of `value` in the Gaia-X form.
    public static func compute(_ value: JSONValue) throws(IdentityError) -> String {
        "sha256-" + hex(try sha256(value))
    }

    /// Whether `sri` (`sha256-<hex>` or `sha256-<base64>`) is the digest of `value`.
    /// Other algorithms than SHA-256 are `.unsupported`; a wrong form is `.malformed`.
    public static func verify(_ sri: String, _ value: JSONValue) throws(IdentityError) -> Bool {
        guard sri.hasPrefix("sha256-") else {
            throw IdentityError("digestSRI \"\(sri.prefix(40))\" does not use sha256", reason: .unsupported)
        }
        let encoded = String(sri.dropFirst(7))
        let expected: [UInt8]
        if encoded.count == 64, let bytes = fromHex(encoded) {
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

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func fromHex(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var high: UInt8?
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case 48...57: v = c - 48
            case 97...102: v = c - 87
            case 65...70: v = c - 55
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        return high == nil ? out : nil
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
