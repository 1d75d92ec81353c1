/// An RFC 1951 DEFLATE encoder: one fixed-Huffman block with LZ77 matches found through a
/// hash of the next three bytes. Status lists are mostly zeros, so this compresses them
/// about as well as zlib does.
enum Deflate {
    private struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var count = 0

        /// Writes the low `n` bits of `value`, least significant first.
        mutating func write(_ value: Int, _ n: Int) {
            buffer |= UInt32(value) << UInt32(count)
            count += n
            while count >= 8 {
                bytes.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                count -= 8
            }
        }

        /// Writes a Huffman code of `n` bits, most significant bit first.
        mutating func writeCode(_ code: Int, _ n: Int) {
            var reversed = 0
            for i in 0..<n where code & (1 << i) != 0 { reversed |= 1 << (n - 1 - i) }
            write(reversed, n)
        }

        mutating func finish() -> [UInt8] {
            if count > 0 { bytes.append(UInt8(buffer & 0xFF)) }
            return bytes
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private static let window = 32_768
    private static let maxMatch = 258
    private static let maxChain = 64

    /// The raw DEFLATE stream of `data`.
    static func encode(_ data: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(1, 1)  // final block
        out.write(1, 2)  // fixed Huffman codes
        // Hash chains over the last `window` positions only (a ring, as zlib keeps them).
        var head = [Int](repeating: -1, count: 1 << 15)
        var previous = [Int](repeating: -1, count: window)
        func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & 0x7FFF
        }
        func insert(_ i: Int) {
            guard i + 2 < data.count else { return }
            let h = hash(i)
            previous[i & (window - 1)] = head[h]
            head[h] = i
        }
        var i = 0
        while i < data.count {
            var bestLength = 0
            var bestDistance = 0
            if i + 2 < data.count {
                var candidate = head[hash(i)]
                var chain = 0
                let limit = min(maxMatch, data.count - i)
                // `i - candidate < window` keeps ring slots from being read after reuse.
                while candidate >= 0, i - candidate < window, chain < maxChain {
                    var length = 0
                    while length < limit, data[candidate + length] == data[i + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = i - candidate
                        if length == limit { break }
                    }
                    let next = previous[candidate & (window - 1)]
                    guard next < candidate else { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= 3 {
                writeLength(bestLength, to: &out)
                writeDistance(bestDistance, to: &out)
                for j in i..<(i + bestLength) { insert(j) }
                i += bestLength
            } else {
                writeLiteral(Int(data[i]), to: &out)
                insert(i)
                i += 1
            }
        }
        writeLiteral(256, to: &out)
        return out.finish()
    }

    private static func writeLiteral(_ symbol: Int, to out: inout BitWriter) {
        switch symbol {
        case 0..<144: out.writeCode(0x30 + symbol, 8)
        case 144..<256: out.writeCode(0x190 + symbol - 144, 9)
        case 256..<280: out.writeCode(symbol - 256, 7)
        default: out.writeCode(0xC0 + symbol - 280, 8)
        }
    }

    private static func writeLength(_ length: Int, to out: inout BitWriter) {
        var index = lengthBase.count - 1
        while lengthBase[index] > length { index -= 1 }
        writeLiteral(257 + index, to: &out)
        if lengthExtra[index] > 0 { out.write(length - lengthBase[index], lengthExtra[index]) }
    }

    private static func writeDistance(_ distance: Int, to out: inout BitWriter) {
        var index = distanceBase.count - 1
        while distanceBase[index] > distance { index -= 1 }
        out.writeCode(index, 5)
        if distanceExtra[index] > 0 { out.write(distance - distanceBase[index], distanceExtra[index]) }
    }
}
