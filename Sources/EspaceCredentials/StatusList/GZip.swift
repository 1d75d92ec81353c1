import EspaceIdentity

/// GZIP (RFC 1952) over the pure-Swift DEFLATE coder: what status lists are compressed with.
public enum GZip {
    /// The default limit on decompressed size: 16 MiB, far above the 16 KiB of a default list.
    public static let defaultMaxOutput = 16 << 20

    /// Compresses `data` into one gzip member (no name, no timestamp, OS "unknown").
    public static func compress(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        out += Deflate.encode(data)
        out += littleEndian(CRC32.checksum(data))
        out += littleEndian(UInt32(truncatingIfNeeded: data.count))
        return out
    }

    /// Decompresses one gzip member (trailing members are refused); throws `.limitExceeded` as
    /// soon as the output would pass `maxOutput` bytes and `.malformed` on a bad header,
    /// stream, CRC-32 or length.
    public static func decompress(_ data: [UInt8], maxOutput: Int = defaultMaxOutput) throws(IdentityError) -> [UInt8] {
        guard data.count >= 18, data[0] == 0x1F, data[1] == 0x8B else { throw IdentityError("not gzip data (bad magic bytes)") }
        guard data[2] == 8 else { throw IdentityError("gzip compression method \(data[2]) is not DEFLATE") }
        let flags = data[3]
        guard flags & 0xE0 == 0 else { throw IdentityError("gzip header has reserved flags set") }
        var position = 10
        if flags & 0x04 != 0 {
            guard position + 2 <= data.count else { throw IdentityError("gzip extra field ends too early") }
            position += 2 + (Int(data[position]) | Int(data[position + 1]) << 8)
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {
            while position < data.count, data[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 0x02 != 0 { position += 2 }
        guard position < data.count else { throw IdentityError("gzip header ends too early") }
        let (output, end) = try Inflate.decode(data, start: position, maxOutput: maxOutput)
        guard end + 8 <= data.count else { throw IdentityError("gzip trailer is missing") }
        guard end + 8 == data.count else { throw IdentityError("gzip data continues after the first member") }
        let crc = readLittleEndian(data, at: end)
        let size = readLittleEndian(data, at: end + 4)
        guard crc == CRC32.checksum(output) else { throw IdentityError("gzip CRC-32 check fails: the data is corrupt") }
        guard size == UInt32(truncatingIfNeeded: output.count) else {
            throw IdentityError("gzip length check fails: trailer says \(size), inflated \(output.count)")
        }
        return output
    }

    private static func littleEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
    }

    private static func readLittleEndian(_ d: [UInt8], at i: Int) -> UInt32 {
        UInt32(d[i]) | UInt32(d[i + 1]) << 8 | UInt32(d[i + 2]) << 16 | UInt32(d[i + 3]) << 24
    }
}
