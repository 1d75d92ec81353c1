#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Code point order of UTF-8 strings is the unsigned byte order of their encodings.
enum ByteOrder {
    @inline(__always) static func less(_ a: UnsafeRawPointer?, _ aCount: Int, _ b: UnsafeRawPointer?, _ bCount: Int)
        -> Bool
    {
        let n = min(aCount, bCount)
        if n > 0, let a, let b {
            let c = memcmp(a, b, n)
            if c != 0 { return c < 0 }
        }
        return aCount < bCount
    }

    static func less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in less(pa.baseAddress, pa.count, pb.baseAddress, pb.count) }
        }
    }

    /// Sorts `ranges` of `buffer` by the byte order of the slices they delimit.
    static func sort(_ ranges: inout [Range<Int>], of buffer: [UInt8]) {
        buffer.withUnsafeBytes { raw in
            let base = raw.baseAddress
            ranges.sort { x, y in
                less(base.map { $0 + x.lowerBound }, x.count, base.map { $0 + y.lowerBound }, y.count)
            }
        }
    }
}
