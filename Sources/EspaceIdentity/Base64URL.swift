/// Base64url without padding (RFC 4648 §5), as JOSE uses it.
public enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Encodes bytes without padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count * 4 + 2) / 3)
        var i = 0
        while i + 3 <= input.count {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = input.count - i
        if rest == 1 {
            let n = UInt32(input[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        } else if rest == 2 {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded base64url; throws on padding, other characters or a dangling length.
    public static func decode(_ text: some StringProtocol) throws(IdentityError) -> [UInt8] {
        // Decoded from the string's own UTF-8 storage when it has one (a byte-by-byte copy
        // through the generic view would cost more than the decoding).
        let result =
            text.utf8.withContiguousStorageIfAvailable { decode(bytes: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { decode(bytes: $0) }
        return try result.get()
    }

    /// Decodes four characters at a time into a buffer of the exact output size.
    static func decode(bytes input: UnsafeBufferPointer<UInt8>) -> Result<[UInt8], IdentityError> {
        let count = input.count
        guard count % 4 != 1 else {
            return .failure(IdentityError("base64url text has an impossible length \(count)"))
        }
        let tail = count % 4
        let outputCount = count / 4 * 3 + (tail == 0 ? 0 : tail - 1)
        var invalidAt: Int?
        var trailingBits = false
        let output = values.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: outputCount) { out, initialized in
                // The 6-bit value of the character at `i`; negative when it is not base64url.
                func value(_ i: Int) -> Int8 { table[Int(input[i])] }
                var i = 0
                var o = 0
                while i + 4 <= count {
                    let a = value(i), b = value(i + 1), c = value(i + 2), d = value(i + 3)
                    guard a | b | c | d >= 0 else {
                        invalidAt = (i..<i + 4).first { value($0) < 0 }
                        initialized = o
                        return
                    }
                    let n = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    out[o] = UInt8(truncatingIfNeeded: n >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: n >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: n)
                    i += 4
                    o += 3
                }
                if tail > 0 {
                    // Two characters carry one byte (4 spare bits), three carry two (2 spare bits).
                    var n: UInt32 = 0
                    for j in i..<count {
                        let v = value(j)
                        guard v >= 0 else {
                            invalidAt = j
                            initialized = o
                            return
                        }
                        n = n << 6 | UInt32(v)
                    }
                    let spare = tail == 2 ? 4 : 2
                    trailingBits = n & ((1 << UInt32(spare)) - 1) != 0
                    n >>= UInt32(spare)
                    if tail == 3 {
                        out[o] = UInt8(truncatingIfNeeded: n >> 8)
                        out[o + 1] = UInt8(truncatingIfNeeded: n)
                    } else {
                        out[o] = UInt8(truncatingIfNeeded: n)
                    }
                    o += tail - 1
                }
                initialized = o
            }
        }
        if let invalidAt {
            return .failure(IdentityError("invalid base64url character at position \(invalidAt)"))
        }
        guard !trailingBits else { return .failure(IdentityError("base64url text has non-zero trailing bits")) }
        return .success(output)
    }
}
