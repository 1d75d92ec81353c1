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
        let result = text.utf8.withContiguousStorageIfAvailable { decode(bytes: $0) } ?? decode(bytes: Array(text.utf8))
        return try result.get()
    }

    static func decode(bytes input: some RandomAccessCollection<UInt8>) -> Result<[UInt8], IdentityError> {
        guard input.count % 4 != 1 else {
            return .failure(IdentityError("base64url text has an impossible length \(input.count)"))
        }
        let table = values
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for (position, c) in input.enumerated() {
            let value = table[Int(c)]
            guard value >= 0 else { return .failure(IdentityError("invalid base64url character at position \(position)")) }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(buffer >> UInt32(bits) & 0xFF))
            }
        }
        guard buffer & ((1 << UInt32(bits)) - 1) == 0 else {
            return .failure(IdentityError("base64url text has non-zero trailing bits"))
        }
        return .success(out)
    }
}
