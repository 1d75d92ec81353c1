/// The order of strings by their UTF-16 code units, which RFC 8785 (JCS) sorts object
/// members by, computed on the UTF-8 bytes without transcoding.
///
/// UTF-8 byte order is code point order. UTF-16 code unit order agrees with it except when a
/// code point in U+E000…U+FFFF meets a supplementary one (U+10000 and above): the latter is a
/// surrogate pair (0xD800…0xDBFF first), so it sorts *before* in UTF-16. Where the first
/// differing bytes of two valid UTF-8 strings are both lead bytes, that case is exactly a
/// lead byte 0xEE/0xEF against 0xF0…0xF4; a differing continuation byte means both code points
/// have the same lead byte and therefore the same length and order in both encodings.
enum UTF16Order {
    /// True when `a` sorts before `b` by UTF-16 code units.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in precedes(x, y) } }
    }

    /// The same order on UTF-8 bytes (which must be valid UTF-8).
    static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(x.count, y.count)
        var i = 0
        while i < common && x[i] == y[i] { i += 1 }
        if i == common { return x.count < y.count }
        let p = x[i]
        let q = y[i]
        let pHighBMP = p == 0xEE || p == 0xEF
        let qHighBMP = q == 0xEE || q == 0xEF
        if pHighBMP && q >= 0xF0 { return false }
        if qHighBMP && p >= 0xF0 { return true }
        return p < q
    }
}
