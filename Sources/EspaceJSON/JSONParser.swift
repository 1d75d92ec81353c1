/// A strict RFC 8259 JSON parser with precise errors and configurable limits.
///
/// The parser is iterative (an explicit stack, no recursion), so deep nesting is limited by
/// `JSONLimits.maxDepth` alone and never by the thread's stack. Strings must be valid UTF-8
/// and `\u` escapes must pair surrogates; numbers keep their lexeme.
public struct JSONParser: Sendable {
    /// The bounds applied to every input.
    public var limits: JSONLimits

    /// A parser with the given limits.
    public init(limits: JSONLimits = .default) {
        self.limits = limits
    }

    /// Parses one JSON text.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(JSONParseError) in try parse(bytes) } }
        return try result.get()
    }

    /// Parses one JSON text given as UTF-8 bytes.
    public func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try parse(buffer) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in Result { () throws(JSONParseError) in try parse(buffer) } }
            .get()
    }

    /// Parses one JSON text given as a buffer of UTF-8 bytes.
    public func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var reader = Reader(bytes: buffer, limits: limits)
        return try reader.parseDocument()
    }
}

/// An open array or object. Its elements (or member values) so far are the tail of the
/// reader's value stack from `valueStart`, and an object's keys the tail of its key stack
/// from `keyStart`; the container is built once, at its closing bracket, at its final size.
private struct Frame {
    var isObject: Bool
    var valueStart: Int
    var keyStart: Int
    /// The keys of an object with many members, for duplicate checks in constant time
    /// (smaller objects are scanned).
    var keySet: Set<String>?
}

