import EspaceJSON

/// The JWS algorithms Espace signs and verifies with (RFC 7518, RFC 8037).
public enum JWSAlgorithm: String, Sendable, CaseIterable {
    case edDSA = "EdDSA"
    case es256 = "ES256"
    case es384 = "ES384"
    /// RSASSA-PSS with SHA-256 (Gaia-X clearing houses sign with it).
    case ps256 = "PS256"
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    case rs256 = "RS256"
}

/// JSON Web Signature in compact serialization (RFC 7515), with detached unencoded
/// payloads (RFC 7797, `b64: false`) as JsonWebSignature2020 uses them.
///
/// Verification is strict: the algorithm must be allowed and must match the key's type
/// (no algorithm confusion, no `none`), and every `crit` header must be understood.
public enum JWS {
    /// A verified JWS: its protected header and payload.
    public struct Verified: Sendable {
        public var header: JSONObject
        public var payload: [UInt8]
    }

    /// Headers this implementation understands when listed in `crit`.
    static let understoodCritical: Set<String> = ["b64"]
    /// Every supported algorithm (the default of `verify`'s `allowed`).
    public static let allAlgorithms = Set(JWSAlgorithm.allCases)

    /// The dot-separated parts of a compact serialization (three when well formed), split on
    /// its UTF-8 bytes: a split on `Character`s would run grapheme breaking over the whole
    /// token. The parts share the token's indices.
    public static func compactParts(_ compact: String) -> [Substring] {
        let utf8 = compact.utf8
        // Byte offsets of the dots, found in the string's own storage when it has one.
        let dots =
            utf8.withContiguousStorageIfAvailable(dotOffsets) ?? Array(utf8).withUnsafeBufferPointer(dotOffsets)
        var parts: [Substring] = []
        parts.reserveCapacity(dots.count + 1)
        var start = utf8.startIndex
        for offset in dots {
            let dot = utf8.index(utf8.startIndex, offsetBy: offset)
            parts.append(Substring(utf8[start..<dot]))
            start = utf8.index(after: dot)
        }
        parts.append(Substring(utf8[start...]))
        return parts
    }

    static func dotOffsets(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        for i in bytes.indices where bytes[i] == UInt8(ascii: ".") { offsets.append(i) }
        return offsets
    }

    /// The UTF-8 bytes of `text`, copied in bulk.
    static func utf8Bytes(_ text: Substring) -> [UInt8] {
        text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
    }

    /// Signs `payload` with `key`; `header` adds members to the protected header (`alg`
    /// is set from the key). With `detached`, the payload is left out of the result.
    public static func sign(
        _ payload: [UInt8], key: PrivateKey, header: JSONObject? = nil, detached: Bool = false
    ) throws(IdentityError) -> String {
        var protected = header ?? JSONObject()
        protected["alg"] = .string(key.algorithm.rawValue)
        let unencoded = protected["b64"] == .bool(false)
        let headerText: String
        do {
            headerText = Base64URL.encode(try JSONSerializer().serializeBytes(.object(protected)))
        } catch {
            throw IdentityError("cannot serialize the JWS header: \(error)")
        }
        let payloadPart: [UInt8] = unencoded ? payload : Array(Base64URL.encode(payload).utf8)
        let signature = try key.sign(Array(headerText.utf8) + [UInt8(ascii: ".")] + payloadPart)
        let payloadText = detached ? "" : String(decoding: payloadPart, as: UTF8.self)
        return headerText + "." + payloadText + "." + Base64URL.encode(signature)
    }

    /// Verifies a compact JWS with `key`. `detachedPayload` supplies the payload of a
    /// detached JWS (the middle part is then empty).
    public static func verify(
        _ compact: String, key: PublicKey, allowed: Set<JWSAlgorithm> = JWS.allAlgorithms,
        detachedPayload: [UInt8]? = nil
    ) throws(IdentityError) -> Verified {
        let parts = compactParts(compact)
        guard parts.count == 3 else { throw IdentityError("a compact JWS has 3 parts, found \(parts.count)") }
        let headerBytes = try Base64URL.decode(parts[0])
        guard case .object(let header)? = try? JSONParser().parse(headerBytes) else {
            throw IdentityError("the JWS header is not a JSON object")
        }
        guard case .string(let algName)? = header["alg"] else { throw IdentityError("the JWS header has no \"alg\"") }
        guard let alg = JWSAlgorithm(rawValue: algName) else {
            throw IdentityError("JWS algorithm \"\(algName)\" is not supported", reason: .unsupported)
        }
        guard allowed.contains(alg) else { throw IdentityError("JWS algorithm \(algName) is not allowed here", reason: .unsupported) }
        guard key.supports(alg) else {
            throw IdentityError("JWS algorithm \(algName) does not match the verification key's type", reason: .keyMismatch)
        }
        if let crit = header["crit"] {
            guard case .array(let names) = crit, !names.isEmpty else {
                throw IdentityError("JWS \"crit\" must be a non-empty array")
            }
            for name in names {
                guard case .string(let s) = name, understoodCritical.contains(s), header[s] != nil else {
                    throw IdentityError("JWS critical header \(name.jsonText) is not understood", reason: .unsupported)
                }
            }
        }
        var unencoded = false
        if let b64 = header["b64"] {
            guard case .bool(let b) = b64 else { throw IdentityError("JWS \"b64\" must be a boolean") }
            let critical = header["crit"]?.arrayValue?.contains(.string("b64")) == true
            guard b || critical else { throw IdentityError("JWS \"b64\": false must be listed in \"crit\"") }
            unencoded = !b
        }
        let signingInput: [UInt8]
        if let detachedPayload {
            guard parts[1].isEmpty else { throw IdentityError("a detached JWS must have an empty payload part") }
            let payloadPart = unencoded ? detachedPayload : Array(Base64URL.encode(detachedPayload).utf8)
            signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + payloadPart
        } else {
            // Header, dot and payload are the token's bytes up to the second dot.
            signingInput = utf8Bytes(compact[..<parts[1].endIndex])
        }
        let signature = try Base64URL.decode(parts[2])
        guard key.isValidSignature(signature, for: signingInput, algorithm: alg) else {
            throw IdentityError("the JWS signature does not verify with the given key", reason: .signatureInvalid)
        }
        if let detachedPayload { return Verified(header: header, payload: detachedPayload) }
        let payload = unencoded ? Array(parts[1].utf8) : try Base64URL.decode(parts[1])
        return Verified(header: header, payload: payload)
    }
}
