/// The exact decimal value of a JSON number lexeme, in a normal form: two lexemes have equal
/// forms exactly when they denote the same mathematical number (`1e400`, `10E399` and
/// `1.0e400` are equal; `1e400` and `2e400` are not).
///
/// Numbers are compared by their double value; this form serves the numbers that have none
/// (beyond the double range), which would otherwise all compare equal as infinities.
struct JSONExactDecimal: Hashable, Sendable {
    /// True for negative non-zero numbers.
    var negative: Bool
    /// Significant digits as ASCII, without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    /// The value is `0.digits × 10^exponent`.
    var exponent: Int
    /// The whole lexeme, kept only when its exponent does not fit an `Int` (such lexemes
    /// then compare by spelling).
    var overflowingLexeme: String?

    /// The normal form of `lexeme`, or `nil` when it is not a JSON number (RFC 8259 §6).
    init?(lexeme: String) {
        let bytes = Array(lexeme.utf8)
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
        negative = false
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        guard isDigit(i) else { return nil }
        if bytes[i] == UInt8(ascii: "0") && isDigit(i + 1) { return nil }
        var mantissa: [UInt8] = []
        var pointPosition = 0
        while isDigit(i) {
            mantissa.append(bytes[i])
            pointPosition += 1
            i += 1
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) {
                mantissa.append(bytes[i])
                i += 1
            }
        }
        var writtenExponent = 0
        var overflow = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard isDigit(i) else { return nil }
            while isDigit(i) {
                let (times10, o1) = writtenExponent.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(bytes[i] - 0x30))
                overflow = overflow || o1 || o2
                writtenExponent = sum
                i += 1
            }
            if exponentNegative { writtenExponent = -writtenExponent }
        }
        guard i == bytes.count else { return nil }

        var first = 0
        while first < mantissa.count && mantissa[first] == UInt8(ascii: "0") {
            first += 1
            pointPosition -= 1
        }
        var end = mantissa.count
        while end > first && mantissa[end - 1] == UInt8(ascii: "0") { end -= 1 }
        digits = Array(mantissa[first..<end])
        overflowingLexeme = nil
        if digits.isEmpty {
            negative = false
            exponent = 0
            return
        }
        let (sum, o3) = pointPosition.addingReportingOverflow(writtenExponent)
        if overflow || o3 {
            exponent = 0
            overflowingLexeme = lexeme
        } else {
            exponent = sum
        }
    }
}
