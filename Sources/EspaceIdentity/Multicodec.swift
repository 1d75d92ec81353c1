/// The multicodec public-key codes did:key uses, with unsigned-varint framing.
public enum Multicodec: UInt64, Sendable, CaseIterable {
    case ed25519Public = 0xED
    case x25519Public = 0xEC
    case secp256k1Public = 0xE7
    case p256Public = 0x1200
    case p384Public = 0x1201
    case p521Public = 0x1202

    /// Splits `bytes` into its varint code and the rest.
    public static func decode(_ bytes: [UInt8]) throws(IdentityError) -> (code: UInt64, payload: ArraySlice<UInt8>) {
        var value: UInt64 = 0
        for (i, byte) in bytes.prefix(9).enumerated() {
            value |= UInt64(byte & 0x7F) << (7 * UInt64(i))
            if byte & 0x80 == 0 { return (value, bytes[(i + 1)...]) }
        }
        throw IdentityError("unterminated multicodec varint")
    }

    /// The varint prefix of this code.
    public var prefix: [UInt8] {
        var value = rawValue
        var out: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            out.append(byte)
        } while value != 0
        return out
    }
}
