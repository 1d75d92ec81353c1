/// A cursor over a buffer of valid UTF-8 with the lexical rules that N-Triples, N-Quads,
/// Turtle and TriG share: IRI references, blank node labels, quoted strings with `ECHAR` and
/// `UCHAR` escapes, and language tags (with an RDF 1.2 base direction).
///
/// Callers validate the buffer as UTF-8 first (`UTF8Validator`), so multi-byte sequences can
/// be decoded without further checks.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    /// Reused buffer for tokens that contain escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    @inline(__always) var atEnd: Bool { pos >= bytes.count }

    /// The byte at `i`, or 0 past the end (callers that accept NUL check `atEnd` first).
    @inline(__always) func byte(at i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    @inline(__always) var current: UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    // MARK: Errors

    /// An error at `offset` (default: the current position), with line and column computed.
    func error(_ message: String, at offset: Int? = nil) -> RDFSyntaxError {
        let offset = max(0, min(offset ?? pos, bytes.count))
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        // Continuation bytes of the character at `offset` were not counted; a column points
        // at a character start.
        return RDFSyntaxError(message: message, line: line, column: column, offset: offset)
    }

    /// A readable name for what is at the current position.
    func describeCurrent() -> String {
        if atEnd { return "end of input" }
        let b = bytes[pos]
        switch b {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return "end of line"
        case 0x21...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        case 0x20: return "space"
        case 0x09: return "tab"
        default:
            let (scalar, _) = decodeScalar(at: pos)
            return "U+" + hex(scalar, width: 4)
        }
    }

    /// `unexpected <what is here>; expected <expected>`.
    func unexpected(expected: String) -> RDFSyntaxError {
        error("unexpected \(describeCurrent()); expected \(expected)")
    }

    // MARK: UTF-8

    /// Decodes the scalar starting at `i` (the buffer is valid UTF-8).
    @inline(__always) func decodeScalar(at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            return (((b0 & 0x1F) << 6) | (UInt32(byte(at: i + 1)) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            return (((b0 & 0x0F) << 12) | ((UInt32(byte(at: i + 1)) & 0x3F) << 6) | (UInt32(byte(at: i + 2)) & 0x3F), 3)
        }
        return (
            ((b0 & 0x07) << 18) | ((UInt32(byte(at: i + 1)) & 0x3F) << 12)
                | ((UInt32(byte(at: i + 2)) & 0x3F) << 6) | (UInt32(byte(at: i + 3)) & 0x3F), 4
        )
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    // MARK: Escapes

    /// Reads `\uXXXX` or `\UXXXXXXXX` at the current position (on the backslash).
    mutating func readUCHAR() throws(RDFSyntaxError) -> UInt32 {
        let start = pos
        let digits = byte(at: pos + 1) == UInt8(ascii: "u") ? 4 : 8
        var value: UInt32 = 0
        var i = pos + 2
        for _ in 0..<digits {
            guard i < bytes.count, let d = Self.hexValue(bytes[i]) else {
                let escape = digits == 4 ? "\\u" : "\\U"
                throw error("invalid \(escape) escape; expected \(digits) hexadecimal digits", at: start)
            }
            value = value << 4 | d
            i += 1
        }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
            throw error("escape \(string(from: start, to: i)) is not a Unicode scalar value", at: start)
        }
        pos = i
        return value
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: IRI references

    /// Characters that may not appear (raw or escaped) in an `IRIREF`.
    @inline(__always) static func isForbiddenInIRI(_ v: UInt32) -> Bool {
        switch v {
        case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return true
        default: return false
        }
    }

    /// Reads `<...>` at the current position and returns the IRI with `UCHAR`s decoded.
    mutating func readIRIRef() throws(RDFSyntaxError) -> String {
        var noCache: IRICache?
        return try readIRIRef(cache: &noCache)
    }

    /// Reads `<...>` at the current position, sharing strings of IRIs without escapes
    /// through `cache`.
    mutating func readIRIRef(cache: inout IRICache?) throws(RDFSyntaxError) -> String {
        let open = pos
        pos += 1
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: ">") {
                pos += 1
                if cache != nil, let s = cache?.string(bytes, start, pos - 1) { return s }
                return string(from: start, to: pos - 1)
            }
            if b == UInt8(ascii: "\\") { break }
            if Self.isForbiddenInIRI(UInt32(b)) { throw forbiddenInIRI(b) }
            pos += 1
        }
        if atEnd { throw error("unterminated IRI; expected '>'", at: open) }
        // Slow path: the IRI has UCHAR escapes.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: ">") {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                let next = byte(at: pos + 1)
                guard next == UInt8(ascii: "u") || next == UInt8(ascii: "U") else {
                    throw error("invalid escape in IRI; only \\u and \\U escapes are allowed", at: pos)
                }
                let at = pos
                let v = try readUCHAR()
                if Self.isForbiddenInIRI(v) {
                    throw error("escaped character U+\(hex(v, width: 4)) is not allowed in an IRI", at: at)
                }
                Self.appendUTF8(v, to: &scratch)
                continue
            }
            if Self.isForbiddenInIRI(UInt32(b)) { throw forbiddenInIRI(b) }
            scratch.append(b)
            pos += 1
        }
        throw error("unterminated IRI; expected '>'", at: open)
    }

    private func forbiddenInIRI(_ b: UInt8) -> RDFSyntaxError {
        if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
            return error("line break in IRI; expected '>'")
        }
        return error("character \(describeCurrent()) is not allowed in an IRI")
    }

    // MARK: Names

    @inline(__always) static func isPNCharsBase(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x02FF, 0x0370...0x037D, 0x037F...0x1FFF,
            0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF,
            0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    @inline(__always) static func isPNCharsU(_ c: UInt32) -> Bool {
        c == 0x5F || isPNCharsBase(c)
    }

    @inline(__always) static func isPNChars(_ c: UInt32) -> Bool {
        switch c {
        case 0x2D, 0x30...0x39, 0x5F, 0xB7, 0x0300...0x036F, 0x203F...0x2040: return true
        default: return isPNCharsBase(c)
        }
    }

    /// The scalar at `i`, or `nil` past the end.
    @inline(__always) func scalar(at i: Int) -> (UInt32, Int)? {
        i < bytes.count ? decodeScalar(at: i) : nil
    }

    /// Reads `_:label` at the current position and returns the label.
    mutating func readBlankNodeLabel() throws(RDFSyntaxError) -> String {
        pos += 2
        let start = pos
        guard let (first, firstLength) = scalar(at: pos),
            Self.isPNCharsU(first) || (0x30...0x39).contains(first)
        else { throw unexpected(expected: "a blank node label after '_:'") }
        pos += firstLength
        while let (c, length) = scalar(at: pos) {
            if Self.isPNChars(c) {
                pos += length
            } else if c == 0x2E {
                var j = pos
                while byte(at: j) == UInt8(ascii: ".") { j += 1 }
                guard let (next, _) = scalar(at: j), Self.isPNChars(next) else { break }
                pos = j
            } else {
                break
            }
        }
        return string(from: start, to: pos)
    }

    // MARK: Strings

    /// Reads a quoted string at the current position: `"..."` or `'...'`, or the long forms
    /// `"""..."""` / `'''...'''` when `long`. Returns the value with escapes decoded.
    mutating func readQuotedString(quote: UInt8, long: Bool) throws(RDFSyntaxError) -> String {
        let open = pos
        pos += long ? 3 : 1
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                if !long {
                    pos += 1
                    return string(from: start, to: pos - 1)
                }
                if byte(at: pos + 1) == quote && byte(at: pos + 2) == quote {
                    pos += 3
                    return string(from: start, to: pos - 3)
                }
            } else if b == UInt8(ascii: "\\") {
                break
            } else if !long && (b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")) {
                throw error("line break in string literal; expected a closing quote or an escape such as \\n")
            }
            pos += 1
        }
        if atEnd { throw error("unterminated string literal; expected a closing quote", at: open) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                if !long {
                    pos += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                if byte(at: pos + 1) == quote && byte(at: pos + 2) == quote {
                    pos += 3
                    return String(decoding: scratch, as: UTF8.self)
                }
            } else if b == UInt8(ascii: "\\") {
                let escaped: UInt8
                switch byte(at: pos + 1) {
                case UInt8(ascii: "t"): escaped = 0x09
                case UInt8(ascii: "b"): escaped = 0x08
                case UInt8(ascii: "n"): escaped = 0x0A
                case UInt8(ascii: "r"): escaped = 0x0D
                case UInt8(ascii: "f"): escaped = 0x0C
                case UInt8(ascii: "\""): escaped = 0x22
                case UInt8(ascii: "'"): escaped = 0x27
                case UInt8(ascii: "\\"): escaped = 0x5C
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    Self.appendUTF8(try readUCHAR(), to: &scratch)
                    continue
                default:
                    pos += 1
                    throw error(
                        "invalid escape sequence '\\' followed by \(describeCurrent()); expected one of \\t \\b \\n \\r \\f \\\" \\' \\\\ \\u \\U",
                        at: pos - 1)
                }
                scratch.append(escaped)
                pos += 2
                continue
            } else if !long && (b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")) {
                throw error("line break in string literal; expected a closing quote or an escape such as \\n")
            }
            scratch.append(b)
            pos += 1
        }
        throw error("unterminated string literal; expected a closing quote", at: open)
    }

    // MARK: Language tags

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool {
        b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    /// Reads `@lang` or `@lang--dir` at the current position (on the `@`).
    mutating func readLanguageTag() throws(RDFSyntaxError) -> (language: String, direction: String?) {
        pos += 1
        let start = pos
        while Self.isAlpha(current) { pos += 1 }
        guard pos > start else { throw unexpected(expected: "a language tag after '@'") }
        while current == UInt8(ascii: "-") && (Self.isAlpha(byte(at: pos + 1)) || Self.isDigit(byte(at: pos + 1))) {
            pos += 1
            while Self.isAlpha(current) || Self.isDigit(current) { pos += 1 }
        }
        let language = string(from: start, to: pos)
        guard current == UInt8(ascii: "-") && byte(at: pos + 1) == UInt8(ascii: "-") else { return (language, nil) }
        let dirStart = pos + 2
        pos = dirStart
        while Self.isAlpha(current) { pos += 1 }
        let direction = string(from: dirStart, to: pos)
        guard direction == "ltr" || direction == "rtl" else {
            throw error("invalid base direction '\(direction)'; expected 'ltr' or 'rtl'", at: dirStart)
        }
        return (language, direction)
    }
}

/// Upper-case hexadecimal of `v`, zero-padded to `width` digits.
func hex(_ v: UInt32, width: Int) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
