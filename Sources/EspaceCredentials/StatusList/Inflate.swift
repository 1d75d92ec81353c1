import EspaceIdentity

/// A bounded RFC 1951 (DEFLATE) decoder: stops with `.limitExceeded` as soon as the output
/// would pass `maxOutput` bytes, so a small compressed "bomb" cannot exhaust memory.
struct Inflate {
    private let input: [UInt8]
    private var position = 0
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    private let maxOutput: Int

    /// A canonical Huffman code: symbol counts per length and the symbols in code order.
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// A code from its code lengths; throws when they over-subscribe the code space.
        init(lengths: [Int]) throws(IdentityError) {
            self.init(unchecked: lengths)
            var left = 1
            for len in 1..<16 {
                left <<= 1
                left -= counts[len]
                guard left >= 0 else { throw IdentityError("deflate data has an over-subscribed Huffman code") }
            }
        }

        /// A code from lengths known to be valid (lengths 0...15).
        init(unchecked lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private init(input: [UInt8], start: Int, maxOutput: Int) {
        self.input = input
        self.position = start
        self.maxOutput = maxOutput
    }

    /// Decodes the raw DEFLATE stream starting at `start`; returns the output and the index
    /// of the first byte after the stream.
    static func decode(_ input: [UInt8], start: Int = 0, maxOutput: Int) throws(IdentityError) -> (output: [UInt8], end: Int) {
        var state = Inflate(input: input, start: start, maxOutput: maxOutput)
        try state.run()
        return (state.output, state.position)
    }

    private mutating func bits(_ need: Int) throws(IdentityError) -> Int {
        while bitCount < need {
            guard position < input.count else { throw IdentityError("deflate data ends too early") }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(need)) - 1))
        bitBuffer >>= UInt32(need)
        bitCount -= need
        return value
    }

    private mutating func emit(_ byte: UInt8) throws(IdentityError) {
        guard output.count < maxOutput else {
            throw IdentityError("inflated data exceeds the \(maxOutput)-byte limit", reason: .limitExceeded)
        }
        output.append(byte)
    }

    private mutating func run() throws(IdentityError) {
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(literal: Self.fixedLiteral, distance: Self.fixedDistance)
            case 2:
                let (literal, distance) = try dynamicTables()
                try codes(literal: literal, distance: distance)
            default: throw IdentityError("deflate block type 3 is invalid")
            }
        }
    }

    private mutating func stored() throws(IdentityError) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw IdentityError("deflate stored block ends too early") }
        let len = Int(input[position]) | Int(input[position + 1]) << 8
        let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
        position += 4
        guard len == (~nlen & 0xFFFF) else { throw IdentityError("deflate stored block length check fails") }
        guard position + len <= input.count else { throw IdentityError("deflate stored block ends too early") }
        for i in position..<(position + len) { try emit(input[i]) }
        position += len
    }

    private mutating func decodeSymbol(_ h: Huffman) throws(IdentityError) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for len in 1..<16 {
            code |= try bits(1)
            let count = h.counts[len]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw IdentityError("deflate data holds an invalid Huffman code")
    }

    private mutating func codes(literal: Huffman, distance: Huffman) throws(IdentityError) {
        while true {
            var symbol = try decodeSymbol(literal)
            if symbol < 256 {
                try emit(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                symbol -= 257
                guard symbol < 29 else { throw IdentityError("deflate length symbol \(symbol + 257) is invalid") }
                let length = Self.lengthBase[symbol] + (try bits(Self.lengthExtra[symbol]))
                let dsym = try decodeSymbol(distance)
                guard dsym < 30 else { throw IdentityError("deflate distance symbol \(dsym) is invalid") }
                let dist = Self.distanceBase[dsym] + (try bits(Self.distanceExtra[dsym]))
                guard dist <= output.count else { throw IdentityError("deflate distance \(dist) reaches before the output") }
                for _ in 0..<length { try emit(output[output.count - dist]) }
            }
        }
    }

    private mutating func dynamicTables() throws(IdentityError) -> (Huffman, Huffman) {
        let nlen = try bits(5) + 257
        let ndist = try bits(5) + 1
        let ncode = try bits(4) + 4
        guard nlen <= 286, ndist <= 30 else { throw IdentityError("deflate dynamic block has too many codes") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { codeLengths[Self.codeLengthOrder[i]] = try bits(3) }
        let lencode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < nlen + ndist {
            let symbol = try decodeSymbol(lencode)
            if symbol < 16 {
                lengths.append(symbol)
            } else {
                var value = 0
                let repeatCount: Int
                switch symbol {
                case 16:
                    guard let previous = lengths.last else { throw IdentityError("deflate repeats a code length before any") }
                    value = previous
                    repeatCount = 3 + (try bits(2))
                case 17: repeatCount = 3 + (try bits(3))
                default: repeatCount = 11 + (try bits(7))
                }
                guard lengths.count + repeatCount <= nlen + ndist else {
                    throw IdentityError("deflate code lengths overflow their table")
                }
                lengths += [Int](repeating: value, count: repeatCount)
            }
        }
        guard lengths[256] != 0 else { throw IdentityError("deflate dynamic block has no end-of-block code") }
        return (try Huffman(lengths: Array(lengths[0..<nlen])), try Huffman(lengths: Array(lengths[nlen...])))
    }

    private static let fixedLiteral: Huffman = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return Huffman(unchecked: lengths)
    }()

    private static let fixedDistance = Huffman(unchecked: [Int](repeating: 5, count: 30))
}
