/// An exact decimal number read from an XSD lexical form (`xsd:decimal`, `xsd:integer` and
/// its derived types): a sign and its significant digits, without rounding, so values of
/// any length compare exactly.
public struct XSDDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// True for values below zero (zero is never negative).
    public let isNegative: Bool
    /// Digits before the point, without leading zeros (empty for zero).
    public let integerDigits: [UInt8]
    /// Digits after the point, without trailing zeros.
    public let fractionDigits: [UInt8]

    /// Parses `[+-]?digits(.digits)?` (an `xsd:decimal`), or only `[+-]?digits` when
    /// `integerOnly`. Returns nil for anything else (exponents are not decimals).
    public init?(lexical text: String, integerOnly: Bool = false) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var seenPoint = false
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, !integerOnly else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            digits += 1
            if seenPoint { fraction.append(byte - 48) } else { integer.append(byte - 48) }
        }
        guard digits > 0 else { return nil }
        self.init(negative: negative, integer: integer, fraction: fraction)
    }

    /// An integer value.
    public init(_ value: Int) {
        let magnitude = value.magnitude
        let digits = magnitude == 0 ? [] : String(magnitude).utf8.map { $0 - 48 }
        self.init(negative: value < 0, integer: digits, fraction: [])
    }

    /// A value from its sign and digits (normalized: leading and trailing zeros dropped).
    public init(negative: Bool, integer: [UInt8], fraction: [UInt8]) {
        let int = Array(integer.drop { $0 == 0 })
        var frac = fraction
        while frac.last == 0 { frac.removeLast() }
        self.integerDigits = int
        self.fractionDigits = frac
        self.isNegative = negative && !(int.isEmpty && frac.isEmpty)
    }

    /// True for zero.
    public var isZero: Bool { integerDigits.isEmpty && fractionDigits.isEmpty }

    /// True when the value has no fractional part.
    public var isInteger: Bool { fractionDigits.isEmpty }

    /// The nearest `Double` (for comparisons with `xsd:double`/`xsd:float` values).
    public var doubleValue: Double { Double(description) ?? .nan }

    /// The canonical decimal form, e.g. `-1.5`, `0`, `12`.
    public var description: String {
        var out = isNegative ? "-" : ""
        out += integerDigits.isEmpty ? "0" : String(decoding: integerDigits.map { $0 + 48 }, as: UTF8.self)
        if !fractionDigits.isEmpty { out += "." + String(decoding: fractionDigits.map { $0 + 48 }, as: UTF8.self) }
        return out
    }

    /// The value plus `other` (used for instants: whole seconds plus a fraction).
    public static func + (lhs: XSDDecimal, rhs: XSDDecimal) -> XSDDecimal {
        // Only used with non-negative fractions added to integers of any sign; a general
        // exact sum goes through digit arrays.
        let scale = max(lhs.fractionDigits.count, rhs.fractionDigits.count)
        func scaled(_ d: XSDDecimal) -> [Int] {
            d.integerDigits.map(Int.init) + d.fractionDigits.map(Int.init)
                + Array(repeating: 0, count: scale - d.fractionDigits.count)
        }
        let a = scaled(lhs)
        let b = scaled(rhs)
        let (magnitude, negative): ([Int], Bool)
        if lhs.isNegative == rhs.isNegative {
            magnitude = addDigits(a, b)
            negative = lhs.isNegative
        } else if compareDigits(a, b) >= 0 {
            magnitude = subtractDigits(a, b)
            negative = lhs.isNegative
        } else {
            magnitude = subtractDigits(b, a)
            negative = rhs.isNegative
        }
        let split = magnitude.count - scale
        let integer = split > 0 ? magnitude[..<split].map { UInt8($0) } : []
        let fraction =
            split >= 0
            ? magnitude[split...].map { UInt8($0) }
            : Array(repeating: 0, count: -split) + magnitude.map { UInt8($0) }
        return XSDDecimal(negative: negative, integer: integer, fraction: fraction)
    }

    public static func < (lhs: XSDDecimal, rhs: XSDDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = lessMagnitude(lhs, rhs)
        let magnitudeGreater = lessMagnitude(rhs, lhs)
        return lhs.isNegative ? magnitudeGreater : magnitudeLess
    }

    private static func lessMagnitude(_ a: XSDDecimal, _ b: XSDDecimal) -> Bool {
        if a.integerDigits.count != b.integerDigits.count { return a.integerDigits.count < b.integerDigits.count }
        if a.integerDigits != b.integerDigits { return a.integerDigits.lexicographicallyPrecedes(b.integerDigits) }
        return a.fractionDigits.lexicographicallyPrecedes(b.fractionDigits)
    }

    private static func compareDigits(_ a: [Int], _ b: [Int]) -> Int {
        let a = Array(a.drop { $0 == 0 })
        let b = Array(b.drop { $0 == 0 })
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        if a == b { return 0 }
        return a.lexicographicallyPrecedes(b) ? -1 : 1
    }

    private static func addDigits(_ a: [Int], _ b: [Int]) -> [Int] {
        let n = max(a.count, b.count)
        var out = Array(repeating: 0, count: n + 1)
        var carry = 0
        for i in 0..<n {
            let x = i < a.count ? a[a.count - 1 - i] : 0
            let y = i < b.count ? b[b.count - 1 - i] : 0
            let sum = x + y + carry
            out[n - i] = sum % 10
            carry = sum / 10
        }
        out[0] = carry
        return out
    }

    private static func subtractDigits(_ a: [Int], _ b: [Int]) -> [Int] {
        var out = a
        var borrow = 0
        for i in 0..<a.count {
            let y = i < b.count ? b[b.count - 1 - i] : 0
            var d = a[a.count - 1 - i] - y - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 10 }
            out[a.count - 1 - i] = d
        }
        return out
    }
}
