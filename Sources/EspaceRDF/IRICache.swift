/// Remembers recently read IRIs by their bytes in the input buffer, so a repeated IRI (the
/// same subject on consecutive lines, the same predicates and datatypes throughout) shares one
/// `String` instead of allocating a new one each time.
///
/// Direct-mapped: a slot holds the offset and length of the first occurrence in the buffer;
/// a hit is confirmed by comparing the bytes.
struct IRICache {
    private static let slots = 1024
    private var offsets = [Int](repeating: -1, count: IRICache.slots)
    private var lengths = [Int](repeating: 0, count: IRICache.slots)
    private var strings = [String](repeating: "", count: IRICache.slots)

    /// The string for `bytes[start..<end]` (valid UTF-8).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let length = end - start
        guard length > 15, let base = bytes.baseAddress else {
            // Short strings are stored inline; nothing to share.
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        // Hash the length and the last eight bytes, where IRIs sharing a namespace differ.
        let tail = UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self)
        var h = (tail ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        let slot = Int(h & UInt64(Self.slots - 1))
        let offset = offsets[slot]
        if offset >= 0 && lengths[slot] == length && Self.equal(base + offset, base + start, length) {
            return strings[slot]
        }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        offsets[slot] = start
        lengths[slot] = length
        strings[slot] = s
        return s
    }

    @inline(__always) private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool
    {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
