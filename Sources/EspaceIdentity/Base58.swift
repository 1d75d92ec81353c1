/// Base58 with the Bitcoin alphabet (base58btc), as multibase `z` and did:key use it.
public enum Base58 {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Longest accepted text, so decoding (quadratic in length) stays bounded.
    public static let maxLength = 4096

    /// Encodes bytes.
    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [UInt8] = []  // base-58 digits, least significant first
        for byte in bytes.dropFirst(zeros) {
            var carry = Int(byte)
            for i in 0..<digits.count {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.append(contentsOf: digits.reversed().map { alphabet[Int($0)] })
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes text; throws on a character outside the alphabet or an over-long input.
    public static func decode(_ text: some StringProtocol) throws(IdentityError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count <= maxLength else { throw IdentityError("base58 text longer than \(maxLength) characters") }
        let zeros = utf8.prefix { $0 == alphabet[0] }.count
        var bytes: [UInt8] = []  // least significant first
        for (position, c) in utf8.enumerated().dropFirst(zeros) {
            let value = values[Int(c)]
            guard value >= 0 else {
                throw IdentityError("invalid base58 character at position \(position)")
            }
            var carry = Int(value)
            for i in 0..<bytes.count {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: zeros) + bytes.reversed()
    }
}
