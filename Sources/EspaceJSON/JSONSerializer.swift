/// Writes JSON values as text.
///
/// Strings are escaped as RFC 8785 prescribes (`\"`, `\\`, the short escapes for
/// `\b \t \n \f \r`, `\u00xx` for other control characters, everything else literal), so
/// the same escaping serves plain output and canonical output.
public struct JSONSerializer: Sendable {
    /// How to lay out the text.
    public struct Options: Sendable, Equatable {
        /// Indent nested values by two spaces, one member per line.
        public var pretty: Bool
        /// Sort object members by key (by UTF-16 code units, as RFC 8785 does).
        public var sortKeys: Bool
        /// Write numbers in ECMAScript form instead of their original lexeme.
        public var ecmaScriptNumbers: Bool

        /// Options; the defaults give compact text with members in their order and numbers as written.
        public init(pretty: Bool = false, sortKeys: Bool = false, ecmaScriptNumbers: Bool = false) {
            self.pretty = pretty
            self.sortKeys = sortKeys
            self.ecmaScriptNumbers = ecmaScriptNumbers
        }
    }

    /// How values are laid out.
    public var options: Options

    /// A serializer with the given options.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Serializes `value`. Throws when a number is not finite (JSON has no form for it).
    public func serialize(_ value: JSONValue) throws(JSONSerializationError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Serializes `value` to UTF-8 bytes.
    public func serializeBytes(_ value: JSONValue) throws(JSONSerializationError) -> [UInt8] {
        var out: [UInt8] = []
        try write(value, into: &out, indent: 0)
        return out
    }

    func write(_ value: JSONValue, into out: inout [UInt8], indent: Int) throws(JSONSerializationError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            if !n.doubleValue.isFinite {
                // Beyond the double range: ECMAScript form has no spelling for it; the lexeme
                // is written only when it is a JSON number (not `nan` or `inf`).
                guard !options.ecmaScriptNumbers, n.hasValidLexeme else {
                    throw JSONSerializationError.nonFiniteNumber(n.lexeme)
                }
            }
            if options.ecmaScriptNumbers {
                out.append(contentsOf: JSONNumber.ecmaScriptString(n.doubleValue).utf8)
            } else {
                out.append(contentsOf: n.lexeme.utf8)
            }
        case .string(let s): JSONSerializer.writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                try write(element, into: &out, indent: indent + 1)
            }
            if !elements.isEmpty { newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let keys = members.keys
            let values = members.values
            var order = Array(keys.indices)
            if options.sortKeys { order.sort { UTF16Order.precedes(keys[$0], keys[$1]) } }
            for (i, index) in order.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent + 1)
                JSONSerializer.writeString(keys[index], into: &out)
                out.append(UInt8(ascii: ":"))
                if options.pretty { out.append(UInt8(ascii: " ")) }
                try write(values[index], into: &out, indent: indent + 1)
            }
            if !order.isEmpty { newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    func newline(_ out: inout [UInt8], _ indent: Int) {
        guard options.pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Appends `s` as a quoted, escaped JSON string.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in appendQuoted(bytes, into: &out) }
    }

    /// Appends UTF-8 `bytes` quoted, copying runs that need no escape in one step.
    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            runStart = i + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
            case 0x08: out.append(UInt8(ascii: "b"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0C: out.append(UInt8(ascii: "f"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            default:
                out.append(contentsOf: "u00".utf8)
                hex.withUTF8Buffer { digits in
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0xF)])
                }
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }
}

/// Why a value could not be written as JSON.
public enum JSONSerializationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// NaN or an infinity (for example a number literal beyond the double range, such as
    /// `1e400`, in canonical form).
    case nonFiniteNumber(String)

    /// A sentence naming the offending number.
    public var description: String {
        switch self {
        case .nonFiniteNumber(let lexeme): return "number \(lexeme) has no finite IEEE 754 double value"
        }
    }
}

extension JSONValue {
    /// Compact JSON text that keeps number lexemes (never throws for parsed values).
    public var jsonText: String {
        (try? JSONSerializer().serialize(self)) ?? ""
    }
}