private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var position = 0
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    // MARK: Errors

    func error(_ reason: JSONParseError.Reason, at offset: Int? = nil) -> JSONParseError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return JSONParseError(reason: reason, line: line, column: offset - lineStart + 1, offset: offset)
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    func unexpected(expected: String) -> JSONParseError {
        if position >= bytes.count { return error(.unexpectedEnd(expected: expected)) }
        return error(.unexpectedCharacter(found: describe(bytes[position]), expected: expected))
    }

    // MARK: Structure

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else { throw error(.tooLarge(limit: limits.maxBytes), at: 0) }
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
        let value = try parseNested()
        skipWhitespace()
        guard position == bytes.count else { throw error(.trailingContent) }
        return value
    }

    /// Parses a value with an explicit stack of open containers (no recursion).
    mutating func parseNested() throws(JSONParseError) -> JSONValue {
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        while true {
            // Parse the start of a value: either a scalar, or open a container.
            skipWhitespace()
            guard position < bytes.count else { throw unexpected(expected: "a value") }
            var value: JSONValue
            switch bytes[position] {
            case UInt8(ascii: "{"):
                guard frames.count < limits.maxDepth else { throw error(.tooDeep(limit: limits.maxDepth)) }
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    value = .object([:])
                } else {
                    let key = try parseKey()
                    frames.append(Frame(isObject: true, valueStart: values.count, keyStart: keys.count))
                    keys.append(key)
                    continue
                }
            case UInt8(ascii: "["):
                guard frames.count < limits.maxDepth else { throw error(.tooDeep(limit: limits.maxDepth)) }
                position += 1
                skipWhitespace()
                if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    value = .array([])
                } else {
                    frames.append(Frame(isObject: false, valueStart: values.count, keyStart: keys.count))
                    continue
                }
            default:
                value = try parseScalar()
            }
            // A value is complete: add it to its container, closing containers as they end.
            while true {
                let top = frames.count - 1
                guard top >= 0 else { return value }
                values.append(value)
                skipWhitespace()
                let isObject = frames[top].isObject
                guard position < bytes.count else { throw unexpected(expected: isObject ? "',' or '}'" : "',' or ']'") }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if isObject {
                        skipWhitespace()
                        let keyOffset = position
                        let key = try parseKey()
                        // Checked before the value is parsed, so the error points at the key.
                        if !limits.allowDuplicateKeys {
                            try checkUnique(key, at: keyOffset, in: &frames[top], keys: keys)
                        }
                        keys.append(key)
                    }
                    break
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw unexpected(expected: isObject ? "',' or '}'" : "',' or ']'")
                }
                position += 1
                let valueStart = frames[top].valueStart
                if isObject {
                    let keyStart = frames[top].keyStart
                    value = .object(makeObject(keys: keys[keyStart...], values: values[valueStart...]))
                    keys.removeSubrange(keyStart...)
                } else {
                    value = .array(Array(values[valueStart...]))
                }
                values.removeSubrange(valueStart...)
                frames.removeLast()
            }
        }
    }

    /// Throws `duplicateKey` when the open object `frame` already has `key`.
    func checkUnique(_ key: String, at offset: Int, in frame: inout Frame, keys: [String]) throws(JSONParseError) {
        let start = frame.keyStart
        if frame.keySet == nil && keys.count - start < 16 {
            for index in start..<keys.count where keys[index] == key {
                throw error(.duplicateKey(key), at: offset)
            }
            return
        }
        var set = frame.keySet ?? Set(keys[start...])
        frame.keySet = nil  // keep `set` uniquely referenced while inserting
        let inserted = set.insert(key).inserted
        frame.keySet = set
        guard inserted else { throw error(.duplicateKey(key), at: offset) }
    }

    /// The object with `keys` and `values` in document order. Keys are unique unless
    /// duplicates are allowed; then the last value wins, at the key's first position.
    func makeObject(keys: ArraySlice<String>, values: ArraySlice<JSONValue>) -> JSONObject {
        if limits.allowDuplicateKeys {
            var object = JSONObject(minimumCapacity: keys.count)
            for (key, value) in zip(keys, values) { object[key] = value }
            return object
        }
        return JSONObject(uncheckedUniqueKeys: keys, values: values)
    }

    /// Parses `"key" :` with the reader on the opening quote.
    mutating func parseKey() throws(JSONParseError) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw unexpected(expected: "a string key")
        }
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw unexpected(expected: "':' after object key")
        }
        position += 1
        return key
    }

    mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw unexpected(expected: "a value")
        }
    }

    /// Matches `word` at the reader; errors point at the first byte that differs.
    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let utf8 = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in utf8 {
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "'\(word)'")) }
            guard bytes[position] == expected else {
                throw error(.unexpectedCharacter(found: describe(bytes[position]), expected: "'\(word)'"))
            }
            position += 1
        }
    }

    // MARK: Numbers

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func missingDigit(_ detail: String) -> JSONParseError {
            position >= bytes.count ? error(.unexpectedEnd(expected: "a digit")) : error(.invalidNumber(detail))
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard digit(position) else { throw missingDigit("expected a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if digit(position) { throw error(.invalidNumber("leading zero")) }
        } else {
            while digit(position) { position += 1 }
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digit(position) else { throw missingDigit("expected a digit after '.'") }
            while digit(position) { position += 1 }
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
            {
                position += 1
            }
            guard digit(position) else { throw missingDigit("expected a digit in the exponent") }
            while digit(position) { position += 1 }
        }
        guard position - start <= limits.maxNumberLength else {
            throw error(.numberTooLong(limit: limits.maxNumberLength), at: start)
        }
        let lexeme = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return JSONNumber(validatedLexeme: lexeme)
    }

    // MARK: Strings

    /// Parses a string with the reader on the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        var ascii = true
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard position - start <= limits.maxStringLength else {
                    throw error(.stringTooLong(limit: limits.maxStringLength), at: start)
                }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let string = String(validating: slice, as: UTF8.self) else {
                    throw error(.invalidUTF8, at: firstInvalidUTF8(in: start..<(position - 1)))
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(.controlCharacterInString) }
            if byte >= 0x80 { ascii = false }
            position += 1
        }
        guard position < bytes.count else { throw error(.unexpectedEnd(expected: "'\"' closing the string")) }
        // Slow path: unescape into a scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while true {
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "'\"' closing the string")) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if byte < 0x20 { throw error(.controlCharacterInString) }
            if byte == UInt8(ascii: "\\") {
                try parseEscape()
            } else {
                // Copy the run of plain bytes up to the next quote, escape or control byte.
                let runStart = position
                position += 1
                while position < bytes.count {
                    let next = bytes[position]
                    if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next < 0x20 { break }
                    position += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            }
            if scratch.count > limits.maxStringLength {
                throw error(.stringTooLong(limit: limits.maxStringLength), at: start)
            }
        }
        guard let string = String(validating: scratch, as: UTF8.self) else {
            throw error(.invalidUTF8, at: firstInvalidUTF8(in: start..<(position - 1)))
        }
        return string
    }

    mutating func parseEscape() throws(JSONParseError) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else { throw error(.unexpectedEnd(expected: "an escape character")) }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart: escapeStart)
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw error(.unpairedSurrogate, at: escapeStart) }
                position += 2
                let low = try parseHex4(escapeStart: escapeStart)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw error(.unpairedSurrogate, at: escapeStart) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw error(.unpairedSurrogate, at: escapeStart)
            }
            appendUTF8(scalar)
        default:
            throw error(.invalidEscape("\\" + describe(byte)), at: escapeStart)
        }
    }

    /// Appends a Unicode scalar value (not a surrogate) as UTF-8.
    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error(.unexpectedEnd(expected: "four hex digits after \\u")) }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error(.invalidEscape("\\u needs four hex digits"), at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    func firstInvalidUTF8(in range: Range<Int>) -> Int {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= range.upperBound else { return i }
            let slice = UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])
            if String(validating: slice, as: UTF8.self) == nil { return i }
            i += length
        }
        return range.lowerBound
    }
}
