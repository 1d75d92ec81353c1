/// A JSON number that keeps the exact text it was written with.
///
/// The lexeme is kept so that serialization reproduces the input and large or precise
/// numbers lose nothing; `doubleValue` is the IEEE 754 value JSON-LD and JCS compute with.
public struct JSONNumber: Sendable {
    /// The number as written (a valid JSON number token).
    public let lexeme: String
    /// The nearest double (may be infinite for numbers beyond the double range).
    public let doubleValue: Double

    /// Creates a number from a lexeme that has already been validated as a JSON number.
    public init(validatedLexeme lexeme: String) {
        self.lexeme = lexeme
        self.doubleValue = Double(lexeme) ?? .nan
    }

    /// Creates a number from an integer.
    public init(_ value: Int) {
        self.lexeme = String(value)
        self.doubleValue = Double(value)
    }

    /// Creates a number from a double. Non-finite values have no JSON form; they keep
    /// Swift's spelling and serializers reject them.
    public init(_ value: Double) {
        self.doubleValue = value
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            self.lexeme = String(Int64(value))
        } else {
            self.lexeme = JSONNumber.ecmaScriptString(value)
        }
    }

    /// True when the lexeme has no fraction and no exponent (`12`, `-3`).
    public var isIntegerLexeme: Bool {
        !lexeme.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// True when the value is a whole number (`12`, `12.0`, `1.2e1`).
    public var isIntegral: Bool {
        doubleValue.isFinite && doubleValue == doubleValue.rounded(.towardZero)
    }

    /// The value as an `Int` when it is integral and in range.
    public var intValue: Int? {
        guard isIntegral, abs(doubleValue) < 9.2e18 else { return nil }
        return Int(doubleValue)
    }
}

extension JSONNumber: Hashable {
    /// Numbers are equal when their double values are (`1`, `1.0` and `10e-1` are equal).
    /// Numbers beyond the double range compare by exact decimal value instead, so `1e400`
    /// equals `10e399` but not `2e400`; NaN (only from `init(_: Double)`) compares by lexeme.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.doubleValue.isFinite && rhs.doubleValue.isFinite { return lhs.doubleValue == rhs.doubleValue }
        if lhs.doubleValue.isNaN || rhs.doubleValue.isNaN { return lhs.lexeme == rhs.lexeme }
        guard lhs.doubleValue == rhs.doubleValue else { return false }
        return lhs.outOfRangeKey == rhs.outOfRangeKey
    }

    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        if doubleValue.isFinite {
            hasher.combine(doubleValue)
        } else if doubleValue.isNaN {
            hasher.combine(lexeme)
        } else {
            hasher.combine(doubleValue)
            hasher.combine(outOfRangeKey)
        }
    }

    /// What identifies an infinite-valued number: its exact decimal value, or its spelling
    /// when the lexeme is not a JSON number (`inf` from `init(_: Double)`).
    private var outOfRangeKey: OutOfRangeKey {
        if let exact = JSONExactDecimal(lexeme: lexeme) { return .exact(exact) }
        return .spelling(lexeme)
    }

    private enum OutOfRangeKey: Hashable {
        case exact(JSONExactDecimal)
        case spelling(String)
    }

    /// True when the lexeme is a number as RFC 8259 writes them (false for the `nan` and
    /// `inf` spellings of numbers made from non-finite doubles).
    public var hasValidLexeme: Bool {
        JSONExactDecimal(lexeme: lexeme) != nil
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The lexeme.
    public var description: String { lexeme }
}
