/// Derives the X25519 (Montgomery) public key of an Ed25519 (Edwards) public key with the
/// birational map u = (1 + y) / (1 − y) mod 2^255 − 19 (RFC 7748 §4.1), as did:key does for
/// the key-agreement method of an Ed25519 DID.
public enum X25519Derivation {
    /// The 32-byte little-endian X25519 public key of a 32-byte Ed25519 public key.
    public static func x25519PublicKey(ed25519 raw: some Collection<UInt8>) throws(IdentityError) -> [UInt8] {
        let bytes = Array(raw)
        guard bytes.count == 32 else { throw IdentityError("an Ed25519 public key has 32 bytes, not \(bytes.count)") }
        var y = Field.element(littleEndian: bytes)
        y[3] &= 0x7FFF_FFFF_FFFF_FFFF  // the top bit is the sign of x
        let one: [UInt64] = [1, 0, 0, 0]
        let u = Field.mul(Field.add(one, y), Field.inverse(Field.sub(one, y)))
        return Field.bytes(Field.canonical(u))
    }

    /// Arithmetic modulo p = 2^255 − 19 on four little-endian 64-bit limbs.
    enum Field {
        static let p: [UInt64] = [0xFFFF_FFFF_FFFF_FFED, .max, .max, 0x7FFF_FFFF_FFFF_FFFF]

        static func element(littleEndian bytes: [UInt8]) -> [UInt64] {
            (0..<4).map { limb in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[limb * 8 + $1]) << (8 * UInt64($1)) } }
        }

        static func bytes(_ a: [UInt64]) -> [UInt8] {
            a.flatMap { limb in (0..<8).map { UInt8(truncatingIfNeeded: limb >> (8 * UInt64($0))) } }
        }

        /// Adds `carry · 2^256 ≡ carry · 38` back in until nothing overflows.
        static func fold(_ a: inout [UInt64], carry: UInt64) {
            var extra = carry
            while extra != 0 {
                let (high, low) = extra.multipliedFullWidth(by: 38)
                let addend = [low, high, 0, 0]
                var c: UInt64 = 0
                for i in 0..<4 {
                    let (s1, o1) = a[i].addingReportingOverflow(addend[i])
                    let (s2, o2) = s1.addingReportingOverflow(c)
                    a[i] = s2
                    c = (o1 ? 1 : 0) + (o2 ? 1 : 0)
                }
                extra = c
            }
        }

        static func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
            var out = [UInt64](repeating: 0, count: 4)
            var carry: UInt64 = 0
            for i in 0..<4 {
                let (s1, o1) = a[i].addingReportingOverflow(b[i])
                let (s2, o2) = s1.addingReportingOverflow(carry)
                out[i] = s2
                carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
            }
            fold(&out, carry: carry)
            return out
        }

        /// a − b, computed as a + (p − b) with b reduced first.
        static func sub(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
            let reduced = canonical(b)
            var negated = [UInt64](repeating: 0, count: 4)
            var borrow: UInt64 = 0
            for i in 0..<4 {
                let (d1, o1) = p[i].subtractingReportingOverflow(reduced[i])
                let (d2, o2) = d1.subtractingReportingOverflow(borrow)
                negated[i] = d2
                borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
            }
            return add(a, negated)
        }

        static func mul(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
            var t = [UInt64](repeating: 0, count: 8)
            for i in 0..<4 {
                var carry: UInt64 = 0
                for j in 0..<4 {
                    let (high, low) = a[i].multipliedFullWidth(by: b[j])
                    let (s1, o1) = t[i + j].addingReportingOverflow(low)
                    let (s2, o2) = s1.addingReportingOverflow(carry)
                    t[i + j] = s2
                    carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
                t[i + 4] = carry
            }
            // t = low + high · 2^256 ≡ low + 38 · high.
            var out = Array(t[0..<4])
            var carry: UInt64 = 0
            for i in 0..<4 {
                let (high, low) = t[i + 4].multipliedFullWidth(by: 38)
                let (s1, o1) = out[i].addingReportingOverflow(low)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                out[i] = s2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            fold(&out, carry: carry)
            return out
        }

        /// a^(p − 2), the inverse of a (0 for 0).
        static func inverse(_ a: [UInt64]) -> [UInt64] {
            let exponent: [UInt64] = [0xFFFF_FFFF_FFFF_FFEB, .max, .max, 0x7FFF_FFFF_FFFF_FFFF]
            var result: [UInt64] = [1, 0, 0, 0]
            for limb in exponent.reversed() {
                for bit in (0..<64).reversed() {
                    result = mul(result, result)
                    if limb >> UInt64(bit) & 1 == 1 { result = mul(result, a) }
                }
            }
            return result
        }

        /// The representative in [0, p).
        static func canonical(_ a: [UInt64]) -> [UInt64] {
            var value = a
            while !isLess(value, p) {
                var borrow: UInt64 = 0
                for i in 0..<4 {
                    let (d1, o1) = value[i].subtractingReportingOverflow(p[i])
                    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
                    value[i] = d2
                    borrow = (o1 ? 1 : 0) + (o2 ? 1 : 0)
                }
            }
            return value
        }

        static func isLess(_ a: [UInt64], _ b: [UInt64]) -> Bool {
            for i in (0..<4).reversed() where a[i] != b[i] { return a[i] < b[i] }
            return false
        }
    }
}
