import Foundation

/// Exact `Decimal` values from XSD decimal lexical forms, built digit by digit (no locale,
/// no `NumberFormatter`): the evaluator reads many of them per decision.
enum ExactDecimal {
    /// The value of `[+-]?digits(.digits)?` (at most 38 significant digits), nil otherwise.
    /// With `integer`, a fractional part is refused.
    static func parse(_ text: Substring, integer: Bool) -> Decimal? {
        var bytes = text.utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var significand = Decimal(0)
        var small: UInt64 = 0
        var smallDigits = 0
        var digits = 0
        var exponent = 0
        var seenPoint = false
        var any = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, !integer else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= 48, byte <= 57 else { return nil }
            any = true
            if digits == 0, byte == 48, !seenPoint { continue }  // leading zeros
            digits += 1
            guard digits <= 38 else { return nil }
            small = small * 10 + UInt64(byte - 48)
            smallDigits += 1
            if smallDigits == 18 {
                significand = significand * Decimal(1_000_000_000_000_000_000 as UInt64) + Decimal(small)
                small = 0
                smallDigits = 0
            }
            if seenPoint { exponent -= 1 }
        }
        guard any else { return nil }
        if smallDigits > 0 {
            significand = significand * power10(smallDigits) + Decimal(small)
        }
        var value = Decimal(sign: .plus, exponent: exponent, significand: significand)
        if negative, !value.isZero { value.negate() }
        return value
    }

    /// The decimal value of `whole` seconds plus the fraction `0.digits`.
    static func seconds(_ whole: Int, fraction digits: String) -> Decimal {
        guard !digits.isEmpty, let part = parse(Substring("0." + digits.prefix(30)), integer: false) else {
            return Decimal(whole)
        }
        return Decimal(whole) + part
    }

    private static func power10(_ n: Int) -> Decimal {
        var result: UInt64 = 1
        for _ in 0..<n { result *= 10 }
        return Decimal(result)
    }
}
